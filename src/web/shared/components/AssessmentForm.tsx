// The assessment form shared by the Outlook task pane and the Teams meeting panel: mode, meeting type,
// the individual's needs (each explained in one line), the service (recognised from the meeting link
// or chosen by hand) and "inte ett klientmöte". Labels come from the published policy.
import {
  Caption1, Checkbox, Field, Label, makeStyles, Radio, RadioGroup, Select, tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { Need, Policy } from '../../../policy/types';
import type { AssessmentFormValue } from '../assessment';
import { useI18n, type I18n } from '../i18n';

/** What the meeting link said about the service. */
export type LinkRecognition =
  | { kind: 'recognised'; serviceId: string }
  | { kind: 'unrecognised' }
  | { kind: 'no-link' };

export interface AssessmentFormProps {
  policy: Policy;
  value: AssessmentFormValue;
  onChange: (value: AssessmentFormValue) => void;
  /** Absent where the host has no meeting link to read (the service is then always chosen by hand). */
  link?: LinkRecognition;
  disabled?: boolean;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  // A native select grows to its longest option; keep it inside the narrow pane.
  select: { width: '100%', maxWidth: '100%', minWidth: 0 },
  needs: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  need: { display: 'flex', flexDirection: 'column' },
  needExplanation: { color: tokens.colorNeutralForeground3, paddingLeft: '32px' },
  needExplanation0: { color: tokens.colorNeutralForeground3 },
});

const LEVEL_NAMES = {
  sv: ['ingen', 'måttlig', 'betydande', 'allvarlig', 'synnerligen allvarlig'],
  en: ['none', 'moderate', 'significant', 'serious', 'exceptionally serious'],
} as const;

/** One line saying what a need does, where the policy gives no explanation of its own. */
export function needExplanation(need: Need, i18n: I18n): string {
  if (need.description) return i18n.p(need.description);
  const sv = i18n.lang === 'sv';
  const e = need.effects;
  const parts: string[] = [];
  if (e.digital === 'never') parts.push(sv ? 'mötet ska hållas fysiskt' : 'the meeting must be held in person');
  if (e.noEid) parts.push(sv ? 'klienten saknar e-legitimation' : 'the client has no e-ID');
  if (e.identityVerification) parts.push(sv ? 'identiteten ska kontrolleras' : 'identity must be verified');
  if (e.coApproval) parts.push(sv ? 'chefen ska godkänna' : 'the manager must approve');
  if (e.checklist?.length) parts.push(sv ? 'fler punkter på checklistan' : 'more checklist items');
  const line = parts.join(', ') || (sv ? 'ingen särskild verkan' : 'no particular effect');
  return line.charAt(0).toUpperCase() + line.slice(1) + '.';
}

function meetingTypeHint(policy: Policy, typeId: string | null, i18n: I18n): string | undefined {
  const type = policy.meetingTypes.find((t) => t.id === typeId);
  if (!type) return undefined;
  const level = type.classification.confidentiality;
  const sv = i18n.lang === 'sv';
  const info = type.information;
  const kinds = [
    info.personalData && (sv ? 'personuppgifter' : 'personal data'),
    info.sensitiveData && (sv ? 'känsliga personuppgifter' : 'sensitive personal data'),
    info.secrecy && (sv ? 'sekretess' : 'secrecy'),
    info.childrenData && (sv ? 'uppgifter om barn' : "children's data"),
  ].filter(Boolean).join(', ');
  const klass = sv
    ? `Konfidentialitet K${level} (${LEVEL_NAMES.sv[level]})`
    : `Confidentiality K${level} (${LEVEL_NAMES.en[level]})`;
  const handles = kinds ? (sv ? `Hanterar ${kinds}. ` : `Handles ${kinds}. `) : '';
  const description = type.description ? `${i18n.p(type.description)} ` : '';
  return `${description}${handles}${klass}.`;
}

