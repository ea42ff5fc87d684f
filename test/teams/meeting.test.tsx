/** @jest-environment jsdom */
// The meeting tab and its configuration page, with the host adapter faked at its interface: the
// organizer creates the check, confirms the checklist and records identity checks at meeting start;
// the approver sees it; any other participant learns only that a check exists and whether it is
// complete; the configuration page is valid and saves the meeting page's address.
import './jsdomSetup';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examplePolicy } from '../../src/policy/example';
import { demoUserName } from '../../src/web/shared/auth';
import { ConfigPage, meetingTabConfig } from '../../src/web/teams/config/ConfigPage';
import { MeetingPanel } from '../../src/web/teams/meeting/MeetingPanel';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi, type FakeTeamsApi, type UserName } from './fakeTeamsApi';
import { fakeHost, type FakeHost } from './fakeHost';

const TODAY = '2026-03-02';
const NOW = Date.parse('2026-03-02T12:20:00Z');
const policy = examplePolicy(TODAY);

function view(api: FakeTeamsApi, user: UserName, lang: 'sv' | 'en' = 'sv', meetingId: string | null = 'meeting-1', chatId: string | null = null): FakeHost {
  api.user = user;
  const host = fakeHost({ pageId: 'meeting', meetingId, chatId, frameContext: 'sidePanel' });
  render(
    <TeamsShell host={host} lang={lang}>
      <MeetingPanel host={host} api={api} displayName={demoUserName} now={() => NOW} />
    </TeamsShell>,
  );
  return host;
}

async function readyCheck(api: FakeTeamsApi, needs: string[] = ['ny-motpart']) {
  api.user = 'caseworker';
  const a = await api.createAssessment({
    meeting: { teamsMeetingId: 'meeting-1' }, start: '2026-03-02T13:00:00.000Z', mode: 'digital',
    meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs,
  });
  return api.submitAssessment(a.id, 1);
}

