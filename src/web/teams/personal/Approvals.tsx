// *Att godkänna*: the manager's pending co-approvals, each with its age and the full summary that
// identifies no one (type, time, service, verdict with reasons, identity requirement, checklist,
// deviation), decided with the same endpoint the adaptive card uses: POST /api/assessments/:id/decision.
import {
  Badge, Body1, Button, Caption1, Card, CardHeader, Field, makeStyles, MessageBar, MessageBarBody, Spinner,
  Subtitle1, Subtitle2, Textarea, tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Assessment } from '../../../api/contract';
import { findPersonalIdentityNumber } from '../../../policy/personalIdentityNumber';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../../shared/api';
import { VerdictView } from '../../shared/components/VerdictView';
import { useI18n } from '../../shared/i18n';
import { age, errorMessage, meetingTime, meetingTypeLabel, serviceLabel } from '../format';
import { useText } from '../strings';

export type ApprovalsApi = Pick<MotescheckApi, 'listAssessments' | 'decideAssessment'>;

export interface ApprovalsProps {
  api: ApprovalsApi;
  policy: Policy;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '820px' },
  card: { padding: tokens.spacingHorizontalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  decide: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export function Approvals({ api, policy, displayName, now = Date.now }: ApprovalsProps) {
  const styles = useStyles();
  const t = useText();
  const [pending, setPending] = useState<Assessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api.listAssessments('approvals')
      .then((items) => {
        if (!cancelled) setPending(items.filter((a) => a.status === 'awaiting-approval').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)));
      })
      .catch((e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: errorMessage(e) })); });
    return () => { cancelled = true; };
  }, [api, t, attempt]);

  const onDecided = (a: Assessment) => {
    setPending((items) => items?.filter((x) => x.id !== a.id) ?? null);
    setDecided((list) => [...list, t(a.status === 'approved' ? 'decidedApproved' : 'decidedRejected')]);
  };

  return (
    <section className={styles.root} aria-labelledby="approvals-heading">
      <Subtitle1 as="h1" id="approvals-heading">{t('approvalsHeading')}</Subtitle1>
      <Body1>{t('approvalsIntro')}</Body1>
      <div role="status" aria-live="polite">
        {decided.map((text, i) => <MessageBar key={i} intent="success"><MessageBarBody>{text}</MessageBarBody></MessageBar>)}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error} <Button size="small" onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button></MessageBarBody>
        </MessageBar>
      )}
      {!pending && !error && <Spinner label={t('loading')} />}
      {pending && pending.length === 0 && <Body1>{t('approvalsEmpty')}</Body1>}
      {pending?.map((a) => (
        <PendingCard key={`${a.id}-${a.revision}`} api={api} policy={policy} assessment={a} displayName={displayName} now={now} onDecided={onDecided} />
      ))}
    </section>
  );
}

interface PendingCardProps {
  api: ApprovalsApi;
  policy: Policy;
  assessment: Assessment;
  displayName?: (oid: string) => string | undefined;
  now: () => number;
  onDecided: (a: Assessment) => void;
}

function PendingCard({ api, policy, assessment: a, displayName, now, onDecided }: PendingCardProps) {
  const styles = useStyles();
  const t = useText();
  const i18n = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const type = meetingTypeLabel(policy, a.meetingTypeId, i18n);
  const time = meetingTime(a, i18n, t);
  const pin = findPersonalIdentityNumber(comment);

  const decide = async (outcome: 'approved' | 'rejected') => {
    if (pin) return setProblem(t('commentPin'));
    if (outcome === 'rejected' && comment.trim() === '') return setProblem(t('commentRequired'));
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const trimmed = comment.trim();
      const result = await api.decideAssessment(a.id, { revision: a.revision, outcome, ...(trimmed ? { comment: trimmed } : {}) });
      onDecided(result);
    } catch (e) {
      setError(t('errorAction', { message: errorMessage(e) }));
      setBusy(false);
    }
  };

  const shownProblem = pin ? t('commentPin') : problem;

  return (
    <Card className={styles.card} aria-labelledby={`${id}-title`} role="article">
      <CardHeader
        header={<Subtitle2 as="h2" id={`${id}-title`}>{type} · {time}</Subtitle2>}
        description={<Caption1>{t('waited', { age: age(a.updatedAt, now(), t) })}</Caption1>}
        action={<Badge appearance="tint" color="informative">{t('statusAwaiting')}</Badge>}
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('colType')}</dt><dd className={styles.definition}>{type}</dd>
        <dt className={styles.term}>{t('meetingTime')}</dt><dd className={styles.definition}>{time}</dd>
        <dt className={styles.term}>{t('colService')}</dt><dd className={styles.definition}>{serviceLabel(policy, a, t)}</dd>
        <dt className={styles.term}>{t('roleCaseworker')}</dt><dd className={styles.definition}>{displayName?.(a.organizer) ?? a.organizer}</dd>
      </dl>
      <Caption1>{t('revisionOf', { revision: a.revision, policy: a.policyNumber })}</Caption1>
      <VerdictView policy={policy} verdict={a.verdict} mode={a.mode} />
      <div className={styles.decide} role="group" aria-label={t('decisionFor', { type, time })}>
        <Field label={t('comment')} hint={t('commentHint')} validationState={shownProblem ? 'error' : 'none'} validationMessage={shownProblem ?? undefined}>
          <Textarea value={comment} resize="vertical" disabled={busy} onChange={(_, d) => { setComment(d.value); setProblem(null); }} />
        </Field>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy} onClick={() => void decide('approved')}>{t('approve')}</Button>
          <Button disabled={busy} onClick={() => void decide('rejected')}>{t('reject')}</Button>
        </div>
        {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      </div>
    </Card>
  );
}
