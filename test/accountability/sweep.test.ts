// The second line of control against Graph at the HTTP level (msw): a seeded calendar of 10,000
// events over ten caseworkers, calendarView delta paging, open extensions read in $batch with a
// throttled (429) batch item retried; the sweep finds exactly the seeded unchecked client meetings,
// and a second sweep follows the delta link and sees only what changed.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { sql } from 'kysely';
import { createGraphClient } from '../../src/server/graph/client';
import { EXTENSION_NAME } from '../../src/server/graph/directory';
import { uncheckedMeetings } from '../../src/server/sweep/findings';
import { CalendarSweep } from '../../src/server/sweep/sweep';
import { accountabilityDb } from '../../src/server/reports/schema';
import { engineContext, meetingInput, testServer, type EngineContext, type TestServer } from '../server/helpers/harness';
import { caller } from './helpers';

const G = 'https://graph.microsoft.com/v1.0';
const USERS = Array.from({ length: 10 }, (_, u) => `caseworker-${u}`);
const PER_USER = 1000;
const NOW = '2026-03-02T08:00:00.000Z';
const DAY = 86_400_000;
const uuidFor = (u: number, k: number) => `${(u * PER_USER + k).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** Event k of user u. k % 10: 0–2 not online, 3–6 online but internal only, 7 checked (extension), 8 linked by event id, 9 no check. */
function event(u: number, k: number) {
  const kind = k % 10;
  const start = new Date(Date.parse('2026-03-02T00:00:00Z') + (k % 27) * DAY + 9 * 3600_000).toISOString().replace('.000Z', '.0000000');
  return {
    id: `u${u}-e${k}`, isOrganizer: true, isCancelled: false,
    isOnlineMeeting: kind >= 3, onlineMeeting: kind >= 3 ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/${u}-${k}` } : null,
    start: { dateTime: start, timeZone: 'UTC' }, end: { dateTime: start, timeZone: 'UTC' },
    attendees: [{ emailAddress: { address: 'kollega@kommun.example.se' } }, ...(kind < 3 || kind >= 7 ? [{ emailAddress: { address: 'motpart@example.org' } }] : [])],
  };
}

class FakeGraph {
  events = new Map<string, ReturnType<typeof event>[]>(USERS.map((user, u) => [user, Array.from({ length: PER_USER }, (_, k) => event(u, k))]));
  extensions = new Map<string, string>();
  changes = new Map<string, object[]>();
  requests = { delta: 0, batch: 0, batchItems: 0, throttled: 0 };
  throttleOnce = true;

  handlers() {
    return [
      http.get(`${G}/users/:user/calendarView/delta`, ({ params, request }) => {
        this.requests.delta++;
        const user = String(params.user);
        const url = new URL(request.url);
        const size = Number(/maxpagesize=(\d+)/.exec(request.headers.get('prefer') ?? '')?.[1] ?? 100);
        const deltaToken = url.searchParams.get('$deltatoken');
        if (deltaToken) {
          const value = this.changes.get(user) ?? [];
          this.changes.set(user, []);
          return HttpResponse.json({ value, '@odata.deltaLink': `${G}/users/${user}/calendarView/delta?$deltatoken=${Number(deltaToken) + 1}` });
        }
        if (!url.searchParams.get('$skiptoken') && (!url.searchParams.get('startDateTime') || !url.searchParams.get('endDateTime'))) return HttpResponse.json({ error: { code: 'ErrorInvalidParameter' } }, { status: 400 });
        const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
        const all = this.events.get(user)!;
        const value = all.slice(skip, skip + size);
        return HttpResponse.json(skip + size < all.length
          ? { value, '@odata.nextLink': `${G}/users/${user}/calendarView/delta?$skiptoken=${skip + size}` }
          : { value, '@odata.deltaLink': `${G}/users/${user}/calendarView/delta?$deltatoken=1` });
      }),
      http.post(`${G}/$batch`, async ({ request }) => {
        this.requests.batch++;
        const body = (await request.json()) as { requests: { id: string; method: string; url: string }[] };
        if (body.requests.length > 20) return HttpResponse.json({ error: { code: 'BadRequest' } }, { status: 400 });
        const responses = body.requests.map((r) => {
          this.requests.batchItems++;
          const m = /^\/users\/([^/]+)\/events\/([^/]+)\/extensions\/(.+)$/.exec(r.url);
          if (!m || r.method !== 'GET' || m[3] !== EXTENSION_NAME) return { id: r.id, status: 400, body: { error: { code: 'BadRequest' } } };
          if (this.throttleOnce) {
            this.throttleOnce = false;
            this.requests.throttled++;
            return { id: r.id, status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } };
          }
          const assessmentId = this.extensions.get(decodeURIComponent(m[2]!));
          return assessmentId
            ? { id: r.id, status: 200, body: { '@odata.type': '#microsoft.graph.openTypeExtension', extensionName: EXTENSION_NAME, id: EXTENSION_NAME, assessmentId, revision: 1, status: 'approved' } }
            : { id: r.id, status: 404, body: { error: { code: 'ErrorItemNotFound' } } };
        });
        return HttpResponse.json({ responses });
      }),
    ];
  }
}

