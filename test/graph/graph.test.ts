// Every Graph request Mötescheck makes, asserted with msw (method, URL, body per the Graph reference),
// from the server's own code paths: the approver resolver at submit, the outbox worker installing the
// app and sending the card, and the open extension written after each decision. msw fails any request
// it has no handler for, and each test lists the exact requests that went out.
import { sql } from 'kysely';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { graphApproverResolver } from '../../src/server/graph/approvers';
import { createGraphClient } from '../../src/server/graph/client';
import { EXTENSION_NAME, GraphDirectory } from '../../src/server/graph/directory';
import { queueReminders } from '../../src/server/outbox/effects';
import { STRINGS } from '../../src/cards/strings';
import { engineContext, meetingInput, type EngineContext } from '../server/helpers/harness';
import { api, botServer, executeVerbs, GRAPH, invokeActivity, postActivity, SERVICE_URL, TEAMS_APP_ID, type BotServer, type Json } from '../bot/helpers/botServer';

interface Seen { method: string; url: string; body: unknown; auth: string | null }

const CATALOG_ID = 'catalog-app-1';
const seen: Seen[] = [];
const managerOf: Record<string, string | null> = {};
const extensions = new Map<string, Record<string, unknown>>();
let unhandled: string[] = [];
/** How many manager lookups Graph answers with 429 and Retry-After: 1 before answering. */
let throttleManagerLookups = 0;

async function record(request: Request): Promise<void> {
  const text = request.method === 'GET' ? '' : await request.clone().text();
  seen.push({ method: request.method, url: decodeURIComponent(request.url), body: text ? JSON.parse(text) : undefined, auth: request.headers.get('authorization') });
}

const graph = setupServer(
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  http.get(`${GRAPH}/users/:id/manager`, async ({ request, params }) => {
    await record(request);
    if (throttleManagerLookups > 0) {
      throttleManagerLookups--;
      return HttpResponse.json({ error: { code: 'TooManyRequests', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '1' } });
    }
    const m = managerOf[String(params.id)];
    return m ? HttpResponse.json({ '@odata.type': '#microsoft.graph.user', id: m }) : HttpResponse.json({ error: { code: 'Request_ResourceNotFound', message: 'not found' } }, { status: 404 });
  }),
  http.get(`${GRAPH}/users/:id`, async ({ request, params }) => {
    await record(request);
    return HttpResponse.json({ displayName: `Namn ${String(params.id).slice(-3)}` });
  }),
  http.get(`${GRAPH}/appCatalogs/teamsApps`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ value: [{ id: CATALOG_ID, externalId: TEAMS_APP_ID, displayName: 'Mötescheck', distributionMethod: 'organization' }] });
  }),
  http.post(`${GRAPH}/users/:id/teamwork/installedApps`, async ({ request }) => {
    await record(request);
    return new HttpResponse(null, { status: 201 });
  }),
  http.get(`${GRAPH}/users/:id/teamwork/installedApps`, async ({ request, params }) => {
    await record(request);
    return HttpResponse.json({ value: [{ id: `inst-${String(params.id)}`, teamsApp: { id: CATALOG_ID } }] });
  }),
  http.get(`${GRAPH}/users/:id/teamwork/installedApps/:inst/chat`, async ({ request, params }) => {
    await record(request);
    return HttpResponse.json({ id: `19:chat-${String(params.id)}@unq.gbl.spaces` });
  }),
  http.post(`${GRAPH}/users/:id/events/:event/extensions`, async ({ request, params }) => {
    await record(request);
    const key = `${String(params.id)}/${String(params.event)}`;
    if (String(params.event) === 'evt-not-yet') return HttpResponse.json({ error: { code: 'ErrorItemNotFound' } }, { status: 404 });
    if (extensions.has(key)) return HttpResponse.json({ error: { code: 'NameAlreadyExists' } }, { status: 409 });
    extensions.set(key, (await request.clone().json()) as Record<string, unknown>);
    return HttpResponse.json({ id: EXTENSION_NAME }, { status: 201 });
  }),
  http.patch(`${GRAPH}/users/:id/events/:event/extensions/:name`, async ({ request, params }) => {
    await record(request);
    extensions.set(`${String(params.id)}/${String(params.event)}`, (await request.clone().json()) as Record<string, unknown>);
    return HttpResponse.json({ id: EXTENSION_NAME });
  }),
  // The Bot Connector: the member lookup (Teams user id for refresh.userIds) and the message itself.
  http.get(`${SERVICE_URL}/v3/conversations/:conv/members/:user`, async ({ request, params }) => {
    await record(request);
    return HttpResponse.json({ id: `29:mri-${String(params.user)}`, aadObjectId: String(params.user), name: 'x' });
  }),
  http.post(`${SERVICE_URL}/v3/conversations/:conv/activities`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ id: `msg-${seen.length}` }, { status: 201 });
  }),
);

