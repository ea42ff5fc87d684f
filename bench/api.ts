// Load test of the HTTP API: a mixed workload (70 % reads, 30 % writes, bearer auth on every request,
// 50 distinct users) against the embedded database and against PostgreSQL. Prints throughput,
// p50/p99 latency, idle memory, and the cost of the single audit chain head (serialised writes).
//   npm run -s bench:api   (or: node --import tsx bench/api.ts [pglite|postgres])
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { startPostgres } from '../test/server/helpers/postgres';

const ROOT = path.resolve(__dirname, '..');
const input = (i: number) => JSON.stringify({
  meeting: { eventId: `bench-${i}-${Math.random().toString(36).slice(2)}` }, start: '2026-12-10T09:00:00+01:00', mode: 'digital',
  meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', needs: i % 3 === 0 ? ['tolk'] : [],
});

async function startServer(env: Record<string, string>) {
  const proc = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', path.join(ROOT, 'bench/api-server.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => readline.createInterface({ input: proc.stdout! }).once('line', resolve));
  return { proc, ...(JSON.parse(line) as { port: number; tokens: string[]; auditor: string; rssMb: number }) };
}

/** One request of the mixed workload for user u (the same mix for both load generators). */
function mixed(opts: { tokens: string[]; ids: string[][]; writeShare: number }, n: number) {
  const u = n % opts.tokens.length;
  const headers = { authorization: `Bearer ${opts.tokens[u]}`, 'content-type': 'application/json' };
  const r = Math.random();
  if (r < opts.writeShare) return { method: 'POST', path: '/api/assessments', headers, body: input(n) };
  const own = opts.ids[u]!;
  if (r < opts.writeShare + (1 - opts.writeShare) / 3) return { method: 'GET', path: '/api/policy', headers };
  if (r < opts.writeShare + (2 * (1 - opts.writeShare)) / 3 && own.length > 0) return { method: 'GET', path: `/api/assessments/${own[n % own.length]}/status`, headers };
  return { method: 'GET', path: '/api/assessments?scope=mine&limit=20', headers };
}

/**
 * Open-loop load at a constant rate: request i is due at start + i/rate, whatever the earlier ones are
 * doing, and its latency counts from when it was due (no coordinated omission). autocannon's rate limit
 * sends each second's budget in a burst at the start of the second, which measures how fast a burst
 * drains, not the latency at a steady rate.
 */
async function paced(opts: { url: string; tokens: string[]; ids: string[][]; rate: number; duration: number; writeShare: number; connections: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const { hostname, port } = new URL(opts.url);
  const total = opts.rate * opts.duration;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const one = (i: number) => new Promise<void>((resolve) => {
    const due = start + (i * 1000) / opts.rate;
    const r = mixed(opts, i);
    const req = http.request({ hostname, port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - due);
        if ((res.statusCode ?? 500) >= 300) errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(r.body);
  });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / opts.rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
  return { rps: Math.round(total / ((performance.now() - start) / 1000)), p50: q(0.5), p99: q(0.99), errors, total };
}

async function run(opts: { url: string; tokens: string[]; ids: string[][]; connections: number; duration: number; rate?: number; writeShare: number }) {
  let n = 0;
  const result = await autocannon({
    url: opts.url, connections: opts.connections, duration: opts.duration, ...(opts.rate ? { overallRate: opts.rate } : {}),
    requests: [{
      setupRequest: (req) => ({ ...req, ...mixed(opts, n++) }),
    }],
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors, total: result.requests.total };
}

async function bench(engine: 'pglite' | 'postgres', env: Record<string, string>) {
  const server = await startServer(env);
  const url = `http://127.0.0.1:${server.port}`;
  // Each user owns a few checks to read back.
  const ids: string[][] = [];
  for (const [u, token] of server.tokens.entries()) {
    ids[u] = [];
    for (let k = 0; k < 2; k++) {
      const res = await fetch(`${url}/api/assessments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: input(u * 10 + k) });
      ids[u]!.push(((await res.json()) as { id: string }).id);
    }
  }
  const base = { url, tokens: server.tokens, ids };
  await run({ ...base, connections: 10, duration: 3, writeShare: 0.3 }); // warm-up
  const at300 = await paced({ ...base, connections: 50, duration: 15, rate: 300, writeShare: 0.3 });
  const burst300 = await run({ ...base, connections: 50, duration: 10, rate: 300, writeShare: 0.3 });
  const max = await run({ ...base, connections: 50, duration: 10, writeShare: 0.3 });
  // The chain head: writes from 1 connection vs 20 — if they do not scale, the lock is the ceiling.
  const writes1 = await run({ ...base, connections: 1, duration: 5, writeShare: 1 });
  const writes20 = await run({ ...base, connections: 20, duration: 5, writeShare: 1 });
  const reads20 = await run({ ...base, connections: 20, duration: 5, writeShare: 0 });
  const verifyStart = Date.now();
  const verify = (await (await fetch(`${url}/api/audit/verify`, { headers: { authorization: `Bearer ${server.auditor}` } })).json()) as { ok: boolean; events: number };
  const verifyMs = Date.now() - verifyStart;
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));
  console.log(`\n== ${engine} ==`);
  console.log(`idle RSS after start: ${server.rssMb} MB`);
  console.log(`mixed 70/30 at 300 req/s, 50 users: ${at300.rps} req/s, p50 ${at300.p50} ms, p99 ${at300.p99} ms, errors ${at300.errors}/${at300.total} (steady arrivals, open loop)`);
  console.log(`same, in 1-second bursts:           ${burst300.rps} req/s, p50 ${burst300.p50} ms, p99 ${burst300.p99} ms (autocannon's rate limit: 300 at each second's start)`);
  console.log(`mixed 70/30 max, 50 connections:    ${max.rps} req/s, p50 ${max.p50} ms, p99 ${max.p99} ms, errors ${max.errors}/${max.total}`);
  console.log(`writes only, 1 connection:          ${writes1.rps} req/s, p50 ${writes1.p50} ms, p99 ${writes1.p99} ms`);
  console.log(`writes only, 20 connections:        ${writes20.rps} req/s, p50 ${writes20.p50} ms, p99 ${writes20.p99} ms (chain head serialises: compare with 1 connection)`);
  console.log(`reads only, 20 connections:         ${reads20.rps} req/s, p50 ${reads20.p50} ms, p99 ${reads20.p99} ms`);
  console.log(`audit verify of ${verify.events} events: ${verifyMs} ms (ok=${verify.ok})`);
}

async function main() {
  const which = process.argv[2];
  if (!which || which === 'pglite') await bench('pglite', {});
  if (!which || which === 'postgres') {
    const pg = await startPostgres();
    try {
      await bench('postgres', { BENCH_DATABASE_URL: pg.url() });
    } finally {
      pg.stop();
    }
  }
}
void main();
