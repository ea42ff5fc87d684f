/** @jest-environment jsdom */
// Inställningar, the policy editor, with the in-memory API: validation as you type with each error
// beside its field, the error list that leads to the field, import and export, "prova ett möte",
// publishing with a change note and the re-check count, versions with a readable diff, the 412
// conflict that shows the other admin's draft beside the unsaved edit, and the review reminders of the
// published policy that lead to their dates in the draft.
import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from '../../src/policy/dates';
import { examplePolicy } from '../../src/policy/example';
import type { Policy } from '../../src/policy/types';
import { ApiRequestError } from '../../src/web/shared/api';
import { demoUserName } from '../../src/web/shared/auth';
import { SettingsTab } from '../../src/web/teams/settings/SettingsTab';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi, type FakeTeamsApi } from './fakeTeamsApi';
import { fakeHost } from './fakeHost';
import { findDialog } from './dialogs';

const TODAY = '2026-03-02';
const policy = examplePolicy(TODAY);

async function setup(lang: 'sv' | 'en' = 'sv', prepare?: (api: FakeTeamsApi) => void) {
  const api = createFakeTeamsApi(policy, { user: 'policyadmin', now: () => '2026-03-02T12:00:00.000Z' });
  prepare?.(api);
  const downloads: { name: string; text: string }[] = [];
  const ui = userEvent.setup();
  render(
    <TeamsShell host={fakeHost({ pageId: 'settings' })} lang={lang}>
      <SettingsTab api={api} today={TODAY} displayName={demoUserName} download={(name, text) => downloads.push({ name, text })} />
    </TeamsShell>,
  );
  await screen.findByLabelText('Organisation');
  return { api, ui, downloads };
}

/** The Fluent Field around a control: where its label, hint and validation message are. */
function fieldOf(control: HTMLElement): HTMLElement {
  return control.closest('.fui-Field') as HTMLElement;
}

async function openSection(ui: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await ui.click(screen.getByRole('tab', { name }));
}

