// The on-send handler against office-addin-mock: every path of DESIGN.md's "Outlook on-send"
// decision, read from a mocked appointment, with the server faked behind fetch. Every case also
// checks that `event.completed` was called exactly once, and not again afterwards.
import {
  createOnSendHandlers, registerOnSendHandlers, ACTION_ON_APPOINTMENT_SEND, ACTION_ON_NEW_APPOINTMENT, type OnSendDeps,
} from '../../src/web/outlook/onsend/handler';
import {
  encodeCustomProperties, encodeRoamingSettings, ROAMING_SETTINGS_KEY, TASKPANE_COMMAND_ID, CUSTOM_PROPERTY_KEY,
  type OnSendRecord, type OnSendSettings,
} from '../../src/web/outlook/onsend/format';
import { outlookMock, sendEvent, type AppointmentState } from './outlookMock';

const BASE = 'https://motescheck.exempelkommun.se';
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';
const TEAMS_BODY = `<p>Välkommen till mötet.</p><p><a href="${TEAMS}">Anslut till Microsoft Teams-mötet</a></p>`;
const DIGITALT = 'https://rum.digitaltmote.example.se/m/123';
const PHYSICAL_BODY = '<p>Vi ses på socialkontoret, Storgatan 1. Läs mer på <a href="https://www.exempelkommun.se/soc">kommunens webb</a>.</p>';
const INTERNAL = ['kollega@exempelkommun.se'];
const EXTERNAL = ['kollega@exempelkommun.se', 'klient@gmail.com'];
const START = new Date('2026-05-04T08:00:00Z');

const SETTINGS: OnSendSettings = {
  v: 1,
  policyVersion: 'sha256:0000',
  internalDomains: ['exempelkommun.se'],
  linkPatterns: ['https://*.digitaltmote.example.se/*', 'https://teams.microsoft.com/l/meetup-join/*'],
  onSend: { noAssessment: 'block', pendingApproval: 'block' },
};
const PROMPT = { noAssessment: 'prompt', pendingApproval: 'prompt' } as const;

function record(overrides: Partial<OnSendRecord> = {}): OnSendRecord {
  return {
    v: 1, assessmentId: 'a-1', revision: 2, status: 'approved', mode: 'digital', notClientMeeting: false,
    serviceId: 'teams', serviceLabel: 'Microsoft Teams', linkPatterns: ['https://teams.microsoft.com/l/meetup-join/*'],
    startDate: '2026-05-04', outcome: 'allowed', blockingReason: null, comment: null,
    onSend: { noAssessment: 'block', pendingApproval: 'block' },
    ...overrides,
  };
}

/** An appointment: a Teams meeting with an external attendee and the roaming settings in place, unless told otherwise. */
function appointment(overrides: AppointmentState & { record?: OnSendRecord | null; settings?: OnSendSettings | null } = {}): AppointmentState {
  const { record: r, settings, ...state } = overrides;
  return {
    bodyHtml: TEAMS_BODY,
    required: EXTERNAL,
    start: START,
    customProperties: r ? encodeCustomProperties(r) : {},
    roamingSettings: settings === null ? {} : encodeRoamingSettings(settings ?? SETTINGS),
    ...state,
  };
}

type Answer = unknown | 'down' | 'hang' | { httpStatus: number };
interface Server { settings?: Answer; status?: Answer }