describe('second line of control (Graph through msw, PostgreSQL)', () => {
  let ctx: EngineContext;
  let s: TestServer;
  const graph = new FakeGraph();
  const server = setupServer(...graph.handlers());

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    ctx = await engineContext('postgres');
    s = await testServer(await ctx.newStore());
    s.clock.set(NOW);
    // One real check made through the API is the template for the seeded ones.
    const call = caller(s);
    const template = await call('POST', '/api/assessments', 'caseworker', meetingInput());
    // Every k % 10 = 7 event has an approved check named by its extension; k % 10 = 8 events have a
    // check found by event id: ready, awaiting approval or withdrawn by k % 30.
    await sql`
      INSERT INTO assessments (id, organizer, revision, status, input, verdict, policy_version, policy_number, approvers, event_id, first_date, last_date, created_at, updated_at)
      SELECT (lpad(to_hex(u * ${PER_USER} + k), 8, '0') || '-0000-4000-8000-000000000000')::uuid, 'caseworker-' || u, 1,
             CASE WHEN k % 10 = 7 THEN 'approved' WHEN k % 30 = 8 THEN 'ready' WHEN k % 30 = 18 THEN 'awaiting-approval' ELSE 'withdrawn' END,
             t.input, t.verdict, t.policy_version, t.policy_number, '{}', CASE WHEN k % 10 = 8 THEN 'u' || u || '-e' || k END,
             t.first_date, t.last_date, t.created_at, t.updated_at
        FROM assessments t, generate_series(0, 9) u, generate_series(0, ${PER_USER - 1}) k
       WHERE t.id = ${template.body.id} AND k % 10 IN (7, 8)`.execute(s.store.db);
    USERS.forEach((_, u) => { for (let k = 7; k < PER_USER; k += 10) graph.extensions.set(`u${u}-e${k}`, uuidFor(u, k)); });
  }, 60_000);
  afterAll(async () => {
    server.close();
    await s.close();
    await ctx.close();
  });

  const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com', token: async () => 'app-token', maxRetries: 3, retryDelaySeconds: 0 });
  const sleeps: number[] = [];
  const sweeper = () => new CalendarSweep(client, s.store.db, s.clock, { windowDays: 28, internalDomains: ['kommun.example.se'], pageSize: 200, sleep: async (ms) => { sleeps.push(ms); } });

  it('finds exactly the seeded client meetings without a completed check in 10,000 events', async () => {
    const t = performance.now();
    const stats = await sweeper().sweep(USERS);
    const ms = performance.now() - t;
    const expected = new Map<string, string>();
    USERS.forEach((user, u) => {
      for (let k = 0; k < PER_USER; k++) {
        if (k % 10 === 9) expected.set(`u${u}-e${k}`, 'no-check');
        if (k % 10 === 8 && k % 30 === 18) expected.set(`u${u}-e${k}`, 'check-incomplete');
        if (k % 10 === 8 && k % 30 === 28) expected.set(`u${u}-e${k}`, 'check-withdrawn');
      }
    });
    const found = await uncheckedMeetings(accountabilityDb(s.store.db), new Date(NOW));
    expect(new Map(found.map((f) => [f.eventId, f.problem]))).toEqual(expected);
    expect(found.find((f) => f.eventId === 'u0-e18')).toMatchObject({ userId: 'caseworker-0', assessmentId: uuidFor(0, 18), start: '2026-03-20T09:00:00.000Z' });
    expect(stats).toMatchObject({ users: 10, pages: 50, eventsSeen: 10_000, clientMeetings: 3_000, findings: expected.size, fullSyncs: 10 });
    expect(stats.batches).toBe(graph.requests.batch);
    expect(graph.requests.throttled).toBe(1);
    expect(sleeps).toEqual([1000]);
    console.log(`sweep of 10,000 events: ${Math.round(ms)} ms, ${graph.requests.delta} delta pages, ${graph.requests.batch} $batch requests (${graph.requests.batchItems} items), ${expected.size} findings`);
  });

  it('follows the delta link next time: only changes are read, and completed checks clear their findings', async () => {
    const before = { ...graph.requests };
    graph.changes.set('caseworker-0', [
      { ...event(0, 9), id: 'u0-new', start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' } },   // a new unchecked client meeting
      { id: 'u0-e9', '@removed': { reason: 'deleted' } },                                                      // an unchecked one deleted
    ]);
    await sql`UPDATE assessments SET status = 'approved' WHERE id = ${uuidFor(1, 18)}`.execute(s.store.db); // checked since
    const stats = await sweeper().sweep(USERS);
    expect(stats).toMatchObject({ pages: 10, eventsSeen: 2, clientMeetings: 1, fullSyncs: 0 });
    expect(graph.requests.delta - before.delta).toBe(10);
    expect(graph.requests.batch - before.batch).toBe(1);
    const found = new Set((await uncheckedMeetings(accountabilityDb(s.store.db), new Date(NOW))).map((f) => f.eventId));
    expect(found.has('u0-new')).toBe(true);
    expect(found.has('u0-e9')).toBe(false);
    expect(found.has('u1-e18')).toBe(false);
    expect(found.has('u2-e18')).toBe(true);
  });

  it('reports the findings to the auditor as a report with CSV export', async () => {
    const call = caller(s);
    const res = await call('GET', '/api/reports/unchecked-meetings?format=csv', 'auditor');
    expect(res.status).toBe(200);
    expect(res.text.split('\r\n')[0]).toBe('\uFEFFuser_id,event_id,start,problem,assessment_id,found_at');
    expect((await call('GET', '/api/reports/unchecked-meetings', 'caseworker')).status).toBe(403);
  });
});

