// Two server processes (src/server/main.ts, as deployed) on one PostgreSQL share the outbox: each
// decision's Graph write happens once whichever process took it, and a decision taken through either
// process is seen by both. Graph is a small local HTTP server counting writes (GRAPH_BASE_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { openPostgresStore } from '../../src/server/store/store';
import { engineContext, meetingInput, type EngineContext } from '../server/helpers/harness';
import type { Json } from '../bot/helpers/botServer';

const ROOT = path.resolve(__dirname, '../..');
const N = 12;

interface Proc { child: ChildProcess; base: string; output: string[] }

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function startServer(databaseUrl: string, graphUrl: string): Promise<Proc> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'node_modules/.bin/tsx'), path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', MOTESCHECK_DEV: 'true', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1',
      GRAPH_BASE_URL: graphUrl, GRAPH_RETRY_DELAY_SECONDS: '0', OUTBOX_POLL_SECONDS: '1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a child process, and both must go at the end.
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join('')}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return { child, base, output };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${output.join('')}`);
}

async function json(base: string, method: string, url: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('scale-out: two server processes on one PostgreSQL', () => {
  let ctx: EngineContext;
  let graph: http.Server;
  const procs: Proc[] = [];
  const writes = new Map<string, number>();
  const others: string[] = [];

  beforeAll(async () => {
    ctx = await engineContext('postgres');
    graph = http.createServer((req, res) => {
      const m = /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/extensions$/.exec(req.url ?? '');
      // (The Graph client sends its token only over https: this http stand-in gets none.)
      if (req.method === 'POST' && m) {
        const event = decodeURIComponent(m[2]!);
        writes.set(event, (writes.get(event) ?? 0) + 1);
        // A little latency, so both workers are busy at once.
        setTimeout(() => { res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"se.motescheck.check"}'); }, 50);
        return;
      }
      const user = /^\/v1\.0\/users\/([^/?]+)\?\$select=displayName$/.exec(decodeURIComponent(req.url ?? ''));
      if (req.method === 'GET' && user) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ displayName: `Namn ${user[1]!.slice(-3)}` }));
        return;
      }
      others.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
    });
    await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  }, 60_000);

  afterAll(async () => {
    for (const p of procs) {
      try {
        process.kill(-p.child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await new Promise<void>((r) => graph.close(() => r()));
    await ctx.close();
  });

  it('each Graph write happens once, and a decision through either process is seen by both', async () => {
    const store = await ctx.newStore();
    const dbName = String((await sql<{ n: string }>`select current_database() as n`.execute(store.db)).rows[0]!.n);
    await store.close();
    const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
    const [a, b] = await Promise.all([startServer(ctx.pg!.url(dbName), graphUrl), startServer(ctx.pg!.url(dbName), graphUrl)]);
    procs.push(a!, b!);
    const token = async (p: Proc, userId: string) => (await json(p.base, 'POST', '/api/dev/token', undefined, { userId })).body.token as string;
    const tokens = { a: { cw: await token(a!, 'caseworker'), mgr: await token(a!, 'manager') }, b: { cw: await token(b!, 'caseworker'), mgr: await token(b!, 'manager') } };
    const serviceUrl = 'https://smba.trafficmanager.net/teams';
    const botToken = (await json(a!.base, 'POST', '/api/dev/bot-token', undefined, { serviceUrl })).body;
    const managerOid = 'd0000000-0000-4000-8000-000000000201';

    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const [p, t] = i % 2 === 0 ? [a!, tokens.a] : [b!, tokens.b];
      const created = await json(p.base, 'POST', '/api/assessments', t.cw, meetingInput({ needs: ['barn-deltar'], meeting: { eventId: `evt-scale-${i}` } }));
      expect(created.status).toBe(201);
      expect((await json(p.base, 'POST', `/api/assessments/${created.body.id}/submit`, t.cw, {})).body.status).toBe('awaiting-approval');
      ids.push(created.body.id);
    }
    // Half decided through process A's bot endpoint (the card's button), half through process B's API.
    await Promise.all(ids.map(async (id, i) => {
      if (i % 2 === 0) {
        const res = await fetch(`${a!.base}/api/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${botToken.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'invoke', name: 'adaptiveCard/action', id: `x${i}`, channelId: 'msteams', serviceUrl, locale: 'sv-SE',
            from: { id: '29:mri-manager', aadObjectId: managerOid }, recipient: { id: `28:${botToken.appId}` },
            conversation: { id: 'a:chat-manager', tenantId: 'd0000000-0000-4000-8000-00000000d001' },
            value: { action: { type: 'Action.Execute', verb: 'approve', data: { assessmentId: id, revision: 1 } } },
          }),
        });
        expect(res.status).toBe(200);
      } else {
        expect((await json(b!.base, 'POST', `/api/assessments/${id}/decision`, tokens.b.mgr, { revision: 1, outcome: 'approved' })).status).toBe(200);
      }
    }));
    // Seen by both.
    for (const id of ids) {
      expect((await json(a!.base, 'GET', `/api/assessments/${id}`, tokens.a.cw)).body.status).toBe('approved');
      expect((await json(b!.base, 'GET', `/api/assessments/${id}`, tokens.b.cw)).body.status).toBe('approved');
    }

    const deadline = Date.now() + 30_000;
    while ([...writes.values()].reduce((x, y) => x + y, 0) < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Both workers keep polling for a while longer: nothing is written twice.
    await new Promise((r) => setTimeout(r, 2500));
    expect(Object.fromEntries(writes)).toEqual(Object.fromEntries(ids.map((_, i) => [`evt-scale-${i}`, 1])));
    expect(others).toEqual([]);
    const observer = await openPostgresStore(ctx.pg!.url(dbName), { max: 1 });
    const rows = (await sql<{ status: string; n: string }>`select status, count(*) as n from outbox where kind = 'event-extension' group by status`.execute(observer.db)).rows;
    await observer.close();
    expect(rows).toEqual([{ status: 'done', n: String(N) }]);
  }, 90_000);
});
