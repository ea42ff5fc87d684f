// Rendering Rapporter and the incident register for the component tests: the Teams shell (theme,
// language), the in-memory accountability API and, for the parts that list checks and policy
// versions, the Teams tabs' own in-memory API.
import '../teams/jsdomSetup';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examplePolicy } from '../../src/policy/example';
import { demoUserName } from '../../src/web/shared/auth';
import type { DownloadedFile } from '../../src/web/teams/reports/api';
import { ReportsTab, type ReportsView } from '../../src/web/teams/reports/ReportsTab';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi } from '../teams/fakeTeamsApi';
import { fakeHost } from '../teams/fakeHost';
import { createFakeAccountabilityApi } from './fakeAccountabilityApi';

export const TODAY = '2026-03-02';
export const NOW = Date.parse('2026-03-02T12:00:00Z');
export const policy = examplePolicy(TODAY);

export function reportsSetup(options: { user?: 'auditor' | 'caseworker'; lang?: 'sv' | 'en' } = {}) {
  const accountability = createFakeAccountabilityApi({ user: options.user ?? 'auditor', now: () => NOW });
  const teams = createFakeTeamsApi(policy, { user: options.user ?? 'auditor', now: () => new Date(NOW).toISOString() });
  const saved: DownloadedFile[] = [];
  const opened: DownloadedFile[] = [];
  const ui = userEvent.setup();
  const api = {
    ...accountability,
    // Methods read through the fakes, so that changing `user` on either fake still applies.
    reports: accountability.reports, listAssessments: teams.listAssessments, versions: teams.versions, version: teams.version, diff: teams.diff,
  };
  const view = (initialView: ReportsView = 'overview') => render(
    <TeamsShell host={fakeHost({ pageId: 'reports' })} lang={options.lang ?? 'sv'}>
      <ReportsTab
        api={api} policy={policy} displayName={demoUserName} now={() => NOW} initialView={initialView}
        save={(f) => { saved.push(f); }} open={(f) => { opened.push(f); return true; }}
      />
    </TeamsShell>,
  );
  return { accountability, teams, saved, opened, ui, view };
}