describe('the policy editor', () => {
  it('loads the draft and offers a form for every part of the policy', async () => {
    const { ui } = await setup();
    expect(await screen.findByLabelText('Organisation')).toHaveProperty('value', policy.organization);
    const tablist = screen.getByRole('tablist', { name: 'Delar av policyn' });
    expect(within(tablist).getAllByRole('tab')).toHaveLength(7);
    for (const name of ['Allmänt', 'Mötestyper', 'Tjänster', 'Avvikelsebeslut', 'Behov', 'Checklista', 'Identifieringsmetoder']) {
      expect(within(tablist).getByRole('tab', { name })).toBeTruthy();
    }

    await openSection(ui, /^Mötestyper/);
    expect(document.querySelectorAll('fieldset[data-entry^="$.meetingTypes["]')).toHaveLength(policy.meetingTypes.length);
    const firstType = document.querySelector<HTMLElement>('fieldset[data-entry="$.meetingTypes[0]"]')!;
    expect(within(firstType).getByLabelText('Konfidentialitet (K)')).toHaveProperty('value', '3');
    expect(within(firstType).getByLabelText('Riktighet (R)')).toHaveProperty('value', '2');
    expect(within(firstType).getByLabelText('Tillgänglighet (T)')).toHaveProperty('value', '1');
    expect(screen.getAllByText(/Hur allvarligt det är om obehöriga tar del av informationen/).length).toBeGreaterThan(0);

    await openSection(ui, /^Tjänster/);
    expect(screen.getAllByLabelText('Godkänd upp till konfidentialitet (K)')).toHaveLength(policy.services.length);
    expect(screen.getAllByLabelText('Riskanalysens diarienummer')).toHaveLength(policy.services.length);
    expect(screen.getAllByLabelText('Möteslänkar som känner igen tjänsten')[1]).toHaveProperty('value', expect.stringContaining('teams.microsoft.com'));

    await openSection(ui, /^Avvikelsebeslut/);
    expect(screen.getByLabelText('Beslutets diarienummer')).toHaveProperty('value', policy.deviations[0]!.decision.reference);
    expect(screen.getByLabelText('Villkor 1 (svenska)')).toBeTruthy();

    await openSection(ui, /^Behov/);
    expect(screen.getAllByLabelText('Motparten saknar e-legitimation').length).toBe(policy.needs.length);
    await openSection(ui, /^Checklista/);
    expect(screen.getAllByLabelText('Vem gör det')).toHaveLength(policy.checklist.length);
    await openSection(ui, /^Identifieringsmetoder/);
    expect(screen.getAllByLabelText('Tillitsnivå')).toHaveLength(policy.identityMethods.length);
  });

  it('validates as you type and shows each error beside its field, and in the list that leads to it', async () => {
    const { ui } = await setup();
    const organization = await screen.findByLabelText('Organisation');
    await ui.clear(organization);
    expect(within(fieldOf(organization)).getByText('Får inte vara tomt.')).toBeTruthy();
    expect(screen.getByText('1 fel att rätta före publicering')).toBeTruthy();

    await openSection(ui, /^Tjänster/);
    const reviewBy = screen.getAllByLabelText('Ska omprövas senast')[1]!;
    await ui.clear(reviewBy);
    await ui.type(reviewBy, '2019-13-40');
    expect(within(fieldOf(reviewBy)).getByText('Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tjänster (1)' })).toBeTruthy();

    // The list names the field in words and leads back to it from another part of the editor.
    await openSection(ui, /^Allmänt/);
    const goTo = screen.getByRole('button', { name: /Gå till Tjänster › Microsoft Teams › riskAnalysis\.reviewBy/ });
    await ui.click(goTo);
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText('Ska omprövas senast')[1]));
    expect(screen.getByRole('tab', { name: 'Tjänster (1)' }).getAttribute('aria-selected')).toBe('true');
  });

  it('maps errors inside lists and references to their fields (a deviation naming no meeting type, an unknown service)', async () => {
    const { ui } = await setup('en');
    await openSection(ui, /^Deviation decisions/);
    for (const box of screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked && c.closest('[role="group"]')?.textContent?.includes('Meeting types the decision covers'))) {
      await ui.click(box);
    }
    const group = screen.getByRole('group', { name: 'Meeting types the decision covers' });
    expect(within(group).getByText('must name at least one meeting type')).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toBeTruthy();

    await openSection(ui, /^Services/);
    const id = screen.getAllByLabelText('Id')[1]!;
    await ui.clear(id);
    await ui.type(id, 'teams');
    await openSection(ui, /^Deviation decisions/);
    const service = screen.getByLabelText('Service the decision covers');
    expect(within(fieldOf(service)).getByText(/"microsoft-teams" is not an id in services/)).toBeTruthy();
  });

  it('adds and removes entries, focusing the new entry', async () => {
    const { ui } = await setup();
    await screen.findByLabelText('Organisation');
    await openSection(ui, /^Identifieringsmetoder/);
    await ui.click(screen.getByRole('button', { name: 'Lägg till identifieringsmetod' }));
    await waitFor(() => expect(document.activeElement).toHaveProperty('value', 'ny-metod'));
    expect(screen.getAllByLabelText('Tillitsnivå')).toHaveLength(policy.identityMethods.length + 1);
    expect(screen.getByRole('tab', { name: 'Identifieringsmetoder (2)' })).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Ta bort ny-metod' }));
    expect(screen.getAllByLabelText('Tillitsnivå')).toHaveLength(policy.identityMethods.length);
    expect(screen.getByText('Allt är sparat')).toBeTruthy();
  });

  it('exports the edit as JSON and imports a file, whose errors then show beside their fields', async () => {
    const { ui, downloads } = await setup();
    await screen.findByLabelText('Organisation');
    await ui.click(screen.getByRole('button', { name: 'Exportera JSON' }));
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0]!.text)).toEqual(policy);

    const broken: Policy = { ...policy, organization: 'Importerad kommun', services: policy.services.map((s, i) => (i === 0 ? { ...s, approvedUpTo: { confidentiality: 7 as 4 } } : s)) };
    const file = new File([JSON.stringify(broken)], 'policy.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Policyfil att importera'), { target: { files: [file] } });
    expect(await screen.findByText('Importerade policy.json. Granska felen och spara.')).toBeTruthy();
    expect(screen.getByLabelText('Organisation')).toHaveProperty('value', 'Importerad kommun');
    expect(screen.getByText('Osparade ändringar')).toBeTruthy();
    await openSection(ui, /^Tjänster \(1\)/);
    const level = screen.getAllByLabelText('Godkänd upp till konfidentialitet (K)')[0]!;
    expect(level).toHaveProperty('value', '7');
    expect(within(fieldOf(level)).getByText('Värdet ligger utanför det tillåtna.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Policyfil att importera'), { target: { files: [new File(['{not json'], 'trasig.json')] } });
    expect(await screen.findByText(/Filen kunde inte läsas som en policy/)).toBeTruthy();
  });

  it('a draft the editor cannot show (an entry that is not an object, a label that is not text) is named, and the rest of the tab still works', async () => {
    const { ui } = await setup();
    // React reports each error a boundary catches on the console; here that is the point of the test.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const malformed = { ...policy, meetingTypes: [null, ...policy.meetingTypes], services: policy.services.map((x, i) => (i === 0 ? { ...x, label: { sv: 'Teams' } } : x)) };
    fireEvent.change(screen.getByLabelText('Policyfil att importera'), { target: { files: [new File([JSON.stringify(malformed)], 'konstig.json')] } });
    expect(await screen.findByText('Importerade konstig.json. Granska felen och spara.')).toBeTruthy();
    for (const [tab, path] of [[/^Mötestyper/, '$.meetingTypes[0]'], [/^Tjänster/, '$.services[0].label']] as const) {
      await openSection(ui, tab);
      const alert = await screen.findByRole('alert', { name: /kan inte visas i redigeraren/ });
      expect(alert.textContent).toContain(path);
    }
    // The error list still leads to the problems, and the toolbar still exports what was imported.
    expect(screen.getAllByText(/Mötestyper › \$\.meetingTypes\[0\]|\$\.meetingTypes\[0\]/).length).toBeGreaterThan(0);
    await openSection(ui, /^Allmänt/);
    expect(screen.getByLabelText('Organisation')).toBeTruthy();
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('tries a meeting against the unsaved draft ("prova ett möte")', async () => {
    const { ui, api } = await setup();
    await openSection(ui, /^Tjänster/);
    await ui.selectOptions(screen.getAllByLabelText('Godkänd upp till konfidentialitet (K)')[1]!, '1');
    await ui.selectOptions(screen.getByLabelText('Typ av möte'), 'uppfoljningssamtal');
    await ui.selectOptions(screen.getByLabelText('Tjänst'), 'microsoft-teams');
    await ui.click(screen.getByRole('button', { name: 'Prova' }));
    expect(await screen.findByText('Digitalt möte är inte tillåtet')).toBeTruthy();
    expect(api.calls).toContain('preview');
    // Nothing was saved by trying.
    expect(api.calls).not.toContain('saveDraft');
  });

  it('publishes with a change note, saving first, and says how many open assessments went to re-check', async () => {
    const { ui, api } = await setup();
    api.user = 'caseworker';
    const a = await api.createAssessment({ meeting: { teamsMeetingId: 'm' }, start: '2026-03-05T09:00:00.000Z', mode: 'digital', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [] });
    await api.submitAssessment(a.id, 1);
    api.user = 'policyadmin';

    await openSection(ui, /^Tjänster/);
    await ui.selectOptions(screen.getAllByLabelText('Godkänd upp till konfidentialitet (K)')[1]!, '1');
    await ui.click(screen.getByRole('button', { name: 'Publicera …' }));
    const dialog = await findDialog('Publicera utkastet som ny version');
    expect(within(dialog).getByText('Dina osparade ändringar sparas först.')).toBeTruthy();
    expect(within(dialog).getByText(/Tjänster › Microsoft Teams › Godkänd upp till konfidentialitet \(K\)/)).toBeTruthy();
    await ui.click(within(dialog).getByRole('button', { name: 'Publicera', hidden: true }));
    expect(within(dialog).getByText('Skriv en ändringsanteckning.')).toBeTruthy();
    await ui.type(within(dialog).getByLabelText(/Ändringsanteckning/), 'Teams godkänd till K1 enligt ny riskanalys');
    await ui.click(within(dialog).getByRole('button', { name: 'Publicera', hidden: true }));
    expect(await screen.findByText('Version 2 är publicerad. 1 öppna bedömningar prövades mot den; 1 skickades till omprövning.')).toBeTruthy();
    expect(api.calls.filter((c) => c === 'saveDraft' || c.startsWith('publish'))).toEqual(['saveDraft', 'publish:Teams godkänd till K1 enligt ny riskanalys']);
    expect(api.published.at(-1)!.policy.services[1]!.approvedUpTo.confidentiality).toBe(1);
    expect(api.backend.assessments.get(a.id)?.status).toBe('needs-recheck');
    expect(await screen.findByText('Teams godkänd till K1 enligt ny riskanalys')).toBeTruthy();
  });

  it('shows version history and a readable diff, and loads an old version into the draft', async () => {
    const changed = { ...policy, services: policy.services.map((s) => (s.id === 'gratis-videotjanst' ? { ...s, label: 'Free video' } : s)) };
    const { ui } = await setup('en', (api) => api.published.push({ ...api.published[0]!, version: 2, changeNote: 'Renamed', policy: changed }));
    await screen.findByText('Renamed');
    await ui.click(screen.getByRole('button', { name: 'Show differences' }));
    const table = await screen.findByRole('table', { name: 'Compare version 1 with version 2' });
    expect(within(table).getByText(/Services › Gratis videotjänst för konsumenter › Name/)).toBeTruthy();
    expect(within(table).getByText('Gratis videotjänst för konsumenter → Free video')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Load version 2 into the draft' }));
    expect(await screen.findByText('Unsaved changes')).toBeTruthy();
  });

  it('on a 412 shows their draft beside my unsaved edit, and keeps whichever I choose', async () => {
    const { ui, api } = await setup();
    const organization = await screen.findByLabelText('Organisation');
    api.otherAdminSaves({ ...policy, organization: 'Deras kommun' });
    await ui.clear(organization);
    await ui.type(organization, 'Min kommun');
    await ui.click(screen.getByRole('button', { name: 'Spara utkast' }));

    const alert = await screen.findByText('Någon annan har sparat utkastet');
    const conflict = alert.closest('[role="alert"]') as HTMLElement;
    expect(within(conflict).getByText(/^d0000000-0000-4000-8000-000000000302 sparade utkastet .*, efter att du började ändra\. Inget har skrivits över\./)).toBeTruthy();
    expect(within(conflict).getByRole('region', { name: 'Deras sparade utkast' }).textContent).toContain('Deras kommun');
    expect(within(conflict).getByText('Deras kommun → Min kommun')).toBeTruthy();
    // Nothing is lost while the admin decides: the edit is still in the form.
    expect(screen.getByLabelText('Organisation')).toHaveProperty('value', 'Min kommun');

    await ui.click(within(conflict).getByRole('button', { name: 'Behåll min ändring (ersätter deras)' }));
    expect(await screen.findByText('Utkastet är sparat.')).toBeTruthy();
    expect(api.draft().policy.organization).toBe('Min kommun');
    expect(screen.queryByText('Någon annan har sparat utkastet')).toBeNull();
  });

  it('can take the other admin\'s draft instead', async () => {
    const { ui, api } = await setup('en');
    const organization = await screen.findByLabelText('Organisation');
    api.otherAdminSaves({ ...policy, organization: 'Their municipality' });
    await ui.type(organization, ' (mine)');
    await ui.click(screen.getByRole('button', { name: 'Save draft' }));
    await ui.click(await screen.findByRole('button', { name: 'Use their draft (drops my edit)' }));
    expect(screen.getByLabelText('Organisation')).toHaveProperty('value', 'Their municipality');
    expect(screen.getByText('Everything is saved')).toBeTruthy();
    expect(api.draft().policy.organization).toBe('Their municipality');
  });
});

/** Publishes a version 2 of the example policy with these dates (days from today), as another admin might have. */
function publishDates(api: FakeTeamsApi, dates: { teams?: number; free?: number; deviation?: number }) {
  const day = (n: number | undefined, fallback: string) => (n === undefined ? fallback : addDays(TODAY, n));
  const next: Policy = {
    ...policy,
    services: policy.services.map((s) => {
      const n = s.id === 'microsoft-teams' ? dates.teams : s.id === 'gratis-videotjanst' ? dates.free : undefined;
      return { ...s, riskAnalysis: { ...s.riskAnalysis, reviewBy: day(n, s.riskAnalysis.reviewBy) } };
    }),
    deviations: policy.deviations.map((d) => ({ ...d, decision: { ...d.decision, validUntil: day(dates.deviation, d.decision.validUntil) } })),
  };
  api.published.push({ ...api.published[0]!, version: 2, changeNote: 'Nya datum', policy: next });
}

/** The reminders' table rows as text, one string per row. */
async function reminderRows(name: string): Promise<string[]> {
  const region = await screen.findByRole('region', { name });
  const table = await within(region).findByRole('table');
  return within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent).join(' | '));
}

