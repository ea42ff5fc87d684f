// Crash safety and start-up checks with the real server process: SIGKILL during a burst of writes,
// restart, and every acknowledged write must be there, whole, with an intact audit chain. On PGlite
// also: the folder lock, detection of a damaged folder, and recovery from a snapshot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAuditVerify } from '../../src/cli/audit';
import { startPostgres, type PostgresServer } from './helpers/postgres';
import { spawnServer, type SpawnedServer } from './helpers/spawn';
import { meetingInput } from './helpers/harness';

jest.setTimeout(180_000);

/** Writes assessments from 8 parallel loops until the server dies; returns the ids it acknowledged. */
async function burstUntilKilled(server: SpawnedServer, killAfterMs: number): Promise<{ acked: string[]; failed: number }> {
  const token = await server.token('caseworker');
  const acked: string[] = [];
  let failed = 0;
  let alive = true;
  const killer = setTimeout(() => {
    server.proc.kill('SIGKILL');
    alive = false;
  }, killAfterMs);
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (alive) {
      try {
        const res = await fetch(`${server.base}/api/assessments`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(meetingInput({ needs: ['tolk'] })),
        });
        if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
        else failed++;
      } catch {
        failed++;
      }
    }
  }));
  clearTimeout(killer);
  await server.exited;
  return { acked, failed };
}

async function checkAfterRestart(server: SpawnedServer, acked: string[]) {
  const token = await server.token('caseworker');
  const missing: string[] = [];
  for (const id of acked) {
    const res = await fetch(`${server.base}/api/assessments/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) missing.push(`${id}: ${res.status}`);
  }
  const auditor = await server.token('auditor');
  const verify = await (await fetch(`${server.base}/api/audit/verify`, { headers: { authorization: `Bearer ${auditor}` } })).json() as { ok: boolean; events: number };
  const all = await (await fetch(`${server.base}/api/assessments?scope=all&limit=999`, { headers: { authorization: `Bearer ${auditor}` } })).json() as { assessments: { id: string; revision: number; verdict: unknown }[] };
  return { missing, verify, stored: all.assessments };
}

describe('crash safety on PostgreSQL', () => {
  let pg: PostgresServer;
  beforeAll(async () => { pg = await startPostgres(); });
  afterAll(() => pg.stop());

  it('keeps every acknowledged write after SIGKILL during a write burst, and the audit chain verifies', async () => {
    const env = { DATABASE_URL: pg.url('postgres') };
    const first = await spawnServer(env);
    await first.waitHealthy();
    const { acked } = await burstUntilKilled(first, 1500);
    expect(acked.length).toBeGreaterThan(10);

    const second = await spawnServer(env);
    await second.waitHealthy();
    const { missing, verify, stored } = await checkAfterRestart(second, acked);
    await second.stop();
    expect(missing).toEqual([]);
    expect(verify.ok).toBe(true);
    // Nothing half-written: every stored assessment is whole (a transaction commits all of it or none).
    expect(stored.every((a) => a.revision === 1 && a.verdict)).toBe(true);
    expect(stored.length).toBeGreaterThanOrEqual(acked.length);
    const lines: string[] = [];
    expect(await runAuditVerify(['verify', '--database-url', pg.url('postgres')], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/^ok: \d+ events/);
  });
});

describe('crash safety and start-up checks on PGlite', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-crash-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second server on the same folder while the first runs', async () => {
    const dataDir = path.join(dir, 'locked');
    const first = await spawnServer({ DATA_DIR: dataDir });
    await first.waitHealthy();
    const second = await spawnServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/is in use by process \d+.*one server process per folder/s);
    await first.stop();
  });

  it('after SIGKILL during a write burst: restarts on the folder (stale lock taken over) with every acknowledged write, chain ok', async () => {
    const dataDir = path.join(dir, 'crash');
    const first = await spawnServer({ DATA_DIR: dataDir });
    await first.waitHealthy();
    const { acked } = await burstUntilKilled(first, 1500);
    expect(acked.length).toBeGreaterThan(10);
    expect(fs.existsSync(path.join(dataDir, 'lock'))).toBe(true); // left behind by the killed process

    const second = await spawnServer({ DATA_DIR: dataDir });
    await second.waitHealthy();
    const { missing, verify } = await checkAfterRestart(second, acked);
    await second.stop();
    expect(missing).toEqual([]);
    expect(verify.ok).toBe(true);
    const lines: string[] = [];
    expect(await runAuditVerify(['verify', '--data-dir', dataDir], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) })).toBe(0);
  });

  it('detects a damaged folder at start, says how to recover, and recovers from the newest snapshot', async () => {
    const dataDir = path.join(dir, 'damaged');
    const first = await spawnServer({ DATA_DIR: dataDir });
    await first.waitHealthy();
    const token = await first.token('caseworker');
    const created = await fetch(`${first.base}/api/assessments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(meetingInput()) });
    const { id } = (await created.json()) as { id: string };
    await first.stop(); // a clean stop writes a final snapshot
    expect(fs.readdirSync(path.join(dataDir, 'snapshots')).some((f) => f.endsWith('.tar.gz'))).toBe(true);

    fs.writeFileSync(path.join(dataDir, 'db', 'global', 'pg_control'), 'damaged');
    const refused = await spawnServer({ DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('cannot be opened');
    expect(refused.output()).toContain('RESTORE_SNAPSHOT=latest');

    fs.renameSync(path.join(dataDir, 'db'), path.join(dataDir, 'db.damaged'));
    const restored = await spawnServer({ DATA_DIR: dataDir, RESTORE_SNAPSHOT: 'latest' });
    await restored.waitHealthy();
    const res = await fetch(`${restored.base}/api/assessments/${id}`, { headers: { authorization: `Bearer ${await restored.token('caseworker')}` } });
    expect(res.status).toBe(200);
    await restored.stop();
  });
});
