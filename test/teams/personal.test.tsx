/** @jest-environment jsdom */
// The personal tabs with the host adapter faked at its interface and the in-memory API: Mina
// bedömningar (list, deep link, revise, withdraw), Att godkänna (summary, approve, reject with a
// comment), role gating that says why, and Rapporter — in Swedish and English.
import './jsdomSetup';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AssessmentInput } from '../../src/api/contract';
import { examplePolicy } from '../../src/policy/example';
import { demoUserName } from '../../src/web/shared/auth';
import { PersonalApp } from '../../src/web/teams/personal/PersonalApp';
import { TeamsShell } from '../../src/web/teams/TeamsShell';
import { createFakeTeamsApi, type FakeTeamsApi, type UserName } from './fakeTeamsApi';
import { fakeHost } from './fakeHost';
import { findDialog } from './dialogs';

const TODAY = '2026-03-02';
const NOW = Date.parse('2026-03-02T12:00:00Z');
const policy = examplePolicy(TODAY);

const input = (patch: Partial<AssessmentInput> = {}): AssessmentInput => ({
  meeting: { teamsMeetingId: 'm-1' }, start: '2026-03-05T09:00:00.000Z', mode: 'digital',
  meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: [], ...patch,
});

async function seed(api: FakeTeamsApi) {
  const before = api.user;
  api.user = 'caseworker';
  const ready = await api.createAssessment(input());
  await api.submitAssessment(ready.id, 1);
  const pending = await api.createAssessment(input({ meeting: { teamsMeetingId: 'm-2' }, meetingTypeId: 'utredningssamtal-vuxen', start: '2026-03-04T08:30:00.000Z' }));
  await api.submitAssessment(pending.id, 1);
  api.user = before;
  return { ready: ready.id, pending: pending.id };
}

function setup(user: UserName, tab: string, options: { lang?: 'sv' | 'en'; kind?: 'teams' | 'standalone' } = {}) {
  const api = createFakeTeamsApi(policy, { user, now: () => new Date(NOW).toISOString() });
  const ui = userEvent.setup();
  /** Renders the tab; `subPageId` is a deep link's target. */
  const view = (subPageId: string | null = null) => {
    const host = fakeHost({ pageId: tab, subPageId }, options.kind ?? 'teams');
    return render(
      <TeamsShell host={host} lang={options.lang ?? 'sv'}>
        <PersonalApp host={host} api={api} displayName={demoUserName} now={() => NOW} />
      </TeamsShell>,
    );
  };
  return { api, ui, view };
}