function fakeFetch(server: Server) {
  const calls: { url: string; authorization: string | undefined }[] = [];
  const answer = (value: Answer, signal: AbortSignal | undefined): Promise<Response> => {
    if (value === undefined) return Promise.reject(new Error('unexpected call'));
    if (value === 'down') return Promise.reject(new TypeError('fetch failed'));
    if (value === 'hang') {
      return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    if (typeof value === 'object' && value !== null && 'httpStatus' in value) {
      return Promise.resolve(new Response(JSON.stringify({ code: 'unauthorized', message: 'no' }), { status: (value as { httpStatus: number }).httpStatus }));
    }
    return Promise.resolve(new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url, authorization: headers['authorization'] });
    if (url === `${BASE}/api/onsend-settings`) return answer(server.settings, init?.signal ?? undefined);
    if (url.startsWith(`${BASE}/api/assessments/`) && url.endsWith('/status')) return answer(server.status, init?.signal ?? undefined);
    throw new Error(`unexpected URL ${url}`);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

async function send(state: AppointmentState, server: Server = {}, deps: Partial<OnSendDeps> = {}) {
  const mock = outlookMock(state);
  const { fetch, calls } = fakeFetch(server);
  const logged: string[] = [];
  const handlers = createOnSendHandlers({
    office: mock.office, fetch, baseUrl: BASE, getToken: async () => 'token-1', timeoutMs: 100, deadlineMs: 2000,
    log: (text) => logged.push(text), ...deps,
  });
  const event = sendEvent();
  const decision = await handlers.onAppointmentSend(event);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(event.calls).toHaveLength(1);
  const options = event.calls[0]![0] as Office.SmartAlertsEventCompletedOptions;
  return { decision, options, mock, calls, logged };
}

const REDO = { allowEvent: false, commandId: TASKPANE_COMMAND_ID, cancelLabel: 'Öppna Mötescheck' };

describe('meetings the check does not concern are let through without a call', () => {
  it('a physical meeting with no online-meeting link (only an ordinary web link)', async () => {
    const { options, decision, calls } = await send(appointment({ bodyHtml: PHYSICAL_BODY, location: 'Socialkontoret' }));
    expect(options).toEqual({ allowEvent: true });
    expect(decision.code).toBe('not-concerned');
    expect(calls).toEqual([]);
  });

  it('an internal meeting: a Teams link but every attendee in an internal domain (or a subdomain)', async () => {
    const { options, calls } = await send(appointment({ required: ['a@exempelkommun.se'], optional: ['b@soc.exempelkommun.se'] }));
    expect(options).toEqual({ allowEvent: true });
    expect(calls).toEqual([]);
  });

  it('without internal domains in the policy, the user’s own mail domain is internal', async () => {
    const settings = { ...SETTINGS, internalDomains: null };
    const internal = await send(appointment({ settings, userEmail: 'me@exempelkommun.se', required: INTERNAL }));
    expect(internal.options).toEqual({ allowEvent: true });
    const external = await send(appointment({ settings, userEmail: 'me@annankommun.se', required: INTERNAL }));
    expect(external.options).toMatchObject({ allowEvent: false });
  });

  it('a meeting link to a service outside the catalogue still counts as an online meeting', async () => {
    const { options } = await send(appointment({ bodyHtml: '<a href="https://us02web.zoom.us/j/8812345">Zoom</a>' }));
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
  });
});

describe('no check, or a draft or withdrawn one → onSend.noAssessment', () => {
  it('block: the item is held, with the button that opens the task pane', async () => {
    const { options, decision } = await send(appointment());
    expect(decision.code).toBe('no-assessment');
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('ingen förkontroll är gjord') });
  });

  it('prompt: the user may send anyway (sendModeOverride PromptUser)', async () => {
    const { options } = await send(appointment({ settings: { ...SETTINGS, onSend: PROMPT } }));
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('ingen förkontroll'), sendModeOverride: 'promptUser' });
  });

  it.each([
    ['draft', 'inte klar'],
    ['withdrawn', 'återkallad'],
  ] as const)('a %s check, block and prompt by the record’s onSend', async (status, words) => {
    const blocked = await send(appointment({ record: record({ status }) }));
    expect(blocked.options).toEqual({ ...REDO, errorMessage: expect.stringContaining(words) });
    const prompted = await send(appointment({ record: record({ status, onSend: PROMPT }) }));
    expect(prompted.options).toEqual({ ...REDO, errorMessage: expect.stringContaining(words), sendModeOverride: 'promptUser' });
  });

  it('a check saved on the item applies even without an external attendee or a link', async () => {
    const { options } = await send(appointment({ record: record({ status: 'draft' }), required: INTERNAL, bodyHtml: PHYSICAL_BODY }));
    expect(options).toMatchObject({ allowEvent: false });
  });
});

describe('"inte ett klientmöte"', () => {
  it('is let through whatever the link and the attendees', async () => {
    const { options, decision } = await send(appointment({ record: record({ notClientMeeting: true, mode: 'physical', status: 'ready', linkPatterns: [] }) }));
    expect(options).toEqual({ allowEvent: true });
    expect(decision.code).toBe('not-client-meeting');
  });
});

