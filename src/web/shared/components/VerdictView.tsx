// A verdict in plain language: the outcome for a digital meeting (or what it would be, for one held in
// person), the deviation decision it rests on, every reason with its source, the identity check, the
// checklist and whether the manager must co-approve.
import {
  Badge, Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens,
} from '@fluentui/react-components';
import type { AssessmentMode } from '../../../api/contract';
import { DECISION_LEVEL_TEXT } from '../../../policy/texts';
import type { DigitalOutcome, Policy, Severity, Verdict } from '../../../policy/types';
import { useI18n, type StringKey } from '../i18n';

export interface VerdictViewProps {
  policy: Policy;
  verdict: Verdict;
  mode: AssessmentMode;
  /** Shown above the outcome while the verdict is the browser's own preview. */
  preview?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  reason: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  reasonHead: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  badge: { flexShrink: 0 },
  source: { color: tokens.colorNeutralForeground3 },
});

const OUTCOME: Record<DigitalOutcome, { intent: 'success' | 'warning' | 'error'; title: StringKey; word: StringKey }> = {
  allowed: { intent: 'success', title: 'digitalAllowed', word: 'outcomeAllowed' },
  'allowed-with-deviation': { intent: 'warning', title: 'digitalWithDeviation', word: 'outcomeWithDeviation' },
  'not-allowed': { intent: 'error', title: 'digitalNotAllowed', word: 'outcomeNotAllowed' },
};

const SEVERITY: Record<Severity, { label: StringKey; color: 'danger' | 'warning' | 'informative' }> = {
  block: { label: 'severityBlock', color: 'danger' },
  warning: { label: 'severityWarning', color: 'warning' },
  info: { label: 'severityInfo', color: 'informative' },
};

const WHO: Record<string, StringKey> = { caseworker: 'whoCaseworker', counterpart: 'whoCounterpart', both: 'whoBoth' };

export function VerdictView({ policy, verdict, mode, preview }: VerdictViewProps) {
  const styles = useStyles();
  const { t, p } = useI18n();
  const outcome = OUTCOME[verdict.digital];
  const deviationLevel = verdict.deviation
    && policy.deviations.find((d) => d.id === verdict.deviation?.id)?.decision.level;
  const methodLabels = verdict.identityVerification.methods.map((id) => {
    const method = policy.identityMethods.find((m) => m.id === id);
    return method ? p(method.label) : id;
  });
  const serviceLabels = verdict.approvedServices.map((id) => policy.services.find((s) => s.id === id)?.label ?? id);
  const digital = mode === 'digital';

  return (
    <section className={styles.root} aria-label={t('verdictHeading')}>
      {preview && <Caption1>{t('previewNote')}</Caption1>}

      {digital ? (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(outcome.title)}</MessageBarTitle>
            {verdict.deviation && (
              <div>
                {t('deviationReference', { reference: verdict.deviation.reference, validUntil: verdict.deviation.validUntil })}
                {deviationLevel ? ` (${p(DECISION_LEVEL_TEXT[deviationLevel])})` : ''}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('physicalMeeting')}</MessageBarTitle>
            <div>{t('physicalNote', { outcome: t(outcome.word) })}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      {digital && verdict.deviation && verdict.deviation.conditions.length > 0 && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{t('deviationConditions')}</Subtitle2>
          <ul className={styles.list}>
            {verdict.deviation.conditions.map((c, i) => <li key={i}><Body1>{p(c)}</Body1></li>)}
          </ul>
        </div>
      )}

      {verdict.reasons.length > 0 && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{t('reasons')}</Subtitle2>
          <ul className={styles.list}>
            {verdict.reasons.map((reason, i) => (
              <li key={`${reason.code}-${i}`} className={styles.reason}>
                <span className={styles.reasonHead}>
                  <Badge className={styles.badge} appearance="tint" color={SEVERITY[reason.severity].color} shape="rounded">{t(SEVERITY[reason.severity].label)}</Badge>
                  <Body1>{p(reason.text)}</Body1>
                </span>
                <Caption1 className={styles.source}>{t('source', { source: reason.source })}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}

      {!digital && (
        <Body1>{serviceLabels.length > 0 ? t('approvedServices', { services: serviceLabels.join(', ') }) : t('noApprovedServices')}</Body1>
      )}

      <div className={styles.section}>
        <Subtitle2 as="h3">{t('identity')}</Subtitle2>
        {verdict.identityVerification.required ? (
          <>
            <Body1>{t('identityRequired', { level: verdict.identityVerification.assurance })}</Body1>
            <Body1>{methodLabels.length > 0 ? t('identityMethods', { methods: methodLabels.join(', ') }) : t('identityNoMethods')}</Body1>
            {digital && (
              <Body1>{verdict.identityVerification.serviceProvides ? t('identityServiceProvides') : t('identityServiceDoesNotProvide')}</Body1>
            )}
          </>
        ) : (
          <Body1>{t('identityNotRequired')}</Body1>
        )}
      </div>

      {digital && verdict.digital !== 'not-allowed' && verdict.checklist.length > 0 && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{t('checklist')}</Subtitle2>
          <ul className={styles.list}>
            {verdict.checklist.map((item) => (
              <li key={item.id}>
                <Body1>{p(item.text)}</Body1>
                {WHO[item.who] && <Caption1 className={styles.source}> ({t(WHO[item.who]!)})</Caption1>}
              </li>
            ))}
          </ul>
        </div>
      )}

      <Body1>{verdict.coApproval.required ? t('coApprovalRequired') : t('coApprovalNotRequired')}</Body1>
    </section>
  );
}