describe('Mina bedömningar', () => {
  it('lists my assessments with meeting time, type, service and status (Swedish)', async () => {
    const { api, view } = setup('caseworker', 'mine');
    await seed(api);
    view();
    const table = await screen.findByRole('table', { name: 'Mina bedömningar' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(table).getByText('Uppföljningssamtal')).toBeTruthy();
    expect(within(table).getByText('Utredningssamtal med vuxen')).toBeTruthy();
    expect(within(table).getByText('Klar')).toBeTruthy();
    expect(within(table).getByText('Väntar på godkännande')).toBeTruthy();
    expect(within(table).getAllByText('Microsoft Teams')).toHaveLength(2);
    expect(within(table).getByText(/5 mars 2026 10:00/)).toBeTruthy();
    expect(api.calls).toContain('listAssessments:mine');
  });

  it('opens one assessment from a deep link (subPageId) and revises it into a new revision', async () => {
    const { api, ui, view } = setup('caseworker', 'mine');
    const { ready } = await seed(api);
    view(ready);
    expect(await screen.findByRole('heading', { name: /Uppföljningssamtal · 5 mars 2026/ })).toBeTruthy();
    expect(screen.getByText('Klar – chefens godkännande behövs inte')).toBeTruthy();
    await ui.click(screen.getByLabelText('Tolk behövs'));
    expect(screen.getByText(/Skicka igen så blir det en ny version/)).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Registrera kontrollen' }));
    expect(await screen.findByText('Version 2 av bedömningen')).toBeTruthy();
    expect(api.backend.assessments.get(ready)).toMatchObject({ revision: 2, needs: ['tolk'], status: 'ready' });
  });

  it('withdraws an assessment after asking', async () => {
    const { api, ui, view } = setup('caseworker', 'mine');
    const { pending } = await seed(api);
    view();
    await ui.click(await screen.findByRole('button', { name: /Öppna bedömningen Utredningssamtal med vuxen/ }));
    await screen.findByText('Väntar på chefens godkännande');
    await ui.click(screen.getByRole('button', { name: 'Återkalla' }));
    const dialog = await findDialog('Återkalla bedömningen?');
    await ui.click(within(dialog).getByRole('button', { name: 'Återkalla', hidden: true }));
    expect(await screen.findByText('Bedömningen är återkallad.')).toBeTruthy();
    expect(api.backend.assessments.get(pending)?.status).toBe('withdrawn');
    await ui.click(screen.getByRole('button', { name: /Tillbaka till listan/ }));
    expect(within(await screen.findByRole('table')).getByText('Återkallad')).toBeTruthy();
  });

  it('says what to do when there is nothing yet (English)', async () => {
    const { view } = setup('caseworker', 'mine', { lang: 'en' });
    view();
    expect(await screen.findByText(/You have no assessments yet/)).toBeTruthy();
  });
});

describe('Att godkänna', () => {
  it('shows each pending co-approval with its age and the full non-identifying summary', async () => {
    const { api, view } = setup('manager', 'approvals');
    await seed(api);
    view();
    const card = await screen.findByRole('article', { name: /Utredningssamtal med vuxen · 4 mars 2026 09:30/ });
    expect(within(card).getByText(/^Väntat \d+ (min|tim|dygn)$/)).toBeTruthy();
    expect(within(card).getByText('Microsoft Teams')).toBeTruthy();
    expect(within(card).getByText('Demo Handläggare 1')).toBeTruthy();
    expect(within(card).getByText('Digitalt möte är tillåtet med avvikelsebeslut')).toBeTruthy();
    expect(within(card).getByText(/Beslut SN 2026\/117/)).toBeTruthy();
    expect(within(card).getByText('Skäl')).toBeTruthy();
    expect(within(card).getByText('Identitetskontroll')).toBeTruthy();
    expect(within(card).getByText('Checklista inför mötet')).toBeTruthy();
    // Only the one awaiting approval is listed: the ready one needs no manager.
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('approves through the decision endpoint, with the revision the manager saw', async () => {
    const { api, ui, view } = setup('manager', 'approvals');
    const { pending } = await seed(api);
    view();
    const card = await screen.findByRole('article');
    await ui.click(within(card).getByRole('button', { name: 'Godkänn' }));
    expect(await screen.findByText('Du godkände bedömningen.')).toBeTruthy();
    expect(api.backend.assessments.get(pending)).toMatchObject({ status: 'approved', decision: { outcome: 'approved', revision: 1 } });
    expect(screen.getByText('Inget väntar på ditt godkännande.')).toBeTruthy();
  });

  it('requires a comment to reject, refuses a personal identity number, and records the comment', async () => {
    const { api, ui, view } = setup('manager', 'approvals', { lang: 'en' });
    const { pending } = await seed(api);
    view();
    const card = await screen.findByRole('article');
    await ui.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(within(card).getByText('Write why you reject.')).toBeTruthy();
    expect(api.calls.filter((c) => c.startsWith('decideAssessment'))).toEqual([]);

    await ui.type(within(card).getByLabelText('Comment'), 'Gäller 19121212-1212');
    expect(within(card).getByText(/looks as if it holds a personal identity/)).toBeTruthy();
    await ui.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(api.calls.filter((c) => c.startsWith('decideAssessment'))).toEqual([]);

    await ui.clear(within(card).getByLabelText('Comment'));
    await ui.type(within(card).getByLabelText('Comment'), 'Use the e-ID service instead.');
    await ui.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText('You rejected the assessment.')).toBeTruthy();
    expect(api.backend.assessments.get(pending)).toMatchObject({ status: 'rejected', decision: { comment: 'Use the e-ID service instead.' } });
  });
});

describe('roles and the other tabs', () => {
  it('tells a caseworker why the settings tab is not for them', async () => {
    const { view, api } = setup('caseworker', 'settings');
    view();
    expect(await screen.findByText('Du har inte behörighet till den här fliken')).toBeTruthy();
    expect(screen.getByText(/Inställningar är för rollen Policyförvaltare\. Ditt konto har Handläggare\./)).toBeTruthy();
    expect(screen.getByText(/Policyn ändras bara av policyförvaltare/)).toBeTruthy();
    expect(api.calls).not.toContain('getDraft');
  });

  it('tells a policy admin why Att godkänna is empty for them (English)', async () => {
    const { view } = setup('policyadmin', 'approvals', { lang: 'en' });
    view();
    expect(await screen.findByText(/To approve is for the role Manager\. Your account has Policy administrator\./)).toBeTruthy();
  });

  it('Rapporter says the reports arrive with the accountability work and shows the version history meanwhile', async () => {
    const { view, ui, api } = setup('auditor', 'reports');
    api.published.push({ ...api.published[0]!, version: 2, changeNote: 'Teams sänkt till K1', policy: { ...policy, services: policy.services.map((s) => (s.id === 'microsoft-teams' ? { ...s, approvedUpTo: { confidentiality: 1 } } : s)) } });
    view();
    expect(await screen.findByText('Rapporterna kommer med arbetet med ansvarsskyldigheten')).toBeTruthy();
    expect(await screen.findByText('Teams sänkt till K1')).toBeTruthy();
    await ui.click(screen.getByRole('button', { name: 'Visa skillnader' }));
    const table = await screen.findByRole('table', { name: /Jämför version 1 med version 2/ });
    expect(within(table).getByText(/Tjänster › Microsoft Teams › Godkänd upp till konfidentialitet \(K\)/)).toBeTruthy();
    expect(within(table).getByText('2 → 1')).toBeTruthy();
    // A reader cannot load a version into the draft.
    expect(screen.queryByRole('button', { name: /Läs in version/ })).toBeNull();
  });

  it('shows a tab list in the standalone host and switches tabs', async () => {
    const { view, ui } = setup('caseworker', 'mine', { kind: 'standalone' });
    view();
    await screen.findByText(/Du har inga bedömningar än/);
    await ui.click(screen.getByRole('tab', { name: 'Rapporter' }));
    expect(await screen.findByText(/Rapporter är för rollen Granskare/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Rapporter' }).getAttribute('aria-selected')).toBe('true'));
  });
});
