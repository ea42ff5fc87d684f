// The report queries on 100,000 seeded assessments, in both engines: PGlite (embedded) and a
// throw-away PostgreSQL 15 server. Goal: ≤ 200 ms per report on PostgreSQL.
// Run: npx tsx bench/reports.ts [count]   (PostgreSQL binaries from PG_BIN, default /usr/lib/postgresql/15/bin)
import { sql, type Kysely } from 'kysely';
import { evaluate, examplePolicy } from '../src/policy';
import { accountabilityDb } from '../src/server/reports/schema';
import {
  assessmentsByMonth, coApprovalTurnaround, deviationsUsed, incidentsByCategory, modeShare, type Period,
} from '../src/server/reports/queries';
import { PolicyService } from '../src/server/services/policy';
import type { Database } from '../src/server/store/schema';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '../src/server/store/store';
import { startPostgres } from '../test/server/helpers/postgres';

const COUNT = Number(process.argv[2] ?? 100_000);
const TODAY = '2026-03-02';
const PERIOD: Period = { from: '2025-04', to: '2026-03' };
const RUNS = 7;

const clock = { now: () => new Date(`${TODAY}T08:00:00Z`) };

/** Real verdicts (full size, with checklist texts) for a mix of meeting types, services and modes. */
function variants() {
  const policy = examplePolicy(TODAY);
  const combos = [
    { meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', needs: [] },
    { meetingTypeId: 'uppfoljningssamtal', serviceId: null, mode: 'physical', needs: [] },
    { meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams', mode: 'digital', needs: [] },
    { meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'eid-videotjanst', mode: 'digital', needs: ['ny-motpart'] },
    { meetingTypeId: 'samverkansmote', serviceId: 'microsoft-teams', mode: 'digital', needs: ['tolk'] },
    { meetingTypeId: 'skyddsbedomning-barn', serviceId: null, mode: 'physical', needs: [] },
    { meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', needs: ['barn-deltar'] },
  ] as const;
  return combos.map((c) => {
    const verdict = evaluate(policy, { meetingTypeId: c.meetingTypeId, serviceId: c.serviceId, needs: [...c.needs], date: TODAY });
    const input = { meeting: { eventId: 'evt' }, start: `${TODAY}T09:00:00+01:00`, mode: c.mode, meetingTypeId: c.meetingTypeId, serviceId: c.serviceId, needs: c.needs };
    return { input, verdict, coApproval: verdict.coApproval.required };
  });
}

async function seed(store: Store): Promise<void> {
  await migrate(store);
  await new PolicyService(store.db, clock).initialize();
  const db = store.db as Kysely<Database>;
  const v = variants();
  await sql`CREATE TEMP TABLE v (k int, input jsonb, verdict jsonb, co boolean)`.execute(db).catch(() => undefined);
  for (const [k, x] of v.entries()) await sql`INSERT INTO v VALUES (${k}, ${JSON.stringify(x.input)}::jsonb, ${JSON.stringify(x.verdict)}::jsonb, ${x.coApproval})`.execute(db);
  const hash = v[0]!.verdict.policyVersion;
  const statuses = `(ARRAY['ready','ready','approved','awaiting-approval','rejected','withdrawn','draft','needs-recheck'])[1 + (i % 8)]`;
  const BATCH = 25_000;
  for (let start = 0; start < COUNT; start += BATCH) {
    const end = Math.min(COUNT, start + BATCH) - 1;
    await sql.raw(`
      INSERT INTO assessments (id, organizer, revision, status, input, verdict, policy_version, policy_number, approvers, event_id, first_date, last_date, created_at, updated_at)
      SELECT md5('a' || i)::uuid, 'user-' || (i % 500), 1, ${statuses},
             jsonb_set(v.input, '{notClientMeeting}', to_jsonb(i % 50 = 0)), v.verdict, '${hash}', 1,
             ARRAY['manager-' || (i % 40)], 'evt-' || i,
             to_char(date '2025-04-01' + (i % 365), 'YYYY-MM-DD'), to_char(date '2025-04-01' + (i % 365), 'YYYY-MM-DD'),
             timestamptz '2025-03-01' + (i % 365) * interval '1 day', timestamptz '2025-03-01' + (i % 365) * interval '1 day'
        FROM generate_series(${start}, ${end}) i JOIN v ON v.k = i % ${v.length}`).execute(db);
    // A submit event and a decision for every approved or rejected check (hours apart, varying).
    await sql.raw(`
      INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, state_digest, prev_hash, hash)
      SELECT 1000000 + i, timestamptz '2025-03-01' + (i % 365) * interval '1 day', 'user-' || (i % 500), 'assessment.submit', 'assessment', md5('a' || i)::uuid::text, 'x', 'x', 'x'
        FROM generate_series(${start}, ${end}) i WHERE i % 8 IN (2, 3, 4)`).execute(db);
    await sql.raw(`
      INSERT INTO decisions (assessment_id, revision, outcome, decided_by, decided_at)
      SELECT md5('a' || i)::uuid, 1, CASE WHEN i % 8 = 2 THEN 'approved' ELSE 'rejected' END, 'manager-' || (i % 40),
             timestamptz '2025-03-01' + (i % 365) * interval '1 day' + (1 + i % 97) * interval '1 hour'
        FROM generate_series(${start}, ${end}) i WHERE i % 8 IN (2, 4)`).execute(db);
  }
  await sql.raw(`
    INSERT INTO incidents (id, revision, category, occurred_at, discovered_at, notification_deadline, description, must_notify_imy, status, reported_by, created_at, updated_at)
    SELECT md5('i' || i)::uuid, 1, (ARRAY['fel-person-inslappt','obehorig-horde-eller-sag','moteslanken-spreds','inspelning-gjordes','tekniskt-fel-rojde-uppgifter','annat'])[1 + i % 6],
           timestamptz '2025-04-01' + (i % 360) * interval '1 day', timestamptz '2025-04-01' + (i % 360) * interval '1 day' + interval '2 hours',
           timestamptz '2025-04-01' + (i % 360) * interval '1 day' + interval '74 hours', 'Seedad incident.', i % 3 = 0,
           (ARRAY['oppen','atgardad','anmald','avslutad'])[1 + i % 4], 'user-' || (i % 500), now(), now()
      FROM generate_series(0, ${Math.max(1, Math.round(COUNT / 100)) - 1}) i`).execute(db);
  await sql`ANALYZE`.execute(db);
}

async function measure(store: Store): Promise<Record<string, { medianMs: number; maxMs: number; rows: number }>> {
  const db = accountabilityDb(store.db);
  const reports: Record<string, () => Promise<unknown[]>> = {
    'assessments-by-month': () => assessmentsByMonth(db, PERIOD),
    'mode-share': () => modeShare(db, PERIOD),
    deviations: () => deviationsUsed(db, PERIOD),
    'co-approval': () => coApprovalTurnaround(db, PERIOD),
    incidents: () => incidentsByCategory(db, PERIOD, clock.now()),
  };
  const out: Record<string, { medianMs: number; maxMs: number; rows: number }> = {};
  for (const [name, run] of Object.entries(reports)) {
    let rows = (await run()).length; // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      rows = (await run()).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out[name] = { medianMs: Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10, maxMs: Math.round(times[RUNS - 1]! * 10) / 10, rows };
  }
  return out;
}

async function main() {
  console.log(`bench/reports: ${COUNT.toLocaleString('en')} assessments, period ${PERIOD.from}..${PERIOD.to}, median of ${RUNS} runs after a warm-up`);
  for (const engine of ['pglite', 'postgres'] as const) {
    const pg = engine === 'postgres' ? await startPostgres() : undefined;
    try {
      const store = pg ? await openPostgresStore(pg.url()) : await openPgliteStore();
      const t = performance.now();
      await seed(store);
      const seeded = await sql<{ n: string }>`SELECT count(*) AS n FROM assessments`.execute(store.db);
      console.log(`\n${engine}: seeded ${seeded.rows[0]!.n} assessments in ${Math.round(performance.now() - t)} ms`);
      const results = await measure(store);
      for (const [name, r] of Object.entries(results)) {
        console.log(`  ${name.padEnd(22)} median ${String(r.medianMs).padStart(7)} ms   max ${String(r.maxMs).padStart(7)} ms   ${r.rows} rows${engine === 'postgres' && r.medianMs > 200 ? '   ABOVE 200 ms GOAL' : ''}`);
      }
      await store.close();
    } finally {
      pg?.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