describe('a check that no longer fits the item → block, "gör om kontrollen"', () => {
  it('needs-recheck', async () => {
    const { options } = await send(appointment({ record: record({ status: 'needs-recheck' }) }));
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('Gör om kontrollen') });
  });

  it('an assessed meeting without external attendees is still held when its check needs redoing', async () => {
    const { options } = await send(appointment({ record: record({ status: 'needs-recheck' }), required: INTERNAL }));
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
  });

  it('an online-meeting link on a physical-mode check', async () => {
    const r = record({ mode: 'physical', serviceId: null, serviceLabel: null, linkPatterns: [], status: 'ready' });
    const { options, decision } = await send(appointment({ record: r }));
    expect(decision.code).toBe('link-on-physical');
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('fysiskt möte') });
  });

  it('a changed service: the link is no longer the assessed service’s', async () => {
    const r = record({ serviceId: 'digitaltmote', serviceLabel: 'Digitalt möte SE', linkPatterns: ['https://*.digitaltmote.example.se/*'] });
    const { options, decision } = await send(appointment({ record: r, bodyHtml: TEAMS_BODY }));
    expect(decision.code).toBe('link-not-assessed-service');
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('(Digitalt möte SE)') });
    const same = await send(appointment({ record: r, bodyHtml: `<a href="${DIGITALT}">Anslut</a>` }));
    expect(same.options).toEqual({ allowEvent: true });
  });

  it('a service without link patterns matches no link', async () => {
    const { decision } = await send(appointment({ record: record({ linkPatterns: [] }) }));
    expect(decision.code).toBe('link-not-assessed-service');
  });

  it('a moved start date (the Stockholm date, not the hour)', async () => {
    const moved = await send(appointment({ record: record(), start: new Date('2026-05-06T08:00:00Z') }));
    expect(moved.options).toEqual({ ...REDO, errorMessage: expect.stringContaining('2026-05-04 → 2026-05-06') });
    const laterSameDay = await send(appointment({ record: record(), start: new Date('2026-05-04T21:30:00Z') }));
    expect(laterSameDay.options).toEqual({ allowEvent: true });
    // 22:30 UTC on 4 May is 00:30 on 5 May in Stockholm.
    const pastMidnight = await send(appointment({ record: record(), start: new Date('2026-05-04T22:30:00Z') }));
    expect(pastMidnight.decision.code).toBe('start-moved');
  });
});

describe('the verdict', () => {
  it('a digital-mode check judged not allowed is held with its reason', async () => {
    const r = record({ status: 'ready', outcome: 'not-allowed', blockingReason: { sv: 'Tjänsten är inte godkänd för mötestypen.', en: 'The service is not approved for the meeting type.' } });
    const { options } = await send(appointment({ record: r }));
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('Tjänsten är inte godkänd för mötestypen.') });
  });

  it('a physical-mode check without a link is not judged on digital', async () => {
    const r = record({ mode: 'physical', serviceId: null, serviceLabel: null, linkPatterns: [], status: 'ready', outcome: 'not-allowed' });
    const { options } = await send(appointment({ record: r, bodyHtml: PHYSICAL_BODY }));
    expect(options).toEqual({ allowEvent: true });
  });

  it.each(['approved', 'ready'] as const)('%s → sent, without a call', async (status) => {
    const { options, decision, calls } = await send(appointment({ record: record({ status }) }));
    expect(options).toEqual({ allowEvent: true });
    expect(decision.code).toBe(status);
    expect(calls).toEqual([]);
  });

  it('rejected → held with the approver’s comment', async () => {
    const { options } = await send(appointment({ record: record({ status: 'rejected', comment: 'Boka ett hembesök i stället.' }) }));
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('”Boka ett hembesök i stället.”') });
    const without = await send(appointment({ record: record({ status: 'rejected' }) }));
    expect(without.options).toEqual({ ...REDO, errorMessage: expect.stringContaining('Se kommentaren') });
  });
});

