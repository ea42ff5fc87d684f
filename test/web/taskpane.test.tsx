/** @jest-environment jsdom */
// The task pane end to end in the DOM: the standalone host stands in for the mail item, the fake
// backend for the server. Inputs → live verdict → submit → status, in Swedish and in English.
import './jsdomGlobals';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppShell } from '../../src/web/shared/components/AppShell';
import { demoUserName } from '../../src/web/shared/auth';
import { TaskPane } from '../../src/web/outlook/taskpane/TaskPane';
import { StandaloneItem, initialAppointment } from '../../src/web/outlook/taskpane/standaloneHost';
import { examplePolicy } from '../../src/policy/example';
import { stockholmDate } from '../../src/policy/dates';
import { createFakeBackend } from './fakeBackend';

const today = stockholmDate(new Date());
const TEAMS_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';

function setup(lang: 'sv-SE' | 'en-GB', patch: Partial<ReturnType<typeof initialAppointment>> = {}) {
  const backend = createFakeBackend(examplePolicy(today));
  const item = new StandaloneItem({
    ...initialAppointment(new URLSearchParams()),
    subject: 'Möte med Kalle Klient',
    attendees: 'handlaggare@exempelkommun.se, kalle.klient@example.org',
    body: `<p>Hej Kalle</p><a href="${TEAMS_LINK}">Anslut</a>`,
    displayLanguage: lang,
    ...patch,
  });
  const user = userEvent.setup();
  render(
    <AppShell lang={lang === 'sv-SE' ? 'sv' : 'en'} theme="light">
      <TaskPane host={item} api={backend} displayName={demoUserName} />
    </AppShell>,
  );
  return { backend, item, user };
}

async function customRecord(item: StandaloneItem) {
  const props = await item.loadCustomProperties();
  return JSON.parse(String(props['motescheck'])) as Record<string, unknown>;
}