// Anything without a handler is recorded and fails (print.error makes msw refuse it, never pass it on).
beforeAll(() => { graph.listen({ onUnhandledRequest: (req, print) => { unhandled.push(`${req.method} ${req.url}`); print.error(); } }); });
afterAll(() => { graph.close(); });
afterEach(() => { expect(unhandled).toEqual([]); });

describe('Graph requests from the server (msw)', () => {
  let ctx: EngineContext;
  let s: BotServer;

  beforeAll(async () => { ctx = await engineContext('pglite'); });
  afterAll(async () => { await ctx.close(); });
  beforeEach(async () => {
    seen.length = 0;
    extensions.clear();
    unhandled = [];
    s = await botServer(await ctx.newStore(), { graph: true, integration: { approversSource: 'graph' } });
    for (const k of Object.keys(managerOf)) delete managerOf[k];
  });
  afterEach(async () => { await s.close(); });

  const graphCalls = () => seen.filter((r) => r.url.startsWith(GRAPH)).map((r) => `${r.method} ${r.url.slice(GRAPH.length)}`);

  it('looks up the manager at submit, with a stand-in in their period, or the fallback group when there is none', async () => {
    managerOf[s.oid('caseworker')] = s.oid('manager');
    s.config.approvers.standIns.push({ for: s.oid('manager'), by: s.oid('manager2'), from: '2026-03-01', until: '2026-03-03' });
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    const sub = await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    expect(sub.body.approvers).toEqual([s.oid('manager'), s.oid('manager2')]);
    expect(seen[0]).toEqual({ method: 'GET', url: `${GRAPH}/users/${s.oid('caseworker')}/manager?$select=id`, body: undefined, auth: 'Bearer graph-test-token' });

    // No manager in the directory: the configured fallback group.
    const b = await api(s, 'POST', '/api/assessments', 'caseworker2', meetingInput({ needs: ['barn-deltar'] }));
    const subB = await api(s, 'POST', `/api/assessments/${b.body.id}/submit`, 'caseworker2', {});
    expect(subB.body.approvers).toEqual([s.oid('manager2')]);
    expect(graphCalls()).toEqual([`GET /users/${s.oid('caseworker')}/manager?$select=id`, `GET /users/${s.oid('caseworker2')}/manager?$select=id`]);
  });

  it('installs the app for the approver, finds the chat and sends the card; after the decision writes the open extension and tells the caseworker', async () => {
    managerOf[s.oid('caseworker')] = s.oid('manager');
    const input = meetingInput({ needs: ['barn-deltar'], meeting: { eventId: 'AAMkAGI1-event=' } });
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', input);
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    seen.length = 0;

    expect(await s.integration.worker!.drain()).toMatchObject({ claimed: 1, done: 1 });
    const manager = s.oid('manager');
    expect(graphCalls()).toEqual([
      `GET /appCatalogs/teamsApps?$filter=externalId eq '${TEAMS_APP_ID}'`,
      `POST /users/${manager}/teamwork/installedApps`,
      `GET /users/${manager}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${CATALOG_ID}'`,
      `GET /users/${manager}/teamwork/installedApps/inst-${manager}/chat`,
      `GET /users/${s.oid('caseworker')}?$select=displayName`,
      `GET /users/${manager}?$select=displayName`,
    ]);
    expect(seen.find((r) => r.method === 'POST' && r.url.endsWith('/installedApps'))!.body).toEqual({ 'teamsApp@odata.bind': `${GRAPH}/appCatalogs/teamsApps/${CATALOG_ID}` });
    const sent = seen.find((r) => r.url.startsWith(`${SERVICE_URL}/v3/conversations/19:chat-${manager}@unq.gbl.spaces/activities`));
    const card = (sent!.body as { attachments: { contentType: string; content: Json }[] }).attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.refresh.userIds).toEqual([`29:mri-${manager}`]);
    expect(executeVerbs(card.content)).toEqual([]);

    // The approver's click comes back through the bot; the decision's outbox rows write the extension and notify.
    const clicked = await postActivity(s, invokeActivity(s, 'manager', 'approve', { assessmentId: a.body.id, revision: 1 }));
    expect(clicked.body.statusCode).toBe(200);
    seen.length = 0;
    expect(await s.integration.worker!.drain()).toMatchObject({ done: 2 });
    const ext = seen.find((r) => r.url.includes('/extensions'))!;
    expect(ext.method).toBe('POST');
    expect(ext.url).toBe(`${GRAPH}/users/${s.oid('caseworker')}/events/AAMkAGI1-event=/extensions`);
    const decidedAt = (await s.store.db.selectFrom('decisions').select('decided_at').executeTakeFirstOrThrow()).decided_at.toISOString();
    expect(ext.body).toEqual({ '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: EXTENSION_NAME, assessmentId: a.body.id, revision: 1, status: 'approved', decidedAt });
    expect(graphCalls()).toEqual(expect.arrayContaining([
      `POST /users/${s.oid('caseworker')}/teamwork/installedApps`,
      `GET /users/${s.oid('caseworker')}/teamwork/installedApps/inst-${s.oid('caseworker')}/chat`,
    ]));

    // A new revision, approved again: the same fixed-name extension is updated, not created twice.
    const rev = await api(s, 'PUT', `/api/assessments/${a.body.id}`, 'caseworker', { ...input, needs: ['barn-deltar', 'tolk'], revision: 1 });
    expect(rev.body.revision).toBe(2);
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    await postActivity(s, invokeActivity(s, 'manager', 'reject', { assessmentId: a.body.id, revision: 2, comment: 'Tolk på plats' }));
    seen.length = 0;
    await s.integration.worker!.drain();
    const patch = seen.filter((r) => r.url.includes('/extensions'));
    expect(patch.map((r) => `${r.method} ${r.url.slice(GRAPH.length)}`)).toEqual([`PATCH /users/${s.oid('caseworker')}/events/AAMkAGI1-event=/extensions/${EXTENSION_NAME}`]);
    expect(patch[0]!.body).toMatchObject({ '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: EXTENSION_NAME, assessmentId: a.body.id, revision: 2, status: 'rejected' });
    expect(Object.keys(patch[0]!.body as object).sort()).toEqual(['@odata.type', 'assessmentId', 'decidedAt', 'extensionName', 'revision', 'status']);
  });

  it('tells the caseworker when a check goes to needs-recheck, and sends the reminder and the warning before the meeting', async () => {
    managerOf[s.oid('caseworker')] = s.oid('manager');
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], start: '2026-03-02T14:00:00+01:00' }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    await s.integration.worker!.drain();
    seen.length = 0;

    // Two hours before the meeting nobody has decided: a reminder to the manager, a warning to the caseworker.
    s.clock.set('2026-03-02T11:30:00Z');
    expect(await queueReminders(s.store.db, s.clock, s.config.integration.reminderMinutesBefore)).toBe(2);
    expect(await s.integration.worker!.drain()).toMatchObject({ done: 2 });
    const cards = () => seen.filter((r) => r.method === 'POST' && r.url.endsWith('/activities'))
      .map((r) => ({ to: r.url.split('/v3/conversations/')[1]!.split('/')[0]!, card: JSON.stringify((r.body as Json).attachments[0].content) }));
    expect(cards()).toEqual(expect.arrayContaining([
      { to: `19:chat-${s.oid('manager')}@unq.gbl.spaces`, card: expect.stringContaining(STRINGS.sv.title.reminder) },
      { to: `19:chat-${s.oid('caseworker')}@unq.gbl.spaces`, card: expect.stringContaining(STRINGS.sv.title.warning) },
    ]));

    // A newly published policy changes the verdict: the check goes to needs-recheck and the caseworker hears of it.
    seen.length = 0;
    const draft = await api(s, 'GET', '/api/policy/draft', 'policyadmin');
    const next = structuredClone(draft.body.policy);
    next.services.find((x: { id: string }) => x.id === 'microsoft-teams').approvedUpTo.confidentiality = 0;
    const saved = await fetch(`${s.baseUrl}/api/policy/draft`, { method: 'PUT', headers: { authorization: `Bearer ${await s.entraToken('policyadmin')}`, 'content-type': 'application/json', 'if-match': draft.body.etag }, body: JSON.stringify({ policy: next }) }).then((r) => r.json());
    const pub = await api(s, 'POST', '/api/policy/publish', 'policyadmin', { etag: saved.etag, changeNote: 'Teams endast K0' });
    expect(pub.body.recheck.needsRecheck).toContain(a.body.id);
    await s.integration.worker!.drain();
    expect(cards()).toEqual([{ to: `19:chat-${s.oid('caseworker')}@unq.gbl.spaces`, card: expect.stringContaining(STRINGS.sv.title.recheck) }]);
  });

  it('retries a 404 (event not yet in the calendar) for the configured window, then flags the assessment', async () => {
    managerOf[s.oid('caseworker')] = s.oid('manager');
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], meeting: { eventId: 'evt-not-yet' } }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    await api(s, 'POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' });
    // Only the extension is under test here: the card and notice rows are set aside.
    await sql`delete from outbox where kind <> 'event-extension'`.execute(s.store.db);
    const window = s.config.integration.outbox.notFoundWindowMinutes;
    let attempts = 0;
    for (let minute = 0; minute <= window + 120; minute += 30) {
      attempts += (await s.integration.worker!.runOnce()).claimed;
      s.clock.set(new Date(s.clock.now().getTime() + 30 * 60_000).toISOString());
    }
    const row = (await sql<{ status: string }>`select status from outbox`.execute(s.store.db)).rows[0]!;
    expect(row.status).toBe('flagged');
    expect(attempts).toBeGreaterThan(3);
    const flags = (await sql<{ assessment_id: string; code: string }>`select * from assessment_flags`.execute(s.store.db)).rows;
    expect(flags).toEqual([expect.objectContaining({ assessment_id: a.body.id, code: 'event-extension:not-found' })]);
    const audit = await s.store.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.body.id).execute();
    expect(audit.map((e) => e.action)).toContain('assessment.flag');
  });
});

describe('the Graph client alone', () => {
  it('retries a 429 itself, waiting the Retry-After it was given', async () => {
    seen.length = 0;
    managerOf['cw-1'] = 'm-1';
    throttleManagerLookups = 1;
    const directory = new GraphDirectory(createGraphClient({ baseUrl: 'https://graph.microsoft.com', token: async () => 't', maxRetries: 1, retryDelaySeconds: 0 }), { baseUrl: 'https://graph.microsoft.com' });
    const started = Date.now();
    expect(await graphApproverResolver(directory, { standIns: [], fallbackGroup: [] }).resolve('cw-1', '2026-03-02')).toEqual({ approvers: ['m-1'] });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${GRAPH}/users/cw-1/manager?$select=id`, `GET ${GRAPH}/users/cw-1/manager?$select=id`]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});