describe('awaiting approval → one status call', () => {
  const awaiting = record({ status: 'awaiting-approval' });

  it('refreshed to approved → sent; one call, with the token', async () => {
    const { options, calls } = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 2, status: 'approved' } });
    expect(options).toEqual({ allowEvent: true });
    expect(calls).toEqual([{ url: `${BASE}/api/assessments/a-1/status`, authorization: 'Bearer token-1' }]);
  });

  it('without a token the call goes without one', async () => {
    const { calls } = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 2, status: 'ready' } }, { getToken: async () => null });
    expect(calls).toEqual([{ url: `${BASE}/api/assessments/a-1/status`, authorization: undefined }]);
  });

  it('still pending → onSend.pendingApproval: block, or prompt', async () => {
    const blocked = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 2, status: 'awaiting-approval' } });
    expect(blocked.options).toEqual({ allowEvent: false, errorMessage: 'Förkontrollen väntar på chefens godkännande.' });
    const prompted = await send(appointment({ record: { ...awaiting, onSend: PROMPT } }), { status: { id: 'a-1', revision: 2, status: 'awaiting-approval' } });
    expect(prompted.options).toEqual({ allowEvent: false, errorMessage: 'Förkontrollen väntar på chefens godkännande.', sendModeOverride: 'promptUser' });
  });

  it.each([
    ['unreachable', 'down'],
    ['answering too slowly', 'hang'],
    ['refusing the call', { httpStatus: 401 }],
    ['answering nonsense', { hello: 'world' }],
  ] as const)('the server %s → treated as pending, by the policy', async (_what, answer) => {
    const { options, decision, calls } = await send(appointment({ record: { ...awaiting, onSend: PROMPT } }), { status: answer });
    expect(decision.code).toBe('awaiting-approval');
    expect(options).toEqual({ allowEvent: false, errorMessage: expect.stringContaining('kunde inte nå servern'), sendModeOverride: 'promptUser' });
    expect(calls).toHaveLength(1);
  });

  it('refreshed to rejected → held with the comment from the server', async () => {
    const { options } = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 2, status: 'rejected', comment: 'Klienten har ingen e-legitimation.' } });
    expect(options).toEqual({ ...REDO, errorMessage: expect.stringContaining('”Klienten har ingen e-legitimation.”') });
  });

  it('refreshed to needs-recheck → held, "gör om kontrollen"', async () => {
    const { options } = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 2, status: 'needs-recheck' } });
    expect(options).toMatchObject({ ...REDO, errorMessage: expect.stringContaining('Gör om kontrollen') });
  });

  it('the server has another revision → the item’s check is not the approved one: held', async () => {
    const { decision, options } = await send(appointment({ record: awaiting }), { status: { id: 'a-1', revision: 3, status: 'approved' } });
    expect(decision.code).toBe('revision-changed');
    expect(options).toMatchObject(REDO);
  });

  it('no call at all when the item already fails the check (a moved date)', async () => {
    const { decision, calls } = await send(appointment({ record: awaiting, start: new Date('2026-06-01T08:00:00Z') }), {});
    expect(decision.code).toBe('start-moved');
    expect(calls).toEqual([]);
  });
});

