// One incident: its facts, the notification deadline, and the status moves the register allows from
// here (model.ts on the server: oppen → åtgärdad | anmäld, åtgärdad → anmäld | öppen | avslutad,
// anmäld → avslutad). Notifying IMY asks for the time of the notification and, after the deadline,
// the reasons for the delay. Notifying and closing are the data-protection officer's.
import {
  Badge, Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, Textarea, tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiRequestError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { AccountabilityApi } from '../reports/api';
import { CATEGORY_TEXT, STATUS_BADGE, STATUS_TEXT, useIncidentText } from '../reports/strings';
import { AUDITOR_STATUSES, type Incident, type IncidentStatus } from '../reports/types';
import { IncidentDeadline } from './Deadline';
import { fieldErrors, type FieldErrors } from './errors';
import { IncidentForm } from './IncidentForm';
import { fromLocalInput, toLocalInput } from './time';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '720px' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  notify: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
});

export interface IncidentDetailProps {
  api: Pick<AccountabilityApi, 'createIncident' | 'updateIncident' | 'setIncidentStatus' | 'getIncident'>;
  incident: Incident;
  isAuditor: boolean;
  onChange: (incident: Incident) => void;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

const NOTIFY_FIELDS = ['imyNotifiedAt', 'imyReference', 'delayReason', 'status', 'correctiveActions', 'mustNotifyImy'] as const;

export function IncidentDetail({ api, incident: i, isAuditor, onChange, displayName, now = Date.now }: IncidentDetailProps) {
  const styles = useStyles();
  const t = useIncidentText();
  const i18n = useI18n();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [notifying, setNotifying] = useState(false);
  const [notifiedAt, setNotifiedAt] = useState(() => toLocalInput(now()));
  const [reference, setReference] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const status = (s: IncidentStatus) => STATUS_TEXT[s][i18n.lang];
  const moves = i.allowedTransitions.filter((s) => isAuditor || !AUDITOR_STATUSES.includes(s));
  const notifiedIso = fromLocalInput(notifiedAt);
  const late = notifiedIso !== null && Date.parse(notifiedIso) > Date.parse(i.notification.deadline);

  const move = async (to: IncidentStatus) => {
    if (to === 'anmald' && !notifying) {
      setNotifying(true);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const extra = to === 'anmald'
        ? { ...(notifiedIso ? { imyNotifiedAt: notifiedIso } : {}), ...(reference.trim() ? { imyReference: reference.trim() } : {}), ...(late && delayReason.trim() ? { delayReason: delayReason.trim() } : {}) }
        : {};
      const next = await api.setIncidentStatus(i.id, { revision: i.revision, status: to, ...extra });
      setNotifying(false);
      setMessage({ intent: 'success', text: t('statusChanged', { status: status(to) }) });
      onChange(next);
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'stale-revision') {
        onChange(await api.getIncident(i.id));
        setMessage({ intent: 'warning', text: t('stale') });
      } else {
        const found = fieldErrors(error, NOTIFY_FIELDS, t('pinFound'));
        setErrors(found.fields);
        setMessage({ intent: 'error', text: found.general ?? t('fixFields') });
      }
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <IncidentForm
        api={api} editing={i} assessmentId={undefined} now={now}
        onSaved={(next) => { setEditing(false); setMessage({ intent: 'success', text: t('saved') }); onChange(next); }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  const state = (field: string) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});
  const text = (value: string | null) => (value && value.trim() !== '' ? value : t('emptyText'));

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId}>{t('detailHeading', { category: CATEGORY_TEXT[i.category][i18n.lang] })}</Subtitle2>
        <Badge appearance="tint" color={STATUS_BADGE[i.status]}>{status(i.status)}</Badge>
        {i.notification.overdue && <Badge appearance="filled" color="danger">{t('overdueBadge')}</Badge>}
      </div>
      <Caption1>{t('reportedBy', { name: displayName?.(i.reportedBy) ?? i.reportedBy, at: i18n.dateTime(i.createdAt) })}</Caption1>
      {message && <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      <IncidentDeadline incident={i} now={now} />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('fieldOccurred')}</dt><dd className={styles.value}>{i18n.dateTime(i.occurredAt)}</dd>
        <dt className={styles.term}>{t('fieldDiscovered')}</dt><dd className={styles.value}>{i18n.dateTime(i.discoveredAt)}</dd>
        <dt className={styles.term}>{t('fieldDescription')}</dt><dd className={styles.value}>{text(i.description)}</dd>
        <dt className={styles.term}>{t('fieldEffects')}</dt><dd className={styles.value}>{text(i.effects)}</dd>
        <dt className={styles.term}>{t('fieldActions')}</dt><dd className={styles.value}>{text(i.correctiveActions)}</dd>
        <dt className={styles.term}>{t('fieldNotify')}</dt><dd className={styles.value}>{i.mustNotifyImy ? t('yes') : t('no')}</dd>
        {i.imyReference && (<><dt className={styles.term}>{t('imyReference')}</dt><dd className={styles.value}>{i.imyReference}</dd></>)}
        {i.delayReason && (<><dt className={styles.term}>{t('delayReason')}</dt><dd className={styles.value}>{i.delayReason}</dd></>)}
        <dt className={styles.term}>{t('fieldAssessment')}</dt><dd className={styles.value}>{i.assessmentId ?? t('emptyText')}</dd>
      </dl>

      <div className={styles.section}>
        <Subtitle2 as="h3">{t('statusHeading')}</Subtitle2>
        {i.status === 'avslutad' ? <Body1>{t('final')}</Body1> : (
          <>
            <div className={styles.actions}>
              <Button onClick={() => setEditing(true)} disabled={busy}>{t('edit')}</Button>
              {moves.map((s) => (
                <Button key={s} appearance={s === 'anmald' ? 'primary' : 'secondary'} disabled={busy || (s === 'anmald' && notifying)} onClick={() => void move(s)}>
                  {t('moveTo', { status: status(s) })}
                </Button>
              ))}
            </div>
            {!isAuditor && i.allowedTransitions.some((s) => AUDITOR_STATUSES.includes(s)) && <Caption1>{t('onlyAuditor')}</Caption1>}
            {errors.status && <MessageBar intent="error"><MessageBarBody>{errors.status}</MessageBarBody></MessageBar>}
            {errors.correctiveActions && <MessageBar intent="error"><MessageBarBody>{errors.correctiveActions}</MessageBarBody></MessageBar>}
            {errors.mustNotifyImy && <MessageBar intent="error"><MessageBarBody>{errors.mustNotifyImy}</MessageBarBody></MessageBar>}
          </>
        )}
        {notifying && (
          <div className={styles.notify} role="group" aria-label={t('notifyHeading')}>
            <Body1><strong>{t('notifyHeading')}</strong></Body1>
            <Field label={t('imyNotifiedAt')} required {...state('imyNotifiedAt')}>
              <Input type="datetime-local" value={notifiedAt} onChange={(_, d) => setNotifiedAt(d.value)} />
            </Field>
            <Field label={t('imyReference')} {...state('imyReference')}>
              <Input value={reference} onChange={(_, d) => setReference(d.value)} maxLength={100} />
            </Field>
            {late && (
              <Field label={t('delayReason')} hint={t('delayReasonHint')} required {...state('delayReason')}>
                <Textarea value={delayReason} onChange={(_, d) => setDelayReason(d.value)} resize="vertical" maxLength={2000} />
              </Field>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy} onClick={() => void move('anmald')}>{t('confirmNotify')}</Button>
              <Button disabled={busy} onClick={() => { setNotifying(false); setErrors({}); }}>{t('cancel')}</Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