describe('a sweep when Graph refuses or forgets', () => {
  let ctx: EngineContext;
  let s: TestServer;
  const deltaCalls: string[] = [];
  let expireToken = false;
  const meeting = { ...event(0, 9), id: 'ok-1', start: { dateTime: '2026-03-05T09:00:00.0000000', timeZone: 'UTC' } };
  const server = setupServer(
    http.get(`${G}/users/:user/calendarView/delta`, ({ params, request }) => {
      const user = String(params.user);
      const token = new URL(request.url).searchParams.get('$deltatoken');
      deltaCalls.push(`${user}${token ? ' (delta)' : ''}`);
      // A mailbox outside the application RBAC scope: Graph answers 403 for it.
      if (user === 'outside-scope') return HttpResponse.json({ error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } }, { status: 403 });
      if (token && expireToken) return HttpResponse.json({ error: { code: 'syncStateNotFound', message: 'The sync state is not found or expired.' } }, { status: 410 });
      return HttpResponse.json({ value: token ? [] : [meeting], '@odata.deltaLink': `${G}/users/${user}/calendarView/delta?$deltatoken=1` });
    }),
    http.post(`${G}/$batch`, async ({ request }) => {
      const body = (await request.json()) as { requests: { id: string }[] };
      return HttpResponse.json({ responses: body.requests.map((r) => ({ id: r.id, status: 404, body: { error: { code: 'ErrorItemNotFound' } } })) });
    }),
  );
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    ctx = await engineContext('pglite');
    s = await testServer(await ctx.newStore());
    s.clock.set(NOW);
  });
  afterAll(async () => {
    server.close();
    await s.close();
    await ctx.close();
  });
  const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com', token: async () => 'app-token', maxRetries: 0, retryDelaySeconds: 0 });
  const sweeper = () => new CalendarSweep(client, s.store.db, s.clock, { windowDays: 28, internalDomains: ['kommun.example.se'] });

  it('one calendar it may not read is reported, and the others are still swept', async () => {
    const stats = await sweeper().sweep(['outside-scope', 'caseworker-a']);
    expect(stats.failedUsers).toEqual([expect.objectContaining({ userId: 'outside-scope', status: 403 })]);
    expect(stats).toMatchObject({ users: 2, clientMeetings: 1, findings: 1 });
  });

  it('an expired delta token (410 Gone) starts a full sync of the window again, keeping the findings right', async () => {
    expireToken = true;
    deltaCalls.length = 0;
    const stats = await sweeper().sweep(['caseworker-a']);
    expect(deltaCalls).toEqual(['caseworker-a (delta)', 'caseworker-a']);
    expect(stats).toMatchObject({ fullSyncs: 1, findings: 1, failedUsers: [] });
    expect((await uncheckedMeetings(accountabilityDb(s.store.db), new Date(NOW))).map((f) => f.eventId)).toEqual(['ok-1']);
  });
});
