// The editor's side panels: the review reminders and the list of problems (each a button to its
// field), the "prova ett möte" preview against the unsaved draft, the readable list of changes, the version history with its
// diff, and the conflict view that shows their saved draft beside my unsaved edit.
import {
  Badge, Body1, Button, Caption1, Checkbox, Field, Input, Label, makeStyles, MessageBar, MessageBarBody, MessageBarTitle,
  Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from '@fluentui/react-components';
import { Component, useEffect, useId, useState, type ReactNode } from 'react';
import type { PolicyDraft, ReminderRow, ValidationIssue } from '../../../api/contract';
import type { Policy, Verdict } from '../../../policy/types';
import { VerdictView } from '../../shared/components/VerdictView';
import { useI18n } from '../../shared/i18n';
import type { PolicyAdminApi, PolicyChange, PolicyVersionSummary } from '../../shared/policyApi';
import { errorMessage } from '../format';
import type { AccountabilityApi } from '../reports/api';
import { listAt, readablePath, reminderPath, type Section } from './model';
import { issueText, useSettingsText, type SettingsText, type SKey } from './strings';

const useStyles = makeStyles({
  panel: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    '& > *': { minWidth: 0 },
    '& .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  issueButton: { textAlign: 'start', justifyContent: 'flex-start', height: 'auto', minHeight: '24px', whiteSpace: 'normal' },
  path: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  needs: { display: 'flex', flexDirection: 'column' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-word' },
  nowrap: { whiteSpace: 'nowrap' },
  // A badge's text may wrap in a narrow column instead of spilling out of it.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  document: {
    fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', wordBreak: 'break-word',
    maxHeight: '20rem', overflowY: 'auto', margin: 0, padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusSmall,
  },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
});

export function sectionName(s: SettingsText): (section: Section) => string {
  const names: Record<Section, string> = {
    general: s('secGeneral'), meetingTypes: s('secTypes'), services: s('secServices'), deviations: s('secDeviations'),
    needs: s('secNeeds'), checklist: s('secChecklist'), identityMethods: s('secMethods'),
  };
  return (section) => names[section];
}

/**
 * Keeps one part of the tab working when the draft holds something its editor cannot show (an entry
 * that is not an object, a label that is not text: an imported file, or a draft saved through the API).
 * Instead of the part, it names the problems by JSON path; it tries again whenever the draft changes.
 */
export class EditorBoundary extends Component<{ title: string; issues: readonly ValidationIssue[]; lang: 'sv' | 'en'; draft: unknown; children: ReactNode }, { failed: unknown }> {
  override state: { failed: unknown } = { failed: null };

  static getDerivedStateFromError(): { failed: unknown } {
    return { failed: true };
  }

  override componentDidUpdate(prev: { draft: unknown }): void {
    if (this.state.failed && prev.draft !== this.props.draft) this.setState({ failed: null });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" aria-label={this.props.title} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          <ul>{this.props.issues.map((i) => <li key={`${i.path} ${i.code}`}><code>{i.path}</code>: {issueText(i, this.props.lang)}</li>)}</ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

export function IssueList({ errors, warnings, policy, onGoTo }: {
  errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[]; policy: Policy; onGoTo: (path: string) => void;
}) {
  const styles = useStyles();
  const s = useSettingsText();
  const { lang } = useI18n();
  const name = sectionName(s);
  const item = (issue: ValidationIssue, i: number) => {
    const where = readablePath(issue.path.replace(/\[(\d+)\]/, (_, n: string) => {
      const top = /^\$\.(\w+)/.exec(issue.path)?.[1] ?? '';
      const id = (listAt<{ id?: unknown }>(policy, top)[Number(n)]?.id);
      return typeof id === 'string' && id ? `[id=${id}]` : `[${n}]`;
    }), policy, lang, name);
    return (
      <li key={`${issue.path}-${issue.code}-${i}`}>
        <Button appearance="transparent" size="small" className={styles.issueButton} onClick={() => onGoTo(issue.path)} aria-label={`${s('goTo', { path: where })}: ${issueText(issue, lang)}`}>
          <span><strong>{where}</strong>: {issueText(issue, lang)}</span>
        </Button>
      </li>
    );
  };
  return (
    <section className={styles.panel} aria-labelledby="issues-heading">
      <Subtitle2 as="h2" id="issues-heading">{s('validation')}</Subtitle2>
      <div role="status" aria-live="polite">
        {errors.length === 0 ? <Body1>{s('noProblems')}</Body1> : <Body1><strong>{errors.length === 1 ? s('errorsOne') : s('errorsCount', { n: errors.length })}</strong></Body1>}
      </div>
      {errors.length > 0 && <ul className={styles.list}>{errors.map(item)}</ul>}
      {warnings.length > 0 && (
        <>
          <Body1>{warnings.length === 1 ? s('warningsOne') : s('warningsCount', { n: warnings.length })}</Body1>
          <ul className={styles.list}>{warnings.map(item)}</ul>
        </>
      )}
    </section>
  );
}

export type RemindersApi = Pick<AccountabilityApi, 'reviewReminders'>;

/** The state in words, so that the badge's colour is never the only sign of it. */
function reminderStateText(r: ReminderRow, s: SettingsText): string {
  if (r.state === 'overdue') return -r.daysLeft === 1 ? s('overdueOne') : s('overdueMany', { n: -r.daysLeft });
  if (r.state === 'expiring') return r.daysLeft === 0 ? s('expiresToday') : r.daysLeft === 1 ? s('expiresInOne') : s('expiresInMany', { n: r.daysLeft });
  return r.daysLeft === 0 ? s('dueToday') : r.daysLeft === 1 ? s('dueInOne') : s('dueInMany', { n: r.daysLeft });
}

const REMINDER_COLOR: Record<ReminderRow['state'], 'danger' | 'warning'> = { overdue: 'danger', 'due-soon': 'warning', expiring: 'warning' };

/**
 * Risk analyses to review and deviation decisions that end within 30 days (GDPR art. 32.1 d), as the
 * server computes them from the published policy; each leads to its date in the draft. Loaded again
 * when `refreshKey` changes (after a publish). A failure is shown here and blocks nothing else.
 */
export function ReviewReminders({ api, refreshKey, policy, onGoTo }: {
  api: RemindersApi; refreshKey: number; policy: Policy; onGoTo: (path: string) => void;
}) {
  const styles = useStyles();
  const s = useSettingsText();
  const i18n = useI18n();
  const id = useId();
  const [reminders, setReminders] = useState<ReminderRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api.reviewReminders().then((r) => { if (!cancelled) setReminders(r.reminders); }, (e: unknown) => {
      if (cancelled) return;
      setReminders(null);
      setError(errorMessage(e));
    });
    return () => { cancelled = true; };
  }, [api, refreshKey, attempt]);

  const service = (serviceId: string) => {
    const label = listAt<{ id?: unknown; label?: unknown } | null>(policy, 'services').find((x) => x?.id === serviceId)?.label;
    return typeof label === 'string' && label ? label : serviceId;
  };
  const what = (r: ReminderRow) => (r.kind === 'risk-analysis-review'
    ? s('reminderRisk', { service: service(r.serviceId) })
    : s('reminderDeviation', { id: r.id, service: service(r.serviceId) }));

  return (
    <section className={styles.panel} aria-labelledby={`${id}-h`} data-panel="review-reminders">
      <Subtitle2 as="h2" id={`${id}-h`}>{s('reminders')}</Subtitle2>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{s('remindersError', { message: error })} <Button size="small" onClick={() => setAttempt((n) => n + 1)}>{i18n.t('retry')}</Button></MessageBarBody>
        </MessageBar>
      )}
      {!reminders && !error && <Spinner size="small" label={s('reminders')} />}
      {reminders && reminders.length === 0 && <Body1>{s('remindersNone')}</Body1>}
      {reminders && reminders.length > 0 && (
        <>
          <Caption1 id={`${id}-hint`}>{s('remindersHint')}</Caption1>
          <Table size="small" aria-labelledby={`${id}-h`} aria-describedby={`${id}-hint`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s('reminderWhat')}</TableHeaderCell>
                <TableHeaderCell>{s('reminderReference')}</TableHeaderCell>
                <TableHeaderCell>{s('reminderDate')}</TableHeaderCell>
                <TableHeaderCell>{s('reminderState')}</TableHeaderCell>
                <TableHeaderCell>{s('reminderField')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reminders.map((r) => {
                const path = reminderPath(r, policy);
                return (
                  <TableRow key={`${r.kind}-${r.id}`} data-reminder={`${r.kind}:${r.id}`}>
                    <TableCell>{what(r)}</TableCell>
                    <TableCell className={styles.value}>{r.reference}</TableCell>
                    <TableCell className={styles.nowrap}>{r.dueDate}</TableCell>
                    <TableCell><Badge appearance="tint" color={REMINDER_COLOR[r.state]} className={styles.badge}>{reminderStateText(r, s)}</Badge></TableCell>
                    <TableCell>
                      {path
                        ? <Button size="small" onClick={() => onGoTo(path)} aria-label={s('goToFieldFor', { what: what(r) })}>{s('goToField')}</Button>
                        : <Caption1>{s('notInDraft')}</Caption1>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}

export function PreviewPanel({ api, policy, valid, today }: {
  api: Pick<PolicyAdminApi, 'preview'>; policy: Policy; valid: boolean; today: string;
}) {
  const styles = useStyles();
  const s = useSettingsText();
  const { p } = useI18n();
  const id = useId();
  const types = listAt<Policy['meetingTypes'][number]>(policy, 'meetingTypes');
  const services = listAt<Policy['services'][number]>(policy, 'services');
  const needs = listAt<Policy['needs'][number]>(policy, 'needs');
  const [typeId, setTypeId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState(today);
  const [verdict, setVerdict] = useState<{ verdict: Verdict; policy: Policy; digital: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = (t: unknown, fallback: string) => (t && typeof t === 'object' && 'sv' in t ? p(t as { sv: string; en: string }) : fallback);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const request = { meetingTypeId: typeId, serviceId: serviceId || null, needs: chosen.filter((n) => needs.some((x) => x.id === n)), date };
      const result = await api.preview(request, policy);
      setVerdict({ verdict: result.verdict, policy, digital: serviceId !== '' });
    } catch (e) {
      setError(errorMessage(e));
      setVerdict(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.panel} aria-labelledby={`${id}-h`}>
      <Subtitle2 as="h2" id={`${id}-h`}>{s('preview')}</Subtitle2>
      <Caption1>{s('previewHint')}</Caption1>
      <Field label={s('previewType')}>
        <Select value={typeId} onChange={(_, d) => setTypeId(d.value)}>
          <option value="">{s('previewChooseType')}</option>
          {types.map((t) => <option key={t.id} value={t.id}>{label(t.label, t.id)}</option>)}
        </Select>
      </Field>
      <Field label={s('previewService')}>
        <Select value={serviceId} onChange={(_, d) => setServiceId(d.value)}>
          <option value="">{s('previewNoService')}</option>
          {services.map((x) => <option key={x.id} value={x.id}>{x.label || x.id}</option>)}
        </Select>
      </Field>
      <div role="group" aria-labelledby={`${id}-needs`} className={styles.needs}>
        <Label id={`${id}-needs`} weight="semibold">{s('previewNeeds')}</Label>
        {needs.map((n) => (
          <Checkbox
            key={n.id} label={label(n.label, n.id)} checked={chosen.includes(n.id)}
            onChange={(_, d) => setChosen((c) => (d.checked === true ? [...c, n.id] : c.filter((x) => x !== n.id)))}
          />
        ))}
      </div>
      <Field label={s('previewDate')} hint={s('dateHint')}>
        <Input value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      {!valid && <Caption1 id={`${id}-invalid`}>{s('previewInvalid')}</Caption1>}
      <Button
        appearance="primary" disabled={!valid || !typeId || busy} onClick={() => void run()}
        aria-describedby={!valid ? `${id}-invalid` : undefined}
      >{busy ? <Spinner size="tiny" /> : s('previewRun')}</Button>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <div aria-live="polite">
        {verdict && <VerdictView policy={verdict.policy} verdict={verdict.verdict} mode={verdict.digital ? 'digital' : 'physical'} />}
      </div>
    </section>
  );
}

function show(value: unknown, s: SettingsText): string {
  if (value === undefined || value === null || value === '') return s('empty');
  if (value === true) return s('yes');
  if (value === false) return s('no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Field names in words for a diff path's tail (`approvedUpTo.confidentiality` → "Godkänd upp till …"). */
const FIELD_NAMES: Record<string, SKey> = {
  organization: 'organization', identityAssuranceRequired: 'assurance', internalDomains: 'internalDomains',
  'onSend.noAssessment': 'onSendNoAssessment', 'onSend.pendingApproval': 'onSendPending',
  id: 'id', label: 'serviceLabel', 'label.sv': 'labelSv', 'label.en': 'labelEn', 'description.sv': 'descriptionSv', 'description.en': 'descriptionEn',
  'text.sv': 'textSv', 'text.en': 'textEn', who: 'who', always: 'always', assurance: 'methodAssurance',
  'information.personalData': 'personalData', 'information.sensitiveData': 'sensitiveData', 'information.secrecy': 'secrecy',
  'information.childrenData': 'childrenData', 'classification.confidentiality': 'confidentiality', 'classification.integrity': 'integrity',
  'classification.availability': 'availability', digital: 'digital', identityVerification: 'identityVerification', coApproval: 'coApproval',
  checklist: 'typeChecklist', 'security.participantAuthentication': 'participantAuthentication', 'security.encryption': 'encryption',
  'security.vendorStoresContent': 'vendorStoresContent', 'security.dataLocation': 'dataLocation', 'security.processorAgreement': 'processorAgreement',
  'approvedUpTo.confidentiality': 'approvedUpTo', 'riskAnalysis.reference': 'riskReference', 'riskAnalysis.date': 'riskDate',
  'riskAnalysis.reviewBy': 'riskReviewBy', meetingLinkPatterns: 'patterns', serviceId: 'deviationService', meetingTypeIds: 'deviationTypes',
  'decision.level': 'decisionLevel', 'decision.reference': 'decisionReference', 'decision.decidedOn': 'decidedOn', 'decision.validUntil': 'validUntil',
  conditions: 'conditions', 'effects.digital': 'effectNever', 'effects.identityVerification': 'effectIdentity', 'effects.coApproval': 'effectCoApproval',
  'effects.noEid': 'effectNoEid', 'effects.checklist': 'effectChecklist',
};

export function readableChangePath(path: string, policy: Policy | null, lang: 'sv' | 'en', s: SettingsText): string {
  const parts = readablePath(path, policy, lang, sectionName(s)).split(' › ');
  const tail = parts.length > 1 ? parts[parts.length - 1]! : '';
  const key = FIELD_NAMES[tail.replace(/\[\d+\]/g, '')] ?? FIELD_NAMES[tail];
  if (key) parts[parts.length - 1] = s(key);
  return parts.join(' › ');
}

export function ChangeList({ changes, policy, caption }: { changes: readonly PolicyChange[]; policy: Policy | null; caption: string }) {
  const styles = useStyles();
  const s = useSettingsText();
  const { lang } = useI18n();
  if (changes.length === 0) return <Body1>{s('noChanges')}</Body1>;
  const kind = { added: { text: s('added'), color: 'success' as const }, removed: { text: s('removed'), color: 'danger' as const }, changed: { text: s('changed'), color: 'informative' as const } };
  return (
    <Table size="small" aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{s('changesCount', { n: changes.length })}</TableHeaderCell>
          <TableHeaderCell>{s('changed')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((c, i) => (
          <TableRow key={`${c.path}-${i}`}>
            <TableCell>
              <Badge appearance="tint" color={kind[c.kind].color}>{kind[c.kind].text}</Badge>{' '}
              {readableChangePath(c.path, policy, lang, s)}
            </TableCell>
            <TableCell className={styles.value}>
              {c.kind === 'changed' && <>{show(c.before, s)} → {show(c.after, s)}</>}
              {c.kind === 'added' && show(c.after, s)}
              {c.kind === 'removed' && show(c.before, s)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function VersionHistory({ api, refreshKey, labels, onLoad, displayName }: {
  api: Pick<PolicyAdminApi, 'versions' | 'diff' | 'version'>;
  refreshKey: number;
  /** Labels for readable paths: the current draft, or the latest version when absent. */
  labels: Policy | null;
  /** Loads a version into the draft (policy admins); absent for readers. */
  onLoad?: (policy: Policy, number: number) => void;
  displayName?: (oid: string) => string | undefined;
}) {
  const styles = useStyles();
  const s = useSettingsText();
  const { dateTime } = useI18n();
  const id = useId();
  const [versions, setVersions] = useState<PolicyVersionSummary[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [changes, setChanges] = useState<{ list: PolicyChange[]; from: number; to: number; labels: Policy | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.versions().then((list) => {
      if (cancelled) return;
      setVersions(list);
      setTo(String(list[0]?.number ?? ''));
      setFrom(String(list[1]?.number ?? list[0]?.number ?? ''));
    }, (e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [api, refreshKey]);

  const compare = async () => {
    setError(null);
    try {
      const d = await api.diff(Number(from), Number(to));
      // Entries are named by their labels: the draft's, or else the newer version's own.
      const names = labels ?? (await api.version(Math.max(d.from.version, d.to.version))).policy;
      setChanges({ list: d.changes, from: d.from.version, to: d.to.version, labels: names });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const load = async (number: number) => {
    setError(null);
    try {
      const v = await api.version(number);
      onLoad?.(v.policy, number);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className={styles.panel} aria-labelledby={`${id}-h`}>
      <Subtitle2 as="h2" id={`${id}-h`}>{s('versions')}</Subtitle2>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {!versions && !error && <Spinner size="small" label={s('versions')} />}
      {versions && versions.length === 0 && <Body1>{s('versionsEmpty')}</Body1>}
      {versions && versions.length > 0 && (
        <>
          <ul className={styles.list}>
            {versions.map((v) => (
              <li key={v.number}>
                <Body1><strong>{s('versionRow', { n: v.number })}</strong> {s('versionMeta', { at: dateTime(v.publishedAt), by: displayName?.(v.publishedBy) ?? v.publishedBy })}</Body1>
                <div><Caption1>{v.changeNote}</Caption1></div>
                {onLoad && <Button size="small" appearance="subtle" onClick={() => void load(v.number)}>{s('loadVersion', { n: v.number })}</Button>}
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            <Field label={s('compareFrom')}>
              <Select value={from} onChange={(_, d) => setFrom(d.value)}>
                {versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
              </Select>
            </Field>
            <Field label={s('compareTo')}>
              <Select value={to} onChange={(_, d) => setTo(d.value)}>
                {versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
              </Select>
            </Field>
            <Button onClick={() => void compare()}>{s('compare')}</Button>
          </div>
          <div aria-live="polite">
            {changes && <ChangeList changes={changes.list} policy={changes.labels} caption={`${s('compareFrom')} ${changes.from} ${s('compareTo')} ${changes.to}`} />}
          </div>
        </>
      )}
    </section>
  );
}

export function ConflictView({ theirs, mine, changes, displayName, busy, onKeepMine, onTakeTheirs, onExportMine }: {
  theirs: PolicyDraft; mine: Policy; changes: readonly PolicyChange[]; busy: boolean;
  displayName?: (oid: string) => string | undefined;
  onKeepMine: () => void; onTakeTheirs: () => void; onExportMine: () => void;
}) {
  const styles = useStyles();
  const s = useSettingsText();
  const { dateTime } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{s('conflictTitle')}</MessageBarTitle>
        <Body1 as="p">{s('conflictBody', { who: displayName?.(theirs.updatedBy) ?? theirs.updatedBy, at: dateTime(theirs.updatedAt) })}</Body1>
        <div className={styles.columns}>
          <section aria-label={s('theirs')} className={styles.panel}>
            <Subtitle2 as="h3">{s('theirs')}</Subtitle2>
            <Caption1>{s('versionMeta', { at: dateTime(theirs.updatedAt), by: displayName?.(theirs.updatedBy) ?? theirs.updatedBy })}</Caption1>
            <Caption1>{s('theirErrors', { n: theirs.errors.length })}</Caption1>
            <pre className={styles.document} tabIndex={0} aria-label={s('theirs')}>{JSON.stringify(theirs.policy, null, 2)}</pre>
          </section>
          <section aria-label={s('yours')} className={styles.panel}>
            <Subtitle2 as="h3">{s('yours')}</Subtitle2>
            <ChangeList changes={changes} policy={mine} caption={s('conflictDiff', { n: changes.length })} />
          </section>
        </div>
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={onKeepMine}>{s('keepMine')}</Button>
          <Button disabled={busy} onClick={onTakeTheirs}>{s('takeTheirs')}</Button>
          <Button disabled={busy} onClick={onExportMine}>{s('exportMine')}</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
