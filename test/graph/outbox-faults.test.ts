// Graph throttles and fails, and the server is restarted midway: every decision still reaches Graph
// exactly once. On PostgreSQL; the restart is a new server and store on the same database, with the
// old worker's claimed rows left leased as a crash would leave them.
import { sql } from 'kysely';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { openPostgresStore } from '../../src/server/store/store';
import { engineContext, meetingInput, TestClock, type EngineContext } from '../server/helpers/harness';
import { api, botServer, GRAPH, type BotServer } from '../bot/helpers/botServer';

const EVENTS = ['evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5', 'evt-6'];
/** Each event's answers before the 201: throttled with Retry-After, unavailable, gateway timeout. */
const SCRIPT: Record<string, { status: number; retryAfter?: string }[]> = {
  'evt-1': [{ status: 429, retryAfter: '30' }, { status: 503 }, { status: 503 }],
  'evt-2': [{ status: 503 }, { status: 429, retryAfter: '5' }, { status: 503 }],
  'evt-3': [{ status: 504 }, { status: 503 }, { status: 503 }, { status: 429, retryAfter: '1' }],
  'evt-4': [{ status: 429, retryAfter: '2' }],
  'evt-5': [{ status: 503 }, { status: 503 }, { status: 503 }],
  'evt-6': [],
};
const attempts = new Map<string, number>();
const created = new Map<string, number>();
const unhandled: string[] = [];

const graph = setupServer(
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  http.post(`${GRAPH}/users/:id/events/:event/extensions`, ({ params }) => {
    const event = String(params.event);
    const n = attempts.get(event) ?? 0;
    attempts.set(event, n + 1);
    const step = SCRIPT[event]?.[n];
    // As Graph answers: a JSON error body, and Retry-After on throttling.
    const code = step?.status === 429 ? 'TooManyRequests' : step?.status === 503 ? 'ServiceNotAvailable' : 'GatewayTimeout';
    if (step) return HttpResponse.json({ error: { code, message: 'try later' } }, { status: step.status, ...(step.retryAfter ? { headers: { 'Retry-After': step.retryAfter } } : {}) });
    created.set(event, (created.get(event) ?? 0) + 1);
    return HttpResponse.json({ id: 'se.motescheck.check' }, { status: 201 });
  }),
);

describe('outbox under faults and a restart (PostgreSQL)', () => {
  let ctx: EngineContext;
  const servers: BotServer[] = [];

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: (req, print) => { unhandled.push(`${req.method} ${req.url}`); print.error(); } });
    ctx = await engineContext('postgres');
  });
  afterAll(async () => {
    graph.close();
    for (const s of servers) await s.close().catch(() => undefined);
    await ctx.close();
  });

  it('every decision reaches Graph exactly once, none lost, none duplicated', async () => {
    const clock = new TestClock();
    const store = await ctx.newStore();
    const dbName = String((await sql<{ n: string }>`select current_database() as n`.execute(store.db)).rows[0]!.n);
    // Only the extension is under test: no Teams app id, so cards and notices stay queued for another worker.
    const options = { clock, graph: true, graphRetries: 0, integration: { teamsAppId: undefined } };
    const first = await botServer(store, options);
    servers.push(first);

    for (const eventId of EVENTS) {
      const a = await api(first, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], meeting: { eventId } }));
      await api(first, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
      expect((await api(first, 'POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' })).status).toBe(200);
    }
    // The test's own view of the database, which outlives both servers.
    const observer = await openPostgresStore(ctx.pg!.url(dbName), { max: 1 });
    const rows = () => sql<{ kind: string; status: string; attempts: number; next_attempt_at: Date; event: string }>`
      select o.kind, o.status, o.attempts, o.next_attempt_at, a.event_id as event from outbox o join assessments a on a.id = o.assessment_id
      where o.kind = 'event-extension' order by a.event_id`.execute(observer.db).then((r) => r.rows);

    // First pass: every write fails once; Retry-After wins over the 2 s backoff when it is longer.
    const t0 = clock.now().getTime();
    expect((await first.integration.worker!.runOnce()).retried).toBe(5);
    const after1 = await rows();
    const wait = (event: string) => (after1.find((r) => r.event === event)!.next_attempt_at.getTime() - t0) / 1000;
    expect(wait('evt-1')).toBe(30);
    expect(wait('evt-4')).toBe(2);
    expect(wait('evt-5')).toBe(2);
    expect(after1.find((r) => r.event === 'evt-6')!.status).toBe('done');

    // A few more passes, then the process dies holding a claim (rows leased, never finished).
    for (let i = 0; i < 2; i++) {
      clock.set(new Date(clock.now().getTime() + 4_000).toISOString());
      await first.integration.worker!.runOnce();
    }
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    const orphaned = await first.integration.worker!.claim();
    expect(orphaned.length).toBeGreaterThan(0);
    await first.app.close();
    await first.store.close();
    servers.pop();

    // Restart: a new server on the same database. The dead worker's lease still holds its rows.
    const second = await botServer(await openPostgresStore(ctx.pg!.url(dbName)), options);
    servers.push(second);
    const blocked = await second.integration.worker!.runOnce();
    expect(blocked.claimed).toBe(0);
    clock.set(new Date(clock.now().getTime() + second.config.integration.outbox.leaseSeconds * 1000).toISOString());
    for (let i = 0; i < 40 && (await rows()).some((r) => r.status !== 'done'); i++) {
      await second.integration.worker!.runOnce();
      clock.set(new Date(clock.now().getTime() + 35_000).toISOString());
    }

    const final = await rows();
    expect(final.map((r) => r.status)).toEqual(EVENTS.map(() => 'done'));
    expect(Object.fromEntries(created)).toEqual(Object.fromEntries(EVENTS.map((e) => [e, 1])));
    for (const e of EVENTS) expect(attempts.get(e)).toBe(SCRIPT[e]!.length + 1);
    expect(unhandled).toEqual([]);
    await observer.close();
  });
});