describe('the meeting tab', () => {
  it('offers the organizer to make the check when there is none, and records it by the Teams meeting id', async () => {
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    const ui = userEvent.setup();
    view(api, 'caseworker');
    expect(await screen.findByText('Det finns ingen förkontroll för mötet än.')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Gör förkontrollen' }));
    // The next whole hour after 12:20 UTC, in the browser's own time zone.
    const startField = screen.getByLabelText('Mötets starttid') as HTMLInputElement;
    expect(startField.value).toMatch(/^2026-03-02T\d\d:00$/);
    expect(new Date(startField.value).toISOString()).toBe('2026-03-02T13:00:00.000Z');
    await ui.selectOptions(screen.getByLabelText('Typ av möte'), 'uppfoljningssamtal');
    await ui.selectOptions(screen.getByLabelText('Tjänst för mötet'), 'microsoft-teams');
    expect(screen.getByText('Digitalt möte är tillåtet')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    expect(await screen.findByText('Vid mötets start')).toBeTruthy();
    const stored = [...api.backend.assessments.values()][0]!;
    expect(stored.meeting).toEqual({ teamsMeetingId: 'meeting-1' });
    expect(stored.status).toBe('ready');
  });

  it('finds a check made in Outlook by the meeting chat id its join link carried, and names new checks by that chat id', async () => {
    const chat = '19:meeting_OutlookMade@thread.v2';
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    api.user = 'caseworker';
    const made = await api.createAssessment({
      meeting: { eventId: 'AAMkOutlook', teamsMeetingId: chat, joinUrlHash: `sha256:${'a'.repeat(64)}` }, start: '2026-03-02T13:00:00.000Z', mode: 'digital',
      meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [],
    });
    await api.submitAssessment(made.id, 1);
    view(api, 'caseworker', 'sv', 'meeting-id-from-teams', chat);
    expect(await screen.findByRole('region', { name: 'Vid mötets start' })).toBeTruthy();
    cleanup();

    // A meeting without a check: the one made in the tab carries the chat id, as Outlook's would.
    const fresh = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    const ui = userEvent.setup();
    view(fresh, 'caseworker', 'sv', 'meeting-2', '19:meeting_New@thread.v2');
    await ui.click(await screen.findByRole('button', { name: 'Gör förkontrollen' }));
    await ui.selectOptions(screen.getByLabelText('Typ av möte'), 'uppfoljningssamtal');
    await ui.selectOptions(screen.getByLabelText('Tjänst för mötet'), 'microsoft-teams');
    await ui.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    expect(await screen.findByText('Vid mötets start')).toBeTruthy();
    expect([...fresh.backend.assessments.values()][0]!.meeting).toEqual({ teamsMeetingId: '19:meeting_New@thread.v2' });
  });

  it('at meeting start: the organizer confirms the checklist item by item and records each counterpart\'s identity check', async () => {
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    const a = await readyCheck(api);
    const ui = userEvent.setup();
    view(api, 'caseworker');
    const start = await screen.findByRole('region', { name: 'Vid mötets start' });
    const items = within(start).getAllByRole('checkbox');
    expect(items).toHaveLength(a.verdict.checklist.length);
    for (const item of items) await ui.click(item);
    expect(api.calls.filter((c) => c.startsWith('confirmChecklistItem')).length).toBe(a.verdict.checklist.length);
    expect(screen.queryByText('Kontrollen är klar: alla punkter är bekräftade.')).toBeNull();

    const identity = screen.getByRole('region', { name: 'Identitetskontroll av motparter' });
    await ui.selectOptions(within(identity).getByLabelText('Metod för motpart 1'), 'bankid');
    await ui.click(within(identity).getByRole('button', { name: 'Registrera kontrollen av motpart 1' }));
    expect(await within(identity).findByText(/^Kontrollerad med BankID, tillitsnivå 3, /)).toBeTruthy();
    expect(await screen.findByText('Kontrollen är klar: alla punkter är bekräftade.')).toBeTruthy();

    await ui.click(within(identity).getByRole('button', { name: 'Lägg till motpart' }));
    await ui.selectOptions(within(identity).getByLabelText('Metod för motpart 2'), 'freja-eid-plus');
    await ui.click(within(identity).getByRole('button', { name: 'Registrera kontrollen av motpart 2' }));
    await within(identity).findByText(/^Kontrollerad med Freja eID Plus/);
    const record = api.backend.assessments.get(a.id)!;
    expect(record.identityChecks.map((c) => [c.counterpart, c.methodId, c.assurance])).toEqual([[1, 'bankid', 3], [2, 'freja-eid-plus', 3]]);
    // Method, assurance, time and who checked — nothing that identifies the counterpart.
    expect(Object.keys(record.identityChecks[0]!).sort()).toEqual(['assurance', 'by', 'checkedAt', 'counterpart', 'methodId']);
  });

  it('shows another participant only that a check exists and whether it is complete (English)', async () => {
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    await readyCheck(api);
    view(api, 'guest', 'en');
    expect(await screen.findByText('A pre-meeting check exists but is not complete yet.')).toBeTruthy();
    expect(screen.queryByText(/Follow-up meeting/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Make the pre-meeting check/ })).toBeNull();
  });

  it('shows a participant without the caseworker role that no check is recorded, without offering one', async () => {
    const api = createFakeTeamsApi(policy);
    view(api, 'auditor');
    expect(await screen.findByText('Ingen förkontroll är registrerad för mötet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gör förkontrollen' })).toBeNull();
  });

  it('shows the approver the check and links to Att godkänna', async () => {
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    const a = await readyCheck(api, ['barn-deltar']);
    expect(a.status).toBe('awaiting-approval');
    const ui = userEvent.setup();
    const host = view(api, 'manager');
    expect(await screen.findByText("Väntar på chefens godkännande")).toBeTruthy();
    expect(screen.getByText('Checklistan och identitetskontrollen görs när bedömningen är godkänd eller klar.')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Att godkänna' }));
    expect(host.opened).toEqual([{ tab: 'approvals', id: a.id }]);
  });

  it('lets the organizer open the check in Mina bedömningar by a deep link', async () => {
    const api = createFakeTeamsApi(policy, { now: () => new Date(NOW).toISOString() });
    const a = await readyCheck(api);
    const ui = userEvent.setup();
    const host = view(api, 'caseworker');
    await ui.click(await screen.findByRole('button', { name: 'Öppna i Mina bedömningar' }));
    await waitFor(() => expect(host.opened).toEqual([{ tab: 'mine', id: a.id }]));
  });

  it('says when it does not know its meeting', async () => {
    const api = createFakeTeamsApi(policy);
    view(api, 'caseworker', 'sv', null);
    expect(await screen.findByText(/Fliken vet inte vilket möte den hör till/)).toBeTruthy();
    expect(api.calls).not.toContain('findMeetingCheck');
  });
});

describe('the configuration page', () => {
  it('is valid at once and saves the meeting page, flagged as running in the host', () => {
    const host = fakeHost({ pageId: null, frameContext: 'settings' });
    render(
      <TeamsShell host={host} lang="sv">
        <ConfigPage host={host} pageUrl="https://motescheck.example/teams/config.html?host=teams" />
      </TeamsShell>,
    );
    expect(screen.getByRole('heading', { name: 'Lägg till Mötescheck i mötet' })).toBeTruthy();
    expect(screen.getByText(/Andra deltagare ser bara att en kontroll finns och är klar/)).toBeTruthy();
    expect(host.configState.valid).toBe(true);
    expect(host.configState.save!()).toEqual(meetingTabConfig('https://motescheck.example/teams/config.html'));
    expect(host.configState.save!()).toMatchObject({ contentUrl: 'https://motescheck.example/teams/meeting.html?host=teams', entityId: 'meeting' });
  });
});