describe('review reminders (GDPR art. 32.1 d)', () => {
  const dates = { teams: -12, free: 5, deviation: 3 };

  it('lists each risk analysis to review and each deviation decision about to end, with its state in words (Swedish)', async () => {
    const { api } = await setup('sv', (a) => publishDates(a, dates));
    expect(await reminderRows('Att se över')).toEqual([
      `Riskanalys för Microsoft Teams | RA-2025-11 (exempel) | ${addDays(TODAY, -12)} | Försenad sedan 12 dagar | Gå till fältet`,
      `Avvikelse avsteg-teams-utredning för Microsoft Teams | SN 2026/117 (exempel) | ${addDays(TODAY, 3)} | Upphör om 3 dagar | Gå till fältet`,
      `Riskanalys för Gratis videotjänst för konsumenter | RA-2026-02 (exempel) | ${addDays(TODAY, 5)} | Om 5 dagar | Gå till fältet`,
    ]);
    const region = screen.getByRole('region', { name: 'Att se över' });
    expect(within(region).getByRole('table', { name: 'Att se över' })).toBeTruthy();
    expect(within(region).getByText(/enligt den publicerade versionen \(GDPR art\. 32\.1 d\)/)).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Gå till fältet: Riskanalys för Microsoft Teams' })).toBeTruthy();
    expect(api.calls).toContain('reviewReminders');
  });

  it('says the same in English, and singular days', async () => {
    await setup('en', (a) => publishDates(a, { teams: -1, free: 1, deviation: 1 }));
    expect(await reminderRows('Due for review')).toEqual([
      `Risk analysis for Microsoft Teams | RA-2025-11 (exempel) | ${addDays(TODAY, -1)} | Overdue by 1 day | Go to field`,
      `Deviation avsteg-teams-utredning for Microsoft Teams | SN 2026/117 (exempel) | ${addDays(TODAY, 1)} | Expires in 1 day | Go to field`,
      `Risk analysis for Gratis videotjänst för konsumenter | RA-2026-02 (exempel) | ${addDays(TODAY, 1)} | In 1 day | Go to field`,
    ]);
  });

  it('says when a date is today', async () => {
    await setup('sv', (a) => publishDates(a, { teams: 0, deviation: 0 }));
    expect(await reminderRows('Att se över')).toEqual([
      expect.stringMatching(/^Avvikelse avsteg-teams-utredning för Microsoft Teams \| .* \| Gäller sista dagen i dag \|/),
      expect.stringMatching(/^Riskanalys för Microsoft Teams \| .* \| Ska omprövas i dag \|/),
    ]);
  });

  it('says quietly when nothing is due within 30 days', async () => {
    await setup('sv', (a) => publishDates(a, { teams: 200 }));
    const region = await screen.findByRole('region', { name: 'Att se över' });
    expect(await within(region).findByText('Inget att se över de närmaste 30 dagarna.')).toBeTruthy();
    expect(within(region).queryByRole('table')).toBeNull();
  });

  it('moves focus to the date in the draft, found by id, in the part of the editor where it is', async () => {
    // The draft lists the services in another order than the published version.
    const { ui } = await setup('sv', (a) => {
      publishDates(a, dates);
      a.otherAdminSaves({ ...policy, services: [...policy.services].reverse() });
    });
    await reminderRows('Att se över');
    await ui.click(screen.getByRole('button', { name: 'Gå till fältet: Riskanalys för Gratis videotjänst för konsumenter' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText('Ska omprövas senast')[0]));
    expect(screen.getByRole('tab', { name: /^Tjänster/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toHaveProperty('value', policy.services.find((x) => x.id === 'gratis-videotjanst')!.riskAnalysis.reviewBy);

    await ui.click(screen.getByRole('button', { name: 'Gå till fältet: Avvikelse avsteg-teams-utredning för Microsoft Teams' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Gäller till och med')));
    expect(screen.getByRole('tab', { name: /^Avvikelsebeslut/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('names the service by its label in the draft, and says so when the draft no longer has the entry', async () => {
    const { ui } = await setup('sv', (a) => publishDates(a, dates));
    await openSection(ui, /^Tjänster/);
    const name = screen.getAllByLabelText('Benämning')[1]!;
    await ui.clear(name);
    await ui.type(name, 'Teams (kommunens)');
    expect(screen.getByRole('button', { name: 'Gå till fältet: Riskanalys för Teams (kommunens)' })).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Ta bort Gratis videotjänst för konsumenter' }));
    const rows = await reminderRows('Att se över');
    expect(rows[2]).toMatch(/^Riskanalys för gratis-videotjanst \| .* \| Finns inte i utkastet$/);
  });

  it('shows a failure to load politely, and the editor still works; "Försök igen" loads them', async () => {
    const { ui, api } = await setup('sv', (a) => { a.remindersError = new ApiRequestError(503, 'unavailable', 'Databasen svarar inte.'); });
    const region = await screen.findByRole('region', { name: 'Att se över' });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toMatch(/^Påminnelserna kunde inte hämtas: .*Databasen svarar inte\./);

    const organization = screen.getByLabelText('Organisation');
    await ui.clear(organization);
    await ui.type(organization, 'Min kommun');
    await ui.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(await screen.findByText('Utkastet är sparat.')).toBeTruthy();
    expect(api.draft().policy.organization).toBe('Min kommun');

    api.remindersError = null;
    await ui.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await reminderRows('Att se över')).toEqual([expect.stringMatching(/^Riskanalys för Microsoft Teams \|.*\| Försenad sedan 15 dagar \|/)]);
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('loads them again after a publish', async () => {
    // The draft already holds the new review date; the published version still has the old one.
    const reviewed = { ...policy, services: policy.services.map((x) => (x.id === 'microsoft-teams' ? { ...x, riskAnalysis: { ...x.riskAnalysis, reviewBy: addDays(TODAY, 365) } } : x)) };
    const { ui, api } = await setup('sv', (a) => a.otherAdminSaves(reviewed));
    expect(await reminderRows('Att se över')).toEqual([expect.stringMatching(/^Riskanalys för Microsoft Teams \|.*\| Försenad sedan 15 dagar \|/)]);
    await ui.click(screen.getByRole('button', { name: 'Publicera …' }));
    const dialog = await findDialog('Publicera utkastet som ny version');
    await ui.type(within(dialog).getByLabelText(/Ändringsanteckning/), 'Teams riskanalys omprövad');
    await ui.click(within(dialog).getByText('Publicera', { selector: 'button' }));
    await screen.findByText(/^Version 2 är publicerad\./);
    // The rest of the page is hidden from the accessibility tree until the dialog has closed.
    const region = await screen.findByRole('region', { name: 'Att se över' });
    expect(await within(region).findByText('Inget att se över de närmaste 30 dagarna.')).toBeTruthy();
    expect(api.calls.filter((c) => c === 'reviewReminders')).toHaveLength(2);
  });
});
