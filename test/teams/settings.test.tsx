/** @jest-environment jsdom */
// Inställningar, the policy editor, with the in-memory API: validation as you type with each error
// beside its field, the error list that leads to the field, import and export, "prova ett möte",
// publishing with a change note and the re-check count, versions with a readable diff, and the 412
// conflict that shows the other admin's draft beside the unsaved edit.
import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examplePolicy } from '../../src/policy/example';
import type { Policy } from '../../src/policy/types';
import { demoUserName } from '../../src/web/shared/auth';
import { SettingsTab } from '../../src/web/teams/settings/SettingsTab';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi, type FakeTeamsApi } from './fakeTeamsApi';
import { fakeHost } from './fakeHost';

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
    const dialog = await screen.findByRole('dialog', { name: 'Publicera utkastet som ny version' });
    expect(within(dialog).getByText('Dina osparade ändringar sparas först.')).toBeTruthy();
    expect(within(dialog).getByText(/Tjänster › Microsoft Teams › Godkänd upp till konfidentialitet \(K\)/)).toBeTruthy();
    await ui.click(within(dialog).getByRole('button', { name: 'Publicera' }));
    expect(within(dialog).getByText('Skriv en ändringsanteckning.')).toBeTruthy();
    await ui.type(within(dialog).getByLabelText(/Ändringsanteckning/), 'Teams godkänd till K1 enligt ny riskanalys');
    await ui.click(within(dialog).getByRole('button', { name: 'Publicera' }));
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
