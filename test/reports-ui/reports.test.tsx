/** @jest-environment jsdom */
// Rapporter for the data-protection officer, against the in-memory API with known numbers: each
// report as a chart with its table alternative, CSV and JSON downloads for the period, the review
// reminders, the audit log by assessment, actor and time with the chain verification (ok, or the
// first broken link), each meeting's printable record — and, for anyone else, why the tab is closed.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { demoUserName } from '../../src/web/shared/auth';
import { PersonalApp } from '../../src/web/teams/personal/PersonalApp';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi } from '../teams/fakeTeamsApi';
import { fakeHost } from '../teams/fakeHost';
import { ASSESSMENT, CASEWORKER, createFakeAccountabilityApi } from './fakeAccountabilityApi';
import { NOW, policy, reportsSetup } from './setup';

/** The rows of a table as arrays of cell texts (header row first). */
function cells(table: HTMLElement): string[][] {
  return within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('the reports (Swedish)', () => {
  it('draws each report as a chart with a name and a summary, with the same numbers as a table', async () => {
    const { ui, view } = reportsSetup();
    view();
    const byType = await screen.findByRole('img', { name: /^Bedömningar per typ av möte/ });
    expect(byType.textContent).toContain('Uppföljningssamtal');
    expect(within(byType).getByText('3 staplar. Högst: Uppföljningssamtal, 7.', { exact: false })).toBeTruthy();

    const group = screen.getByRole('group', { name: 'Bedömningar per typ av möte' });
    await ui.click(within(group).getByRole('button', { name: 'Visa som tabell' }));
    const table = await screen.findByRole('table', { name: 'Tabell: Bedömningar per typ av möte' });
    expect(cells(table)).toEqual([
      ['Typ av möte', 'Bedömningar'],
      ['Uppföljningssamtal', '7'],
      ['Utredningssamtal med vuxen', '5'],
      ['Skyddsbedömning gällande barn', '2'],
    ]);
  });

  it('shows the share held digitally, deviations with their decision references and the turnaround median and 90th percentile', async () => {
    const { view } = reportsSetup();
    view();
    const mode = await screen.findByRole('img', { name: /^Andel digitala möten/ });
    expect(mode.textContent).toMatch(/86\s%\s\(12 \/ 14\)/);
    // The deviations' table is open from the start: the references are what an auditor looks for.
    const deviations = screen.getByRole('table', { name: 'Tabell: Digitala möten per avvikelsebeslut' });
    expect(cells(deviations)[1]).toEqual(['avvikelse-teams-utredning', 'KS 2025/118', '5', 'Utredningssamtal med vuxen', '2026-02-03', '2026-02-27']);
    const turnaround = screen.getByRole('img', { name: /^Median och 90:e percentil/ });
    expect(turnaround.textContent).toContain('median 2,5 tim');
    expect(turnaround.textContent).toContain('90:e percentil 9,2 tim');
    const incidents = screen.getByRole('table', { name: 'Incidenter per kategori och status' });
    expect(cells(incidents)[1]).toEqual(['Möteslänken spreds', 'Öppen', '2', '2', '0', '1']);
    expect(screen.getByRole('table', { name: 'Möten utan klar kontroll' }).textContent).toContain('Ingen kontroll');
  });

  it('lists the review reminders with the overdue risk analysis flagged', async () => {
    const { view } = reportsSetup();
    view();
    const table = await screen.findByRole('table', { name: 'Påminnelser om omprövning' });
    const rows = cells(table);
    expect(rows[1]).toEqual(['Riskanalys ska omprövas', 'zoom-kommun', 'RA-2025-07', '2026-02-20', 'Försenad', '10 dagar sedan']);
    expect(rows[2]).toEqual(['Avvikelsebeslut upphör', 'avvikelse-teams-utredning – Microsoft Teams', 'KS 2025/118', '2026-03-20', 'Upphör snart', '18 dagar']);
  });

  it('downloads a report as CSV and as JSON for the period shown', async () => {
    const { ui, view, saved, accountability } = reportsSetup();
    view();
    const section = (await screen.findByRole('heading', { name: 'Avvikelsebeslut som använts' })).closest('section')!;
    await ui.click(within(section).getByRole('button', { name: 'Ladda ner CSV' }));
    await ui.click(within(section).getByRole('button', { name: 'Ladda ner JSON' }));
    expect(accountability.calls.filter((c) => c.startsWith('download'))).toEqual(['download deviations csv 2025-04..2026-03', 'download deviations json 2025-04..2026-03']);
    expect(saved.map((f) => f.filename)).toEqual(['motescheck-deviations-2025-04-2026-03.csv', 'motescheck-deviations-2025-04-2026-03.json']);
    expect(within(section).getByRole('status').textContent).toBe('Sparade motescheck-deviations-2025-04-2026-03.json.');
  });

  it('asks for another period, and says beside the field when a month is not YYYY-MM', async () => {
    const { ui, view, accountability } = reportsSetup();
    view();
    const from = await screen.findByRole('textbox', { name: /Från och med månad/ });
    await waitFor(() => expect((from as HTMLInputElement).value).toBe('2025-04'));
    await ui.clear(from);
    await ui.type(from, '2026-13');
    await ui.click(screen.getByRole('button', { name: 'Visa perioden' }));
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Skriv månaden som ÅÅÅÅ-MM.')).toBeTruthy();
    await ui.clear(from);
    await ui.type(from, '2026-01');
    await ui.click(screen.getByRole('button', { name: 'Visa perioden' }));
    await waitFor(() => expect(accountability.lastPeriod).toEqual({ from: '2026-01', to: '2026-03' }));
    expect(await screen.findByText(/Visar 2026-01 – 2026-03/)).toBeTruthy();
  });
});

describe('the audit log', () => {
  async function seedLog(accountability: ReturnType<typeof reportsSetup>['accountability']) {
    const base = { category: 'annat' as const, occurredAt: '2026-03-02T08:00:00.000Z', discoveredAt: '2026-03-02T09:00:00.000Z', description: 'Fel länk', mustNotifyImy: false };
    accountability.user = 'caseworker';
    await accountability.createIncident({ ...base, assessmentId: ASSESSMENT });
    accountability.user = 'auditor';
    await accountability.createIncident(base);
  }

  it('shows the chain verified ok and filters the log by actor', async () => {
    const { ui, view, accountability } = reportsSetup();
    await seedLog(accountability);
    view('audit');
    expect(await screen.findByText('Hashkedjan är verifierad: ok (2 händelser kontrollerade).')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Händelser i granskningsloggen' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await ui.type(screen.getByRole('textbox', { name: /Vem \(objekt-id\)/ }), CASEWORKER);
    await ui.click(screen.getByRole('button', { name: 'Sök i loggen' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Händelser i granskningsloggen' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('table', { name: 'Händelser i granskningsloggen' }).textContent).toContain('Demo Handläggare 1');
    expect(accountability.calls).toContain(`audit ${JSON.stringify({ actor: CASEWORKER, limit: 200 })}`);
  });

  it('names the first broken link when the chain does not verify', async () => {
    const { view, accountability } = reportsSetup();
    accountability.chain = { ok: false, events: 3, firstBroken: { seq: 4, problem: 'hash-mismatch', message: 'event 4 (incident.update incident x) was altered' } };
    view('audit');
    const alert = await screen.findByText(/Hashkedjan är bruten/);
    expect(alert.textContent).toBe('Hashkedjan är bruten. Första brutna länk: händelse 4 (hash-mismatch): event 4 (incident.update incident x) was altered');
  });

  it('opens, downloads and shows the log of one meeting’s record', async () => {
    const { ui, view, teams, opened, saved, accountability } = reportsSetup();
    teams.user = 'caseworker';
    const a = await teams.createAssessment({ meeting: { teamsMeetingId: 'm-1' }, start: '2026-03-05T09:00:00.000Z', mode: 'digital', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [] });
    teams.user = 'auditor';
    view('records');
    const open = await screen.findByRole('button', { name: /^Öppna dokumentationen för Uppföljningssamtal/ });
    await ui.click(open);
    await ui.click(screen.getByRole('button', { name: /^Ladda ner dokumentationen för Uppföljningssamtal/ }));
    expect(opened.map((f) => f.filename)).toEqual([`motescheck-kontroll-${a.id}.html`]);
    expect(saved.map((f) => f.filename)).toEqual([`motescheck-kontroll-${a.id}.html`]);
    expect(accountability.calls.filter((c) => c.startsWith('record'))).toEqual([`record ${a.id} sv`, `record ${a.id} sv`]);
    await ui.click(screen.getByRole('button', { name: /^Visa i loggen: Uppföljningssamtal/ }));
    expect((await screen.findByRole('textbox', { name: 'Bedömning eller annat id' }) as HTMLInputElement).value).toBe(a.id);
    await waitFor(() => expect(accountability.calls).toContain(`audit ${JSON.stringify({ entity: a.id, limit: 200 })}`));
    expect(screen.getByRole('tab', { name: 'Granskningslogg' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('in English, and for other roles', () => {
  it('is in English when Teams is', async () => {
    const { view } = reportsSetup({ lang: 'en' });
    view();
    expect(await screen.findByRole('img', { name: /^Assessments by type of meeting/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Review reminders', level: 2 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Audit log' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Median and 90th percentile/ }).textContent).toContain('median 2.5 h');
  });

  it('tells a caseworker that Rapporter is for the auditor, and asks the server for no report', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'caseworker', now: () => NOW });
    const api = createFakeTeamsApi(policy, { user: 'caseworker', now: () => new Date(NOW).toISOString() });
    const host = fakeHost({ pageId: 'reports' });
    render(
      <TeamsShell host={host} lang="sv">
        <PersonalApp host={host} api={api} accountability={accountability} displayName={demoUserName} now={() => NOW} />
      </TeamsShell>,
    );
    expect(await screen.findByText(/Rapporter är för rollen Granskare \(dataskyddsombud\)\. Ditt konto har Handläggare\./)).toBeTruthy();
    await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
    expect(accountability.calls).toEqual([]);
  });

  it('an auditor reaches the reports through the personal tabs', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'auditor', now: () => NOW });
    const api = createFakeTeamsApi(policy, { user: 'auditor', now: () => new Date(NOW).toISOString() });
    const host = fakeHost({ pageId: 'reports' });
    render(
      <TeamsShell host={host} lang="sv">
        <PersonalApp host={host} api={api} accountability={accountability} displayName={demoUserName} now={() => NOW} />
      </TeamsShell>,
    );
    expect(await screen.findByRole('img', { name: /^Bedömningar per månad/ })).toBeTruthy();
    // The policy's version history stays on the overview.
    expect(await screen.findByRole('button', { name: 'Visa skillnader' })).toBeTruthy();
  });
});