function serviceHint(policy: Policy, value: AssessmentFormValue, link: LinkRecognition | undefined, i18n: I18n) {
  if (!link) return undefined;
  if (link.kind === 'no-link') return { text: i18n.t('serviceNoLink'), state: 'none' as const };
  if (link.kind === 'unrecognised') return { text: i18n.t('serviceNotRecognised'), state: 'warning' as const };
  const service = policy.services.find((s) => s.id === link.serviceId)?.label ?? link.serviceId;
  if (value.serviceId && value.serviceId !== link.serviceId) {
    return { text: i18n.t('serviceDiffersFromLink', { service }), state: 'warning' as const };
  }
  return { text: i18n.t('serviceRecognised', { service }), state: 'success' as const };
}

export function AssessmentForm({ policy, value, onChange, link, disabled }: AssessmentFormProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, p } = i18n;
  const idPrefix = useId();
  const set = (patch: Partial<AssessmentFormValue>) => onChange({ ...value, ...patch });
  const toggleNeed = (id: string, checked: boolean) =>
    set({ needs: checked ? [...value.needs.filter((n) => n !== id), id] : value.needs.filter((n) => n !== id) });
  const hint = serviceHint(policy, value, link, i18n);

  return (
    <div className={styles.form}>
      <Field hint={t('notClientMeetingHint')}>
        <Checkbox
          label={t('notClientMeeting')}
          checked={value.notClientMeeting}
          disabled={disabled}
          onChange={(_, data) => set({ notClientMeeting: data.checked === true })}
        />
      </Field>

      {!value.notClientMeeting && (
        <>
          <Field label={t('mode')}>
            <RadioGroup
              layout="horizontal"
              value={value.mode}
              disabled={disabled}
              onChange={(_, data) => set({ mode: data.value === 'physical' ? 'physical' : 'digital' })}
            >
              <Radio value="digital" label={t('modeDigital')} />
              <Radio value="physical" label={t('modePhysical')} />
            </RadioGroup>
          </Field>

          <Field label={t('meetingType')} hint={meetingTypeHint(policy, value.meetingTypeId, i18n)}>
            <Select
              className={styles.select}
              value={value.meetingTypeId ?? ''}
              disabled={disabled}
              onChange={(_, data) => set({ meetingTypeId: data.value || null })}
            >
              <option value="">{t('meetingTypePlaceholder')}</option>
              {policy.meetingTypes.map((type) => (
                <option key={type.id} value={type.id}>{p(type.label)}</option>
              ))}
            </Select>
          </Field>

          {value.mode === 'digital' && (
            <Field
              label={t('service')}
              validationState={hint?.state}
              validationMessage={hint?.text}
            >
              <Select
                className={styles.select}
                value={value.serviceId ?? ''}
                disabled={disabled}
                onChange={(_, data) => set({ serviceId: data.value || null })}
              >
                <option value="">{t('servicePlaceholder')}</option>
                {policy.services.map((service) => (
                  <option key={service.id} value={service.id}>{service.label}</option>
                ))}
              </Select>
            </Field>
          )}

          {policy.needs.length > 0 && (
            // Not a Field: a Field gives its one control id to every control inside it.
            <div role="group" aria-labelledby={`${idPrefix}-needs`} aria-describedby={`${idPrefix}-needs-hint`} className={styles.needs}>
              <Label id={`${idPrefix}-needs`} weight="semibold">{t('needs')}</Label>
              <Caption1 id={`${idPrefix}-needs-hint`} className={styles.needExplanation0}>{t('needsHint')}</Caption1>
              {policy.needs.map((need) => {
                const explanationId = `${idPrefix}-need-${need.id}`;
                return (
                  <div key={need.id} className={styles.need}>
                    <Checkbox
                      label={p(need.label)}
                      checked={value.needs.includes(need.id)}
                      disabled={disabled}
                      aria-describedby={explanationId}
                      onChange={(_, data) => toggleNeed(need.id, data.checked === true)}
                    />
                    <Caption1 id={explanationId} className={styles.needExplanation}>{needExplanation(need, i18n)}</Caption1>
                  </div>
                );
              })}
            </div>
          )}
        </>
      )}
    </div>
  );
}
