// The reports for one period: checks per month by meeting type, service and outcome; in person vs
// digital; deviations used with their decision references; time to the manager's decision (median and
// 90th percentile); incidents by category and status; meetings without a completed check; review
// reminders. Each report as a chart with a table alternative, and as CSV or JSON.
import {
  Badge, Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Policy } from '../../../policy/types';
import { useI18n } from '../../shared/i18n';
import type { AccountabilityApi, DownloadedFile } from './api';
import { byMonth, byOutcome, byService, byType, hoursText, incidentsByCategory, incidentsByStatus, percent } from './aggregate';
import { ChartWithTable } from './ChartWithTable';
import { DataTable } from './DataTable';
import { CATEGORY_TEXT, STATUS_TEXT, useReportsText, type ReportsKey } from './strings';
import type {
  AssessmentsByMonthRow, DeviationUseRow, IncidentCategory, IncidentCountRow, IncidentStatus, ModeShareRow, Period, ReminderRow, ReportBundle,
  ReportName, TurnaroundRow, UncheckedMeetingRow,
} from './types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL },
  period: { display: 'flex', flexWrap: 'wrap', alignItems: 'start', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  periodButton: { alignSelf: 'end' },
  section: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  downloads: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  // Wide enough that a chart is drawn near its natural size: its text scales with it.
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 520px), 1fr))', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalXL },
});

export interface ReportsOverviewProps {
  api: Pick<AccountabilityApi, 'reports' | 'downloadReport'>;
  policy: Policy | null;
  displayName?: (oid: string) => string | undefined;
  save: (file: DownloadedFile) => void;
  /** Shown between the period and the reports: the review reminders come first for the auditor. */
  children?: ReactNode;
}

const OUTCOME: Record<string, ReportsKey> = { allowed: 'outcomeAllowed', 'allowed-with-deviation': 'outcomeWithDeviation', 'not-allowed': 'outcomeNotAllowed' };
const PROBLEM: Record<string, ReportsKey> = { 'no-check': 'problemNoCheck', 'check-incomplete': 'problemIncomplete', 'check-withdrawn': 'problemWithdrawn' };

