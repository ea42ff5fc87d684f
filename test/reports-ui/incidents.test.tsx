/** @jest-environment jsdom */
// The incident register (GDPR art. 33.5) in the Rapporter tab and the meeting's side panel, against
// the in-memory API that applies the server's own rules: registering with the 72-hour countdown, a
// personal identity number refused beside its field, the overdue flag, and the status moves — the
// caseworker's, and the data-protection officer's notification (with the reasons for a delay) and close.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoUserName } from '../../src/web/shared/auth';
import { MeetingPanel } from '../../src/web/teams/meeting/MeetingPanel';
import { IncidentRegister } from '../../src/web/teams/incidents/IncidentRegister';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi } from '../teams/fakeTeamsApi';
import { fakeHost } from '../teams/fakeHost';
import { createFakeAccountabilityApi, type FakeAccountabilityApi } from './fakeAccountabilityApi';
import { NOW, policy, reportsSetup } from './setup';

/** A `datetime-local` value (the browser's time zone) for an instant. */
function local(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function register(api: FakeAccountabilityApi, scope: 'mine' | 'all', lang: 'sv' | 'en' = 'sv') {
  render(
    <TeamsShell host={fakeHost({ pageId: 'reports' })} lang={lang}>
      <IncidentRegister api={api} scope={scope} isAuditor={api.user === 'auditor'} displayName={demoUserName} now={() => NOW} />
    </TeamsShell>,
  );
}

const field = (name: RegExp | string) => screen.getByRole('textbox', { name });

async function fillNew(ui: ReturnType<typeof userEvent.setup>, o: { occurred: string; discovered: string; description: string; effects?: string }) {
  await ui.selectOptions(screen.getByRole('combobox', { name: /Vad har hänt\? \(kategori\)/ }), 'moteslanken-spreds');
  fireEvent.change(screen.getByLabelText(/När hände det\?/), { target: { value: local(o.occurred) } });
  fireEvent.change(screen.getByLabelText(/När upptäcktes det\?/), { target: { value: local(o.discovered) } });
  await ui.type(field(/Beskriv vad som hände/), o.description);
  if (o.effects) await ui.type(field(/^Följder/), o.effects);
}

describe('registering an incident', () => {
  it('records category, times, what happened and IMY, showing the 72-hour countdown from discovery', async () => {
    const { ui, view, accountability } = reportsSetup();
    view('incidents');
    await ui.click(await screen.findByRole('button', { name: 'Rapportera incident' }));
    await fillNew(ui, { occurred: '2026-03-02T09:00:00Z', discovered: '2026-03-02T10:30:00Z', description: 'Länken vidarebefordrades till fel mottagare.' });
    await ui.type(field(/^Åtgärder som vidtagits/), 'Mötet fick ny länk.');
    await ui.click(screen.getByRole('checkbox', { name: 'Ska anmälas till IMY' }));
    // Before saving: the deadline follows the discovery time as typed.
    const preview = screen.getByRole('region', { name: 'Anmälan till IMY inom 72 timmar' });
    expect(preview.textContent).toContain('70 tim 30 min kvar');
    await ui.click(screen.getByRole('button', { name: 'Registrera incidenten' }));

    expect(await screen.findByText('Incidenten är registrerad.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Incident: Möteslänken spreds' })).toBeTruthy();
    expect(screen.getByText('70 tim 30 min kvar')).toBeTruthy();
    const created = [...accountability.incidents.values()][0]!;
    expect(created).toMatchObject({
      category: 'moteslanken-spreds', occurredAt: '2026-03-02T09:00:00.000Z', discoveredAt: '2026-03-02T10:30:00.000Z',
      mustNotifyImy: true, correctiveActions: 'Mötet fick ny länk.', assessmentId: null, status: 'oppen',
    });
    expect(created.notification.deadline).toBe('2026-03-05T10:30:00.000Z');
    expect(accountability.audit.map((e) => e.action)).toEqual(['incident.create']);
  });

  it('shows the server’s refusal of a personal identity number beside the field that holds it', async () => {
    const { ui, view, accountability } = reportsSetup();
    view('incidents');
    await ui.click(await screen.findByRole('button', { name: 'Rapportera incident' }));
    await fillNew(ui, { occurred: '2026-03-02T09:00:00Z', discovered: '2026-03-02T09:30:00Z', description: 'Fel person släpptes in.', effects: 'Samtalet om 19121212-1212 hördes.' });
    await ui.click(screen.getByRole('button', { name: 'Registrera incidenten' }));

    const effects = field(/^Följder/);
    await waitFor(() => expect(effects.getAttribute('aria-invalid')).toBe('true'));
    const described = (effects.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(described).toContain('Fältet ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det.');
    expect(field(/Beskriv vad som hände/).getAttribute('aria-invalid')).not.toBe('true');
    // Both are announced: the field's message and the form's summary.
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(expect.arrayContaining(['Fältet ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det.', 'Rätta de markerade fälten.']));
    expect(accountability.incidents.size).toBe(0);
  });

  it('asks for the required fields before anything is sent', async () => {
    const { ui, view, accountability } = reportsSetup();
    view('incidents');
    await ui.click(await screen.findByRole('button', { name: 'Rapportera incident' }));
    await ui.click(screen.getByRole('button', { name: 'Registrera incidenten' }));
    expect(screen.getByText('Välj en kategori.')).toBeTruthy();
    expect(screen.getByText('Ange datum och tid.')).toBeTruthy();
    expect(screen.getByText('Beskriv vad som hände.')).toBeTruthy();
    expect(accountability.calls.filter((c) => c.startsWith('create'))).toEqual([]);
  });
});

describe('deadline and status', () => {
  const base = { category: 'fel-person-inslappt' as const, occurredAt: '2026-02-27T07:00:00.000Z', description: 'Fel person släpptes in i väntrummet.' };

  it('flags an incident whose 72 hours have passed without a notification, in the list and in the incident', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'caseworker', now: () => NOW });
    await accountability.createIncident({ ...base, discoveredAt: '2026-02-27T08:00:00.000Z', mustNotifyImy: true });
    const ui = userEvent.setup();
    register(accountability, 'mine');
    const table = await screen.findByRole('table', { name: 'Incidenter du har rapporterat' });
    expect(within(table).getByText('Försenad')).toBeTruthy();
    await ui.click(within(table).getByRole('button', { name: /^Öppna incidenten Fel person insläppt i mötet/ }));
    expect(screen.getByText('Fristen har passerat')).toBeTruthy();
    expect(screen.getByText(/Fristen passerades för 4 tim 0 min sedan/)).toBeTruthy();
  });

  it('lets the caseworker remedy it once corrective actions are written, and leaves notifying and closing to the auditor', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'caseworker', now: () => NOW });
    await accountability.createIncident({ ...base, discoveredAt: '2026-03-02T08:00:00.000Z', mustNotifyImy: false });
    const ui = userEvent.setup();
    register(accountability, 'mine');
    await ui.click(await screen.findByRole('button', { name: /^Öppna incidenten/ }));
    expect(screen.getByText('Ska inte anmälas till IMY.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Anmäld till IMY/ })).toBeNull();
    expect(screen.getByText('Anmälan och avslut görs av dataskyddsombudet.')).toBeTruthy();

    await ui.click(screen.getByRole('button', { name: 'Ändra till Åtgärdad' }));
    expect(await screen.findByText('Describe the corrective actions taken before marking the incident remedied.')).toBeTruthy();

    await ui.click(screen.getByRole('button', { name: 'Ändra' }));
    await ui.type(field(/^Åtgärder som vidtagits/), 'Väntrummet låses nu.');
    await ui.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna är sparade.')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Ändra till Åtgärdad' }));
    expect(await screen.findByText('Status ändrad till Åtgärdad.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ändra till Öppen' })).toBeTruthy();
    expect(accountability.audit.map((e) => e.action)).toEqual(['incident.create', 'incident.update', 'incident.status']);
  });

  it('the auditor records a late notification with the reasons for the delay, then closes the incident', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'auditor', now: () => NOW });
    await accountability.createIncident({ ...base, discoveredAt: '2026-02-27T08:00:00.000Z', mustNotifyImy: true, correctiveActions: 'Rutinen för väntrum ändrad.' });
    const ui = userEvent.setup();
    register(accountability, 'all');
    await ui.click(await screen.findByRole('button', { name: /^Öppna incidenten/ }));
    await ui.click(screen.getByRole('button', { name: 'Ändra till Anmäld till IMY' }));
    const group = screen.getByRole('group', { name: 'Anmälan till IMY' });
    // The notification time defaults to now, after the deadline: the reasons are asked for.
    await ui.type(within(group).getByRole('textbox', { name: /IMY:s diarienummer/ }), 'IMY-2026-1234');
    await ui.click(within(group).getByRole('button', { name: 'Registrera anmälan' }));
    const reason = await within(group).findByRole('textbox', { name: /Skäl till förseningen/ });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(accountability.calls.filter((c) => c.includes('anmald'))).toHaveLength(1);

    await ui.type(reason, 'Incidenten upptäcktes under en helg med stängd växel.');
    await ui.click(within(group).getByRole('button', { name: 'Registrera anmälan' }));
    expect(await screen.findByText('Status ändrad till Anmäld till IMY.')).toBeTruthy();
    const notified = [...accountability.incidents.values()][0]!;
    expect(notified).toMatchObject({ status: 'anmald', imyReference: 'IMY-2026-1234', delayReason: 'Incidenten upptäcktes under en helg med stängd växel.' });
    expect(screen.getByText(/Anmäld till IMY .*2026/)).toBeTruthy();

    await ui.click(screen.getByRole('button', { name: 'Ändra till Avslutad' }));
    expect(await screen.findByText('Status ändrad till Avslutad.')).toBeTruthy();
    expect(screen.getByText('En avslutad incident kan inte ändras. Nya uppgifter registreras som en ny incident.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ändra' })).toBeNull();
  });

  it('is in English when Teams is', async () => {
    const accountability = createFakeAccountabilityApi({ user: 'caseworker', now: () => NOW });
    await accountability.createIncident({ ...base, discoveredAt: '2026-03-02T08:00:00.000Z', mustNotifyImy: true });
    const ui = userEvent.setup();
    register(accountability, 'mine', 'en');
    const table = await screen.findByRole('table', { name: 'Incidents you have reported' });
    expect(within(table).getByText('68 h 0 min left')).toBeTruthy();
    await ui.click(within(table).getByRole('button', { name: /^Open the incident The wrong person was admitted/ }));
    expect(screen.getByRole('button', { name: 'Change to Remedied' })).toBeTruthy();
  });
});

