// Registering (or changing) an incident: category, when it happened and was discovered, what happened,
// effects, corrective actions, whether IMY must be notified — with the 72-hour deadline from the
// discovery shown as it is typed. The server refuses free text holding a personal identity number
// (422 naming the field); that refusal is shown beside the field.
import {
  Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Textarea, tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n';
import type { AccountabilityApi } from '../reports/api';
import { CATEGORY_TEXT, STATUS_TEXT, useIncidentText } from '../reports/strings';
import { INCIDENT_CATEGORIES, type Incident, type IncidentCategory, type IncidentInput } from '../reports/types';
import { Countdown } from './Deadline';
import { fieldErrors, type FieldErrors } from './errors';
import { deadlineFrom, fromLocalInput, toLocalInput } from './time';

const FIELDS = ['category', 'occurredAt', 'discoveredAt', 'description', 'effects', 'correctiveActions', 'mustNotifyImy', 'assessmentId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '640px' },
  times: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  deadline: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface IncidentFormProps {
  api: Pick<AccountabilityApi, 'createIncident' | 'updateIncident'>;
  /** The meeting's check the incident belongs to: fixed when the form is opened from the meeting. */
  assessmentId?: string | null;
  /** An incident to change; absent for a new one. */
  editing?: Incident;
  onSaved: (incident: Incident) => void;
  onCancel?: () => void;
  now?: () => number;
}

export function IncidentForm({ api, assessmentId, editing, onSaved, onCancel, now = Date.now }: IncidentFormProps) {
  const styles = useStyles();
  const t = useIncidentText();
  const i18n = useI18n();
  const headingId = useId();
  const fixedLink = assessmentId !== undefined && assessmentId !== null;
  const [category, setCategory] = useState<IncidentCategory | ''>(editing?.category ?? '');
  const [occurred, setOccurred] = useState(() => (editing ? toLocalInput(editing.occurredAt) : ''));
  const [discovered, setDiscovered] = useState(() => toLocalInput(editing?.discoveredAt ?? now()));
  const [description, setDescription] = useState(editing?.description ?? '');
  const [effects, setEffects] = useState(editing?.effects ?? '');
  const [actions, setActions] = useState(editing?.correctiveActions ?? '');
  const [mustNotify, setMustNotify] = useState(editing?.mustNotifyImy ?? false);
  const [link, setLink] = useState(editing?.assessmentId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const discoveredIso = fromLocalInput(discovered);
  const deadline = discoveredIso ? deadlineFrom(discoveredIso) : null;

  const check = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!category) e.category = t('categoryRequired');
    if (!fromLocalInput(occurred)) e.occurredAt = t('timeRequired');
    if (!discoveredIso) e.discoveredAt = t('timeRequired');
    if (description.trim() === '') e.description = t('descriptionRequired');
    if (!fixedLink && link.trim() !== '' && !UUID.test(link.trim())) e.assessmentId = t('assessmentIdInvalid');
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = check();
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) return;
    const input: IncidentInput = {
      category: category as IncidentCategory, occurredAt: fromLocalInput(occurred)!, discoveredAt: discoveredIso!,
      description, effects, correctiveActions: actions, mustNotifyImy: mustNotify,
      assessmentId: fixedLink ? assessmentId : link.trim() === '' ? null : link.trim(),
    };
    setBusy(true);
    try {
      onSaved(editing ? await api.updateIncident(editing.id, { ...input, revision: editing.revision }) : await api.createIncident(input));
    } catch (error) {
      const found = fieldErrors(error, FIELDS, t('pinFound'));
      setErrors(found.fields);
      setGeneral(found.general ?? t('fixFields'));
    } finally {
      setBusy(false);
    }
  };

  const state = (field: string) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={headingId} noValidate>
      <Subtitle2 as="h2" id={headingId}>{editing ? t('editHeading') : t('formHeading')}</Subtitle2>
      <Caption1>{t('intro')}</Caption1>
      {fixedLink && <Body1>{t('linkedTo', { id: assessmentId })}</Body1>}
      {editing && <Body1>{t('statusNow', { status: STATUS_TEXT[editing.status][i18n.lang] })}</Body1>}
      <Field label={t('category')} required {...state('category')}>
        <Select value={category} onChange={(_, d) => setCategory(d.value as IncidentCategory | '')}>
          <option value="">{t('categoryPlaceholder')}</option>
          {INCIDENT_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_TEXT[c][i18n.lang]}</option>)}
        </Select>
      </Field>
      <div className={styles.times}>
        <Field label={t('occurredAt')} required {...state('occurredAt')}>
          <Input type="datetime-local" value={occurred} onChange={(_, d) => setOccurred(d.value)} />
        </Field>
        <Field label={t('discoveredAt')} hint={t('discoveredHint')} required {...state('discoveredAt')}>
          <Input type="datetime-local" value={discovered} onChange={(_, d) => setDiscovered(d.value)} />
        </Field>
      </div>
      <Field label={t('description')} hint={t('freeTextHint')} required {...state('description')}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" maxLength={4000} />
      </Field>
      <Field label={t('effects')} hint={t('effectsHint')} {...state('effects')}>
        <Textarea value={effects} onChange={(_, d) => setEffects(d.value)} resize="vertical" maxLength={4000} />
      </Field>
      <Field label={t('correctiveActions')} hint={t('freeTextHint')} {...state('correctiveActions')}>
        <Textarea value={actions} onChange={(_, d) => setActions(d.value)} resize="vertical" maxLength={4000} />
      </Field>
      {!fixedLink && (
        <Field label={t('assessmentId')} hint={t('assessmentIdHint')} {...state('assessmentId')}>
          <Input value={link} onChange={(_, d) => setLink(d.value)} />
        </Field>
      )}
      <Field hint={t('mustNotifyHint')} {...state('mustNotifyImy')}>
        <Checkbox label={t('mustNotify')} checked={mustNotify} onChange={(_, d) => setMustNotify(d.checked === true)} />
      </Field>
      {mustNotify && deadline && (
        <section className={styles.deadline} aria-label={t('deadlineHeading')}>
          <Body1><strong>{t('deadlineHeading')}</strong></Body1>
          <Countdown deadline={deadline} now={now} />
        </section>
      )}
      {general && <MessageBar intent="error" role="alert"><MessageBarBody>{general}</MessageBarBody></MessageBar>}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>{busy ? t('saving') : editing ? t('save') : t('submit')}</Button>
        {onCancel && <Button onClick={onCancel} disabled={busy}>{t('cancel')}</Button>}
      </div>
    </form>
  );
}