/** One report's section: heading, note, CSV/JSON download, and its content. */
function ReportSection({ name, title, note, period, api, save, children }: {
  name: ReportName; title: string; note?: string; period: Period; api: Pick<AccountabilityApi, 'downloadReport'>; save: (file: DownloadedFile) => void; children: ReactNode;
}) {
  const styles = useStyles();
  const t = useReportsText();
  const headingId = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async (format: 'csv' | 'json') => {
    setMessage(null);
    try {
      const file = await api.downloadReport(name, format, period);
      save(file);
      setMessage({ ok: true, text: t('downloaded', { file: file.filename }) });
    } catch (e) {
      setMessage({ ok: false, text: t('errorAction', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <section className={styles.section} aria-labelledby={headingId} data-report={name}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId}>{title}</Subtitle2>
        <div className={styles.downloads}>
          <Button size="small" aria-describedby={headingId} onClick={() => void download('csv')}>{t('downloadCsv')}</Button>
          <Button size="small" aria-describedby={headingId} onClick={() => void download('json')}>{t('downloadJson')}</Button>
        </div>
      </div>
      {note && <Caption1>{note}</Caption1>}
      {message && <MessageBar intent={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {children}
    </section>
  );
}

export function ReportsOverview({ api, policy, displayName, save, children }: ReportsOverviewProps) {
  const styles = useStyles();
  const t = useReportsText();
  const i18n = useI18n();
  const lang = i18n.lang;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<Partial<Period>>({});
  const [bundle, setBundle] = useState<ReportBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [periodError, setPeriodError] = useState<{ from?: string; to?: string }>({});

  const load = useCallback(async (p: Partial<Period>) => {
    setError(null);
    try {
      const b = await api.reports(p);
      setBundle(b);
      setFrom(b.period.from);
      setTo(b.period.to);
    } catch (e) {
      setError(t('errorLoad', { message: e instanceof Error ? e.message : String(e) }));
    }
  }, [api, t]);

  useEffect(() => { void load(asked); }, [load, asked]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = { ...(MONTH.test(from) ? {} : { from: t('periodInvalid') }), ...(MONTH.test(to) ? {} : { to: t('periodInvalid') }) };
    setPeriodError(problems);
    if (Object.keys(problems).length === 0) setAsked({ from, to });
  };

  const typeLabel = (id: string) => {
    const type = policy?.meetingTypes.find((m) => m.id === id);
    return type ? i18n.p(type.label) : id;
  };
  const serviceLabel = (id: string | null) => (id ? policy?.services.find((s) => s.id === id)?.label ?? id : t('noService'));
  const outcomeLabel = (o: string) => { const key = OUTCOME[o]; return key ? t(key) : o; };
  const modeLabel = (m: string) => (m === 'digital' ? t('modeDigital') : m === 'physical' ? t('modePhysical') : m);
  const monthLabel = (m: string) => (m === 'total' ? t('totalRow') : m);
  const categoryLabel = (c: string) => CATEGORY_TEXT[c as IncidentCategory]?.[lang] ?? c;
  const statusLabel = (s: string) => STATUS_TEXT[s as IncidentStatus]?.[lang] ?? s;
  const count = (n: number) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
  const totals = (rows: { key: string; total: number }[], label: (k: string) => string) =>
    rows.map((r) => ({ label: label(r.key), values: [r.total], texts: [count(r.total)] }));
  const keyCols = (header: string, label: (k: string) => string) => [
    { header, cell: (r: { key: string; total: number }) => label(r.key) },
    { header: t('colAssessments'), cell: (r: { key: string; total: number }) => count(r.total), numeric: true },
  ];

  const periodForm = (
    <form className={styles.period} onSubmit={submit} aria-label={t('periodHeading')} noValidate>
      <Field label={t('periodFrom')} hint={t('periodHint')} validationMessage={periodError.from} validationState={periodError.from ? 'error' : 'none'}>
        <Input value={from} onChange={(_, d) => setFrom(d.value)} placeholder="2026-01" inputMode="numeric" />
      </Field>
      <Field label={t('periodTo')} hint={t('periodHint')} validationMessage={periodError.to} validationState={periodError.to ? 'error' : 'none'}>
        <Input value={to} onChange={(_, d) => setTo(d.value)} placeholder="2026-12" inputMode="numeric" />
      </Field>
      <Button type="submit" appearance="primary" className={styles.periodButton}>{t('periodShow')}</Button>
    </form>
  );

  if (error) {
    return (
      <div className={styles.root}>
        {periodForm}
        <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>
        {children}
      </div>
    );
  }
  if (!bundle) return <div className={styles.root}>{periodForm}<Spinner label={t('loading')} />{children}</div>;

  const r = bundle.reports;
  const period = bundle.period;
  const common = { period, api, save };
  const monthRows = r['assessments-by-month'];
  const outcomeOrder = ['allowed', 'allowed-with-deviation', 'not-allowed'];
  const outcomes = byOutcome(monthRows).sort((a, b) => outcomeOrder.indexOf(a.key) - outcomeOrder.indexOf(b.key));
  const modeRows = r['mode-share'];
  const turnaround = r['co-approval'];

  return (
    <div className={styles.root}>
      {periodForm}
      <Caption1 role="status">{t('periodShown', { from: period.from, to: period.to, at: i18n.dateTime(bundle.generatedAt) })}</Caption1>
      {children}

      <ReportSection name="assessments-by-month" title={t('byMonthHeading')} note={t('byMonthNote')} {...common}>
        <div className={styles.charts}>
          <ChartWithTable title={t('byMonthChart')} chart={totals(byMonth(monthRows), (k) => k)} columns={keyCols(t('colMonth'), (k) => k)} rows={byMonth(monthRows)} rowKey={(x) => x.key} />
          <ChartWithTable title={t('byTypeChart')} chart={totals(byType(monthRows), typeLabel)} columns={keyCols(t('colType'), typeLabel)} rows={byType(monthRows)} rowKey={(x) => x.key} />
          <ChartWithTable title={t('byServiceChart')} chart={totals(byService(monthRows), (k) => serviceLabel(k || null))} columns={keyCols(t('colService'), (k) => serviceLabel(k || null))} rows={byService(monthRows)} rowKey={(x) => x.key} />
          <ChartWithTable title={t('byOutcomeChart')} chart={totals(outcomes, outcomeLabel)} columns={keyCols(t('colOutcome'), outcomeLabel)} rows={outcomes} rowKey={(x) => x.key} />
        </div>
        <DataTable<AssessmentsByMonthRow>
          name={t('byMonthHeading')} rows={monthRows} rowKey={(x, i) => `${x.month}-${x.meetingTypeId}-${x.serviceId}-${x.mode}-${x.outcome}-${i}`}
          columns={[
            { header: t('colMonth'), cell: (x) => x.month },
            { header: t('colType'), cell: (x) => typeLabel(x.meetingTypeId) },
            { header: t('colService'), cell: (x) => serviceLabel(x.serviceId) },
            { header: t('colMode'), cell: (x) => modeLabel(x.mode) },
            { header: t('colOutcome'), cell: (x) => outcomeLabel(x.outcome) },
            { header: t('colAssessments'), cell: (x) => count(x.assessments), numeric: true },
            { header: t('colNotClient'), cell: (x) => count(x.notClientMeeting), numeric: true },
          ]}
        />
      </ReportSection>

      <ReportSection name="mode-share" title={t('modeHeading')} note={t('modeNote')} {...common}>
        <ChartWithTable<ModeShareRow>
          title={t('modeChart')}
          chart={modeRows.map((x) => ({ label: monthLabel(x.month), values: [x.digitalShare ?? 0], texts: [`${percent(x.digitalShare, lang)} (${count(x.digital)} / ${count(x.total)})`] }))}
          rows={modeRows} rowKey={(x) => x.month}
          columns={[
            { header: t('colMonth'), cell: (x) => monthLabel(x.month) },
            { header: t('colPhysical'), cell: (x) => count(x.physical), numeric: true },
            { header: t('colDigital'), cell: (x) => count(x.digital), numeric: true },
            { header: t('colTotal'), cell: (x) => count(x.total), numeric: true },
            { header: t('colDigitalShare'), cell: (x) => percent(x.digitalShare, lang), numeric: true },
          ]}
        />
      </ReportSection>

      <ReportSection name="deviations" title={t('deviationsHeading')} {...common}>
        <ChartWithTable<DeviationUseRow>
          title={t('deviationsChart')}
          chart={r.deviations.map((x) => ({ label: `${x.deviationId} (${x.reference})`, values: [x.assessments], texts: [count(x.assessments)] }))}
          rows={r.deviations} rowKey={(x) => `${x.deviationId}-${x.reference}`} openTable
          columns={[
            { header: t('colDeviation'), cell: (x) => x.deviationId },
            { header: t('colReference'), cell: (x) => x.reference },
            { header: t('colAssessments'), cell: (x) => count(x.assessments), numeric: true },
            { header: t('colMeetingTypes'), cell: (x) => x.meetingTypes.split(' ').map(typeLabel).join(', ') },
            { header: t('colFirst'), cell: (x) => x.firstMeeting },
            { header: t('colLast'), cell: (x) => x.lastMeeting },
          ]}
        />
      </ReportSection>

      <ReportSection name="co-approval" title={t('turnaroundHeading')} {...common}>
        <ChartWithTable<TurnaroundRow>
          title={t('turnaroundChart')}
          chart={turnaround.map((x) => ({
            label: monthLabel(x.month), values: [x.medianHours ?? 0, x.p90Hours ?? 0],
            texts: [`${t('median')} ${t('hours', { n: hoursText(x.medianHours, lang) })}`, `${t('p90')} ${t('hours', { n: hoursText(x.p90Hours, lang) })}`],
          }))}
          rows={turnaround} rowKey={(x) => x.month}
          columns={[
            { header: t('colMonth'), cell: (x) => monthLabel(x.month) },
            { header: t('colDecisions'), cell: (x) => count(x.decisions), numeric: true },
            { header: t('colApproved'), cell: (x) => count(x.approved), numeric: true },
            { header: t('colRejected'), cell: (x) => count(x.rejected), numeric: true },
            { header: t('colMedian'), cell: (x) => hoursText(x.medianHours, lang), numeric: true },
            { header: t('colP90'), cell: (x) => hoursText(x.p90Hours, lang), numeric: true },
          ]}
        />
      </ReportSection>

      <ReportSection name="incidents" title={t('incidentsReportHeading')} {...common}>
        <div className={styles.charts}>
          <ChartWithTable
            title={t('incidentsByCategoryChart')} chart={totals(incidentsByCategory(r.incidents), categoryLabel)}
            columns={[{ header: t('colCategory'), cell: (x: { key: string; total: number }) => categoryLabel(x.key) }, { header: t('colIncidents'), cell: (x: { key: string; total: number }) => count(x.total), numeric: true }]}
            rows={incidentsByCategory(r.incidents)} rowKey={(x) => x.key}
          />
          <ChartWithTable
            title={t('incidentsByStatusChart')} chart={totals(incidentsByStatus(r.incidents), statusLabel)}
            columns={[{ header: t('colStatus'), cell: (x: { key: string; total: number }) => statusLabel(x.key) }, { header: t('colIncidents'), cell: (x: { key: string; total: number }) => count(x.total), numeric: true }]}
            rows={incidentsByStatus(r.incidents)} rowKey={(x) => x.key}
          />
        </div>
        <DataTable<IncidentCountRow>
          name={t('incidentsReportHeading')} rows={r.incidents} rowKey={(x) => `${x.category}-${x.status}`}
          columns={[
            { header: t('colCategory'), cell: (x) => categoryLabel(x.category) },
            { header: t('colStatus'), cell: (x) => statusLabel(x.status) },
            { header: t('colIncidents'), cell: (x) => count(x.incidents), numeric: true },
            { header: t('colMustNotify'), cell: (x) => count(x.mustNotify), numeric: true },
            { header: t('colNotifiedLate'), cell: (x) => count(x.notifiedLate), numeric: true },
            { header: t('colOverdue'), cell: (x) => (x.overdue > 0 ? <Badge appearance="filled" color="danger">{count(x.overdue)}</Badge> : count(x.overdue)), numeric: true },
          ]}
        />
      </ReportSection>

      <ReportSection name="unchecked-meetings" title={t('uncheckedHeading')} note={t('uncheckedNote')} {...common}>
        {r['unchecked-meetings'].length === 0 ? <Body1>{t('chartEmpty')}</Body1> : (
          <DataTable<UncheckedMeetingRow>
            name={t('uncheckedHeading')} rows={r['unchecked-meetings']} rowKey={(x) => `${x.userId}-${x.eventId}`}
            columns={[
              { header: t('colUser'), cell: (x) => displayName?.(x.userId) ?? x.userId },
              { header: t('colStart'), cell: (x) => i18n.dateTime(x.start) },
              { header: t('colProblem'), cell: (x) => { const key = PROBLEM[x.problem]; return key ? t(key) : x.problem; } },
              { header: t('colAssessment'), cell: (x) => x.assessmentId ?? t('none') },
              { header: t('colFound'), cell: (x) => i18n.dateTime(x.foundAt) },
            ]}
          />
        )}
      </ReportSection>
    </div>
  );
}

/** The review reminders (art. 32.1 d): risk analyses to review and deviation decisions expiring within 30 days. */
export function Reminders({ reminders, policy, title, download }: { reminders: ReminderRow[] | null; policy: Policy | null; title: string; download?: ReactNode }) {
  const styles = useStyles();
  const t = useReportsText();
  const headingId = useId();
  const service = (id: string) => policy?.services.find((s) => s.id === id)?.label ?? id;
  const overdue = reminders?.filter((x) => x.state === 'overdue').length ?? 0;
  const STATE: Record<ReminderRow['state'], { key: ReportsKey; color: 'danger' | 'warning' | 'informative' }> = {
    overdue: { key: 'reminderOverdue', color: 'danger' }, 'due-soon': { key: 'reminderDueSoon', color: 'warning' }, expiring: { key: 'reminderExpiring', color: 'warning' },
  };
  return (
    <section className={styles.section} aria-labelledby={headingId} data-report="reminders">
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId}>{title}</Subtitle2>
        {download}
      </div>
      {!reminders ? <Spinner size="small" label={t('loading')} /> : reminders.length === 0 ? <Body1>{t('remindersNone')}</Body1> : (
        <>
          {overdue > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('reminderOverdue')}</MessageBarTitle>
                {reminders.filter((x) => x.state === 'overdue').map((x) => `${service(x.serviceId)} (${x.reference})`).join(', ')}
              </MessageBarBody>
            </MessageBar>
          )}
          <DataTable<ReminderRow>
            name={title} rows={reminders} rowKey={(x) => `${x.kind}-${x.id}`}
            columns={[
              { header: t('colKind'), cell: (x) => (x.kind === 'risk-analysis-review' ? t('reminderRisk') : t('reminderDeviation')) },
              { header: t('colService'), cell: (x) => (x.kind === 'deviation-expiry' ? `${x.id} – ${service(x.serviceId)}` : service(x.serviceId)) },
              { header: t('colReference'), cell: (x) => x.reference },
              { header: t('colDue'), cell: (x) => x.dueDate },
              { header: t('colState'), cell: (x) => <Badge appearance="tint" color={STATE[x.state].color}>{t(STATE[x.state].key)}</Badge> },
              { header: t('colDaysLeft'), cell: (x) => (x.daysLeft < 0 ? t('reminderDaysAgo', { n: -x.daysLeft }) : t('reminderDays', { n: x.daysLeft })), numeric: true },
            ]}
          />
        </>
      )}
    </section>
  );
}