describe('roaming settings missing → one settings fetch', () => {
  it('fetched: decided with them, and kept in the roaming settings for next time', async () => {
    const { options, calls, mock } = await send(appointment({ settings: null }), { settings: { ...SETTINGS, v: undefined } });
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/api/onsend-settings`]);
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
    expect(JSON.parse(String(mock.roaming[ROAMING_SETTINGS_KEY]))).toEqual(SETTINGS);
    expect(mock.roamingSaves).toBe(1);
  });

  it('fetched but not saved: the decision stands', async () => {
    const { options, logged } = await send(appointment({ settings: null, fail: { roamingSave: 'result' } }), { settings: SETTINGS });
    expect(options).toMatchObject({ allowEvent: false });
    expect(logged.join('\n')).toMatch(/roaming settings not saved/);
  });

  it.each([['unreachable', 'down'], ['too slow', 'hang']] as const)('server %s → sent, with a notice on the item', async (_what, answer) => {
    const { options, decision, mock, calls } = await send(appointment({ settings: null }), { settings: answer });
    expect(calls).toHaveLength(1);
    expect(options).toEqual({ allowEvent: true });
    expect(decision.code).toBe('settings-unavailable');
    expect(mock.notifications).toEqual([expect.objectContaining({ type: 'informationalMessage', message: expect.stringContaining('kunde inte hämta sina inställningar'), icon: 'icon-16' })]);
    expect(mock.notifications[0]!.message.length).toBeLessThanOrEqual(150);
  });

  it('unreadable roaming settings count as missing', async () => {
    const { calls } = await send(appointment({ settings: null, roamingSettings: { [ROAMING_SETTINGS_KEY]: '{"v":7}' } }), { settings: SETTINGS });
    expect(calls).toHaveLength(1);
  });

  it('an item without any link needs no settings: no call', async () => {
    const { options, calls } = await send(appointment({ settings: null, bodyHtml: '<p>Hembesök</p>' }));
    expect(options).toEqual({ allowEvent: true });
    expect(calls).toEqual([]);
  });

  it('a check on the item needs no settings: no call', async () => {
    const { options, calls } = await send(appointment({ settings: null, record: record() }));
    expect(options).toEqual({ allowEvent: true });
    expect(calls).toEqual([]);
  });
});

describe('language', () => {
  it('English display language → English words', async () => {
    const { options } = await send(appointment({ displayLanguage: 'en-GB' }));
    expect(options).toEqual({ ...REDO, cancelLabel: 'Open Mötescheck', errorMessage: expect.stringContaining('no pre-meeting check has been made') });
  });

  it('any other display language → Swedish', async () => {
    const { options } = await send(appointment({ displayLanguage: 'fi-FI' }));
    expect(options.errorMessage).toMatch(/ingen förkontroll/);
  });
});

describe('failures: completed exactly once, the user may send anyway', () => {
  const expectError = (options: Office.SmartAlertsEventCompletedOptions) =>
    expect(options).toEqual({ allowEvent: false, errorMessage: expect.stringContaining('på grund av ett fel'), sendModeOverride: 'promptUser' });

  it('a throw inside an Office call', async () => {
    const { options, decision, logged } = await send(appointment({ fail: { body: 'throw' } }));
    expect(decision.code).toBe('error');
    expectError(options);
    expect(logged.join('\n')).toMatch(/body.getAsync exploded/);
  });

  it('a failed Office result', async () => {
    expectError((await send(appointment({ fail: { body: 'result' } }))).options);
  });

  it('no item', async () => {
    expectError((await send(appointment({ noItem: true }))).options);
  });

  it('an unreadable check on the item is held for redoing, not treated as an error', async () => {
    const { options, decision } = await send(appointment({ customProperties: { [CUSTOM_PROPERTY_KEY]: '{"v":1,"status":"?"}' } }));
    expect(decision.code).toBe('unreadable');
    expect(options).toMatchObject(REDO);
  });

  it('an Office callback that never comes: completed at the deadline, and not again when it comes late', async () => {
    const mock = outlookMock(appointment({ fail: { body: 'never' } }));
    const handlers = createOnSendHandlers({ office: mock.office, baseUrl: BASE, deadlineMs: 50, timeoutMs: 20 });
    const event = sendEvent();
    const decision = await handlers.onAppointmentSend(event);
    expect(decision.code).toBe('error');
    mock.lateBodyCallback();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(event.calls).toHaveLength(1);
  });

  it('a completed that throws is not called a second time', async () => {
    const mock = outlookMock(appointment());
    const handlers = createOnSendHandlers({ office: mock.office, baseUrl: BASE, deadlineMs: 50 });
    let calls = 0;
    const decision = await handlers.onAppointmentSend({ completed: () => { calls += 1; throw new Error('host refused'); } });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(decision.code).toBe('no-assessment');
    expect(calls).toBe(1);
  });
});

describe('a new appointment', () => {
  it('shows "Gör förkontrollen innan du skickar" and completes once', async () => {
    const mock = outlookMock(appointment());
    const handlers = createOnSendHandlers({ office: mock.office, baseUrl: BASE });
    const event = sendEvent();
    await handlers.onNewAppointment(event);
    expect(event.calls).toEqual([[]]);
    expect(mock.notifications).toEqual([{ key: 'motescheckNotice', type: 'informationalMessage', message: 'Gör förkontrollen innan du skickar (Mötescheck).', icon: 'icon-16', persistent: false }]);
  });

  it('completes once even when the notice cannot be shown', async () => {
    const mock = outlookMock(appointment({ fail: { notification: 'result' } }));
    const logged: string[] = [];
    const handlers = createOnSendHandlers({ office: mock.office, baseUrl: BASE, log: (t) => logged.push(t) });
    const event = sendEvent();
    await handlers.onNewAppointment(event);
    expect(event.calls).toEqual([[]]);
    expect(logged.join('\n')).toMatch(/reminder not shown/);
  });
});

describe('registration', () => {
  it('associates both manifest actions', () => {
    const mock = outlookMock(appointment());
    registerOnSendHandlers({ office: mock.office, baseUrl: BASE });
    expect(Object.keys(mock.associated).sort()).toEqual([ACTION_ON_APPOINTMENT_SEND, ACTION_ON_NEW_APPOINTMENT].sort());
  });
});
