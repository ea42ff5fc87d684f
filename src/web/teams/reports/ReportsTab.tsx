// *Rapporter*, the auditor's (data-protection officer's) tab: the reports with their review reminders
// and the policy's versions, the incident register, the audit log with its chain verified, and the
// printable record of each meeting's check. The server decides access; PersonalApp shows the tab to
// the Auditor role and says why to others.
import { makeStyles, Subtitle1, Body1, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../../shared/api';
import type { PolicyAdminApi } from '../../shared/policyApi';
import { IncidentRegister } from '../incidents/IncidentRegister';
import { VersionHistory } from '../settings/panels';
import type { AccountabilityApi, DownloadedFile } from './api';
import { AuditLog } from './AuditLog';
import { openFile, saveFile } from './download';
import { Records } from './Records';
import { Reminders, ReportsOverview } from './ReportsOverview';
import { useReportsText } from './strings';
import type { ReminderRow } from './types';

export type ReportsView = 'overview' | 'incidents' | 'audit' | 'records';
export type ReportsTabApi = AccountabilityApi & Pick<MotescheckApi, 'listAssessments'> & Pick<PolicyAdminApi, 'versions' | 'version' | 'diff'>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '1200px' },
  versions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface ReportsTabProps {
  api: ReportsTabApi;
  policy: Policy | null;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
  initialView?: ReportsView;
  /** How files are saved and opened; the browser's download and new window by default. */
  save?: (file: DownloadedFile) => void;
  open?: (file: DownloadedFile) => boolean;
}

export function ReportsTab({ api, policy, displayName, now = Date.now, initialView = 'overview', save = saveFile, open = openFile }: ReportsTabProps) {
  const styles = useStyles();
  const t = useReportsText();
  const [view, setView] = useState<ReportsView>(initialView);
  const [logEntity, setLogEntity] = useState<string | undefined>(undefined);
  const [reminders, setReminders] = useState<ReminderRow[] | null>(null);
  const [remindersError, setRemindersError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.reviewReminders().then((r) => { if (!cancelled) setReminders(r.reminders); },
      (e: unknown) => { if (!cancelled) setRemindersError(t('errorLoad', { message: e instanceof Error ? e.message : String(e) })); });
    return () => { cancelled = true; };
  }, [api, t]);

  let body;
  if (view === 'overview') {
    body = (
      <ReportsOverview api={api} policy={policy} displayName={displayName} save={save}>
        {remindersError ? <Body1 role="alert">{remindersError}</Body1> : <Reminders reminders={reminders} policy={policy} title={t('remindersHeading')} />}
      </ReportsOverview>
    );
  } else if (view === 'incidents') {
    body = <IncidentRegister api={api} scope="all" isAuditor displayName={displayName} now={now} />;
  } else if (view === 'audit') {
    body = <AuditLog key={logEntity ?? ''} api={api} entity={logEntity} displayName={displayName} />;
  } else {
    body = (
      <Records
        api={api} policy={policy} save={save} open={open} displayName={displayName}
        onShowLog={(id) => { setLogEntity(id); setView('audit'); }}
      />
    );
  }

  return (
    <section className={styles.root} aria-labelledby="reports-heading">
      <Subtitle1 as="h1" id="reports-heading">{t('heading')}</Subtitle1>
      <Body1>{t('intro')}</Body1>
      <TabList selectedValue={view} onTabSelect={(_, d) => { setLogEntity(undefined); setView(d.value as ReportsView); }} aria-label={t('viewsLabel')}>
        <Tab value="overview">{t('viewOverview')}</Tab>
        <Tab value="incidents">{t('viewIncidents')}</Tab>
        <Tab value="audit">{t('viewAudit')}</Tab>
        <Tab value="records">{t('viewRecords')}</Tab>
      </TabList>
      {body}
      {view === 'overview' && (
        <div className={styles.versions}>
          <VersionHistory api={api} refreshKey={0} labels={null} displayName={displayName} />
        </div>
      )}
    </section>
  );
}