describe('the Outlook task pane', () => {
  it('shows an allowed verdict live and records a check that needs no co-approval (Swedish)', async () => {
    const { backend, item, user } = setup('sv-SE');
    const service = await screen.findByLabelText('Tjänst för mötet');
    expect(service).toHaveProperty('value', 'microsoft-teams');
    expect(screen.getByText('Känd från möteslänken: Microsoft Teams')).toBeTruthy();
    expect(screen.getByText('Välj typ av möte för att se bedömningen.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Typ av möte'), 'uppfoljningssamtal');
    expect(screen.getByText('Digitalt möte är tillåtet')).toBeTruthy();
    expect(screen.getAllByText(/^Källa: SKR 2020/).length).toBeGreaterThan(0);
    expect(screen.getByText('Checklista inför mötet')).toBeTruthy();
    expect(screen.getByText('Chefens godkännande behövs inte.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    expect(await screen.findByText('Klar – chefens godkännande behövs inte')).toBeTruthy();
    expect(screen.getByText('Version 1 av bedömningen')).toBeTruthy();

    const stored = [...backend.assessments.values()][0]!;
    expect(stored).toMatchObject({ mode: 'digital', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [] });
    expect(stored.meeting.joinUrlHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored.meeting.eventId).toMatch(/^standalone-/);
    // The meeting chat's id the classic link carries: how the Teams meeting tab finds this check.
    expect(stored.meeting.teamsMeetingId).toBe('19:meeting_abc@thread.v2');
    // Subject, body, attendees and location never leave the item.
    expect(JSON.stringify(stored)).not.toMatch(/Kalle|example\.org|teams\.microsoft\.com/i);

    const record = await customRecord(item);
    expect(record).toMatchObject({ assessmentId: stored.id, revision: 1, status: 'ready', mode: 'digital', serviceId: 'microsoft-teams', outcome: 'allowed', startDate: stockholmDate(stored.start) });
    expect(JSON.stringify(await item.loadCustomProperties()).length).toBeLessThan(2500);
    expect(JSON.stringify(await item.loadCustomProperties())).not.toMatch(/Kalle|example\.org/);
  });

  it('keeps the on-send roaming settings fresh from the published policy', async () => {
    const { item } = setup('sv-SE');
    await screen.findByLabelText('Typ av möte');
    const settings = JSON.parse(item.roamingSettings['motescheckOnSend']!) as { internalDomains: string[]; linkPatterns: string[]; policyVersion: string };
    expect(settings.internalDomains).toEqual(['exempelkommun.se']);
    expect(settings.linkPatterns).toContain('https://teams.microsoft.com/l/meetup-join/*');
    expect(settings.policyVersion).toMatch(/^sha256:/);
  });

  it('sends a deviation to the manager and shows the approval after a refresh (English)', async () => {
    const { backend, item, user } = setup('en-GB');
    await user.selectOptions(await screen.findByLabelText('Type of meeting'), 'utredningssamtal-vuxen');
    expect(screen.getByText('A digital meeting is allowed under a deviation decision')).toBeTruthy();
    expect(screen.getByText(/Decision SN 2026\/117 \(exempel\), valid until/)).toBeTruthy();
    expect(screen.getByText('Conditions')).toBeTruthy();
    expect(screen.getByText('Your manager must approve the assessment together with you.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Send to manager for approval' }));
    expect(await screen.findByText("Awaiting your manager's approval")).toBeTruthy();
    expect(await customRecord(item)).toMatchObject({ status: 'awaiting-approval', outcome: 'allowed-with-deviation' });

    const id = [...backend.assessments.keys()][0]!;
    backend.decide(id, 'approved');
    await user.click(screen.getByRole('button', { name: 'Refresh status' }));
    expect(await screen.findByText(/^Approved by Demo Chef on /)).toBeTruthy();
    await waitFor(async () => expect(await customRecord(item)).toMatchObject({ status: 'approved' }));
  });

  it('shows a rejection with the manager\'s comment', async () => {
    const { backend, user } = setup('sv-SE');
    await user.selectOptions(await screen.findByLabelText('Typ av möte'), 'utredningssamtal-vuxen');
    await user.click(screen.getByRole('button', { name: 'Skicka till chef för godkännande' }));
    await screen.findByText('Väntar på chefens godkännande');
    backend.decide([...backend.assessments.keys()][0]!, 'rejected', 'Använd den e-legitimerade tjänsten.');
    await user.click(screen.getByRole('button', { name: 'Uppdatera status' }));
    expect(await screen.findByText(/^Avslagen av Demo Chef/)).toBeTruthy();
    expect(screen.getByText('Kommentar: Använd den e-legitimerade tjänsten.')).toBeTruthy();
  });

  it('refuses to submit a digital meeting that is not allowed, and records it when held in person', async () => {
    const { backend, user } = setup('sv-SE');
    await user.selectOptions(await screen.findByLabelText('Typ av möte'), 'skyddsbedomning-barn');
    expect(screen.getByText('Digitalt möte är inte tillåtet')).toBeTruthy();
    const reasons = screen.getByText('Skäl').parentElement!;
    expect(within(reasons).getAllByText('Hinder').length).toBeGreaterThan(0);
    const submit = screen.getByRole('button', { name: 'Skicka till chef för godkännande' });
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByText(/kan inte skickas in/)).toBeTruthy();

    await user.click(screen.getByLabelText('Fysiskt'));
    expect(screen.getByText('Mötet hålls fysiskt')).toBeTruthy();
    expect(screen.queryByLabelText('Tjänst för mötet')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Skicka till chef för godkännande' }));
    expect(await screen.findByText('Väntar på chefens godkännande')).toBeTruthy();
    expect([...backend.assessments.values()][0]).toMatchObject({ mode: 'physical', serviceId: null });
  });

  it('makes a new revision when the caseworker changes the needs after submitting', async () => {
    const { backend, item, user } = setup('sv-SE');
    await user.selectOptions(await screen.findByLabelText('Typ av möte'), 'uppfoljningssamtal');
    await user.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    await screen.findByText('Klar – chefens godkännande behövs inte');

    expect(screen.queryByText(/Skicka igen så blir det en ny version/)).toBeNull();
    await user.click(screen.getByLabelText('Tolk behövs'));
    expect(screen.getByText(/Skicka igen så blir det en ny version/)).toBeTruthy();
    expect(screen.getByText('Tolken är informerad om tystnadsplikten.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    expect(await screen.findByText('Version 2 av bedömningen')).toBeTruthy();
    expect(backend.calls).toContain('reviseAssessment');
    expect([...backend.assessments.values()][0]).toMatchObject({ revision: 2, needs: ['tolk'], status: 'ready' });
    expect(await customRecord(item)).toMatchObject({ revision: 2 });
  });

  it('records "inte ett klientmöte" without a verdict', async () => {
    const { backend, user } = setup('sv-SE');
    await user.click(await screen.findByLabelText('Inte ett klientmöte'));
    expect(screen.queryByLabelText('Typ av möte')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Registrera: inte ett klientmöte' }));
    expect(await screen.findByText('Registrerat som inte ett klientmöte')).toBeTruthy();
    expect([...backend.assessments.values()][0]).toMatchObject({ notClientMeeting: true, status: 'ready' });
  });

  it('asks for the service by hand when the meeting link names no catalogue service, and records the choice', async () => {
    const { backend, item, user } = setup('sv-SE', { body: '<a href="https://meet.google.com/abc-defg-hij">Möte</a>', location: '' });
    expect(await screen.findByText(/känns inte igen/)).toBeTruthy();
    expect(screen.getByLabelText('Tjänst för mötet')).toHaveProperty('value', '');
    await user.selectOptions(screen.getByLabelText('Tjänst för mötet'), 'eid-videotjanst');
    await user.selectOptions(screen.getByLabelText('Typ av möte'), 'utredningssamtal-vuxen');
    await user.click(screen.getByLabelText('Ny motpart'));
    expect(screen.getByText('Digitalt möte är tillåtet')).toBeTruthy();
    expect(screen.getByText('Krävs, tillitsnivå 3 eller högre')).toBeTruthy();
    expect(screen.getByText('Tjänsten loggar in deltagarna med e-legitimation på den nivån.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    await screen.findByText('Klar – chefens godkännande behövs inte');
    expect(await customRecord(item)).toMatchObject({ serviceId: 'eid-videotjanst' });
    expect(backend.assessments.size).toBe(1);
  });
});