describe('from the meeting’s side panel', () => {
  it('opens the form linked to the meeting’s check and registers the incident against it', async () => {
    const teams = createFakeTeamsApi(policy, { user: 'caseworker', now: () => new Date(NOW).toISOString() });
    const a = await teams.createAssessment({ meeting: { teamsMeetingId: 'meeting-1' }, start: '2026-03-02T13:00:00.000Z', mode: 'digital', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [] });
    const accountability = createFakeAccountabilityApi({ user: 'caseworker', now: () => NOW });
    const host = fakeHost({ pageId: 'meeting', meetingId: 'meeting-1', frameContext: 'sidePanel' });
    const ui = userEvent.setup();
    render(
      <TeamsShell host={host} lang="sv">
        <MeetingPanel host={host} api={teams} incidents={accountability} displayName={demoUserName} now={() => NOW} />
      </TeamsShell>,
    );
    await ui.click(await screen.findByRole('button', { name: 'Rapportera incident' }));
    expect(screen.getByText(`Kopplad till mötets kontroll ${a.id}`)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Bedömningens id/ })).toBeNull();
    await fillNew(ui, { occurred: '2026-03-02T11:00:00Z', discovered: '2026-03-02T11:05:00Z', description: 'En obehörig kom in i rummet.' });
    await ui.click(screen.getByRole('button', { name: 'Registrera incidenten' }));
    expect(await screen.findByText('Incidenten är registrerad.')).toBeTruthy();
    expect([...accountability.incidents.values()][0]).toMatchObject({ assessmentId: a.id, mustNotifyImy: false });
  });

  it('offers no incident button without the register’s calls (the panel as other hosts give it)', async () => {
    const teams = createFakeTeamsApi(policy, { user: 'caseworker', now: () => new Date(NOW).toISOString() });
    const host = fakeHost({ pageId: 'meeting', meetingId: 'meeting-1', frameContext: 'sidePanel' });
    render(
      <TeamsShell host={host} lang="sv">
        <MeetingPanel host={host} api={teams} displayName={demoUserName} now={() => NOW} />
      </TeamsShell>,
    );
    expect(await screen.findByRole('button', { name: 'Gör förkontrollen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rapportera incident' })).toBeNull();
  });
});
