// The data-protection officer's reports on a seeded data set with known answers (both engines), the
// CSV export parsed back with papaparse, one meeting's record, and the retention purge after which
// the audit chain still verifies.
import Papa from 'papaparse';
import { sql } from 'kysely';
import { verifyChain } from '../../src/server/audit';
import { purgeExpiredRecords } from '../../src/server/retention/purge';
import { ENGINES, engineContext, meetingInput, testServer, type EngineContext, type TestServer } from '../server/helpers/harness';
import { caller } from './helpers';

const MARCH = '2026-03-10T09:00:00+01:00';
const APRIL = '2026-04-14T09:00:00+02:00';
const PERIOD = 'from=2026-03&to=2026-04';

interface Seeded { deviationCheck: string; withdrawn: string }

/** The seeded municipality: every number asserted below follows from this function. */
async function seed(s: TestServer, call: ReturnType<typeof caller>): Promise<Seeded> {
  let minute = 0;
  const at = (iso: string) => s.clock.set(iso);
  const tick = () => at(new Date(Date.parse('2026-03-03T08:00:00Z') + minute++ * 60_000).toISOString());
  const make = async (input: Record<string, unknown>, submit = true) => {
    tick();
    const a = await call('POST', '/api/assessments', 'caseworker', meetingInput(input));
    expect(a.status).toBe(201);
    if (submit) expect((await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {})).status).toBe(200);
    return a.body.id as string;
  };
  for (let i = 0; i < 3; i++) await make({ start: MARCH });                                        // ready, digital, Teams
  for (let i = 0; i < 2; i++) await make({ start: MARCH, mode: 'physical', serviceId: null });     // ready, physical
  const deviationCheck = await make({ start: MARCH, meetingTypeId: 'utredningssamtal-vuxen' });    // 08:05, awaiting, deviation
  const child = await make({ start: MARCH, needs: ['barn-deltar'] });                              // 08:06, awaiting
  const deviation2 = await make({ start: MARCH, meetingTypeId: 'utredningssamtal-vuxen' });        // 08:07
  const deviation3 = await make({ start: MARCH, meetingTypeId: 'utredningssamtal-vuxen' });        // 08:08
  const withdrawn = await make({ start: MARCH, mode: 'physical', serviceId: null, meetingTypeId: 'skyddsbedomning-barn' }, false);
  tick();
  await call('POST', `/api/assessments/${withdrawn}/withdraw`, 'caseworker', {});
  await make({ start: MARCH, notClientMeeting: true }, false);                                      // draft, not a client meeting
  await make({ start: APRIL });
  await make({ start: APRIL, mode: 'physical', serviceId: null });
  // Decisions 1 h, 2 h, 4 h and 10 h after their submits.
  const decide = async (id: string, iso: string, outcome: 'approved' | 'rejected') => {
    at(iso);
    const res = await call('POST', `/api/assessments/${id}/decision`, 'manager', { revision: 1, outcome, ...(outcome === 'approved' ? { comment: 'Godkänt, väntrum på.' } : {}) });
    expect(res.status).toBe(200);
  };
  await decide(deviation3, '2026-03-03T09:08:00Z', 'rejected');
  await decide(deviationCheck, '2026-03-03T10:05:00Z', 'approved');
  await decide(child, '2026-03-03T12:06:00Z', 'approved');
  await decide(deviation2, '2026-03-03T18:07:00Z', 'approved');
  // Incidents: one that must be notified (left open past its deadline), one that need not be.
  at('2026-03-04T09:00:00Z');
  const base = { occurredAt: '2026-03-04T08:00:00Z', discoveredAt: '2026-03-04T08:30:00Z', description: 'Testincident.' };
  expect((await call('POST', '/api/incidents', 'caseworker', { ...base, category: 'moteslanken-spreds', mustNotifyImy: true, assessmentId: deviationCheck })).status).toBe(201);
  const rec = await call('POST', '/api/incidents', 'caseworker', { ...base, category: 'inspelning-gjordes', mustNotifyImy: false, correctiveActions: 'Inspelningen raderades.' });
  expect((await call('POST', `/api/incidents/${rec.body.id}/status`, 'caseworker', { revision: 1, status: 'atgardad' })).status).toBe(200);
  at('2026-06-10T10:00:00Z');
  return { deviationCheck, withdrawn };
}

describe.each(ENGINES)('reports on %s', (engine) => {
  let ctx: EngineContext;
  let s: TestServer;
  let call: ReturnType<typeof caller>;
  let seeded: Seeded;

  beforeAll(async () => { ctx = await engineContext(engine); });
  afterAll(async () => { await ctx.close(); });
  beforeEach(async () => {
    s = await testServer(await ctx.newStore());
    call = caller(s);
    seeded = await seed(s, call);
  });
  afterEach(async () => { await s.close(); });

  it('gives the known aggregates of the seeded data set', async () => {
    const res = await call('GET', `/api/reports?${PERIOD}`, 'auditor');
    expect(res.status).toBe(200);
    const r = res.body.reports;
    expect(res.body.period).toEqual({ from: '2026-03', to: '2026-04' });
    expect(r['assessments-by-month']).toEqual([
      { month: '2026-03', meetingTypeId: 'uppfoljningssamtal', serviceId: null, mode: 'physical', outcome: 'allowed', assessments: 2, notClientMeeting: 0 },
      { month: '2026-03', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed', assessments: 5, notClientMeeting: 1 },
      { month: '2026-03', meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed-with-deviation', assessments: 3, notClientMeeting: 0 },
      { month: '2026-04', meetingTypeId: 'uppfoljningssamtal', serviceId: null, mode: 'physical', outcome: 'allowed', assessments: 1, notClientMeeting: 0 },
      { month: '2026-04', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed', assessments: 1, notClientMeeting: 0 },
    ]);
    expect(r['mode-share']).toEqual([
      { month: '2026-03', physical: 2, digital: 6, total: 8, digitalShare: 0.75 },
      { month: '2026-04', physical: 1, digital: 1, total: 2, digitalShare: 0.5 },
      { month: 'total', physical: 3, digital: 7, total: 10, digitalShare: 0.7 },
    ]);
    expect(r.deviations).toEqual([
      { deviationId: 'avsteg-teams-utredning', reference: 'SN 2026/117 (exempel)', assessments: 3, meetingTypes: 'utredningssamtal-vuxen', firstMeeting: '2026-03-10', lastMeeting: '2026-03-10' },
    ]);
    // 1, 2, 4, 10 hours: median 3, 90th percentile (linear) 4 + 0.7 × 6 = 8.2.
    expect(r['co-approval']).toEqual([
      { month: '2026-03', decisions: 4, approved: 3, rejected: 1, medianHours: 3, p90Hours: 8.2 },
      { month: 'total', decisions: 4, approved: 3, rejected: 1, medianHours: 3, p90Hours: 8.2 },
    ]);
    expect(r.incidents).toEqual([
      { category: 'inspelning-gjordes', status: 'atgardad', incidents: 1, mustNotify: 0, notifiedLate: 0, overdue: 0 },
      { category: 'moteslanken-spreds', status: 'oppen', incidents: 1, mustNotify: 1, notifiedLate: 0, overdue: 1 },
    ]);
    // On 2026-06-10: Teams' review (2026-02-15) has passed; the deviation runs out on 2026-06-30.
    expect(r.reminders).toEqual([
      { kind: 'risk-analysis-review', id: 'microsoft-teams', serviceId: 'microsoft-teams', reference: 'RA-2025-11 (exempel)', dueDate: '2026-02-15', state: 'overdue', daysLeft: -115 },
      { kind: 'deviation-expiry', id: 'avsteg-teams-utredning', serviceId: 'microsoft-teams', reference: 'SN 2026/117 (exempel)', dueDate: '2026-06-30', state: 'expiring', daysLeft: 20 },
    ]);
    const april = await call('GET', '/api/reports/mode-share?from=2026-04&to=2026-04', 'auditor');
    expect(april.body.rows).toEqual([{ month: '2026-04', physical: 1, digital: 1, total: 2, digitalShare: 0.5 }, { month: 'total', physical: 1, digital: 1, total: 2, digitalShare: 0.5 }]);
  });

  it('exports every report as CSV with a BOM and stable columns that parse back to the JSON rows', async () => {
    for (const name of ['assessments-by-month', 'mode-share', 'deviations', 'co-approval', 'incidents', 'reminders']) {
      const json = await call('GET', `/api/reports/${name}?${PERIOD}`, 'auditor');
      const csv = await call('GET', `/api/reports/${name}?${PERIOD}&format=csv`, 'auditor');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="motescheck-${name}-2026-03-2026-04.csv"`);
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      const parsed = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(json.body.columns);
      expect(parsed.data).toHaveLength(json.body.rows.length);
      // Same values, cell by cell, in the documented column order.
      const values = (row: Record<string, unknown>) => Object.values(row).map((v) => (v === null ? '' : String(v)));
      expect(parsed.data.map((row) => json.body.columns.map((c: string) => row[c]))).toEqual(json.body.rows.map(values));
    }
    const semicolon = await call('GET', `/api/reports/mode-share?${PERIOD}&format=csv&delimiter=semicolon`, 'auditor');
    expect(semicolon.text).toBe('\uFEFFmonth;physical;digital;total;digital_share\r\n2026-03;2;6;8;0,75\r\n2026-04;1;1;2;0,5\r\ntotal;3;7;10;0,7\r\n');
  });

  it('is for the auditor; review reminders are also for policy admins', async () => {
    expect((await call('GET', `/api/reports?${PERIOD}`, 'policyadmin')).status).toBe(403);
    expect((await call('GET', '/api/reports/incidents', 'manager')).status).toBe(403);
    expect((await call('GET', '/api/reports/nonsense', 'auditor')).status).toBe(400);
    expect((await call('GET', '/api/reports/incidents?from=2026-05&to=2026-03', 'auditor')).body.code).toBe('invalid-range');
    const reminders = await call('GET', '/api/review-reminders', 'policyadmin');
    expect(reminders.body.reminders.map((r: { id: string }) => r.id)).toEqual(['microsoft-teams', 'avsteg-teams-utredning']);
  });

  it('renders one meeting’s record: policy version and rules, verdict with sources, approval, audit entries with the chain verified', async () => {
    const res = await call('GET', `/api/records/${seeded.deviationCheck}`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    const policy = await call('GET', '/api/policy', 'auditor');
    for (const expected of [
      'Dokumentation av förkontroll', `1 (${policy.body.hash})`, 'avsteg-teams-utredning: forvaltning, SN 2026/117 (exempel)',
      'deviation-applies', 'SKR 2020, Viktigt att dokumentera analys och beslut', 'Godkänt, väntrum på.', s.oid('manager'),
      'assessment.create', 'assessment.submit', 'assessment.approve', 'Loggens hashkedja verifierad: ok', 'Möteslänken spreds',
    ]) expect(html).toContain(expected);
    expect(html).not.toContain('<script');
    const english = await call('GET', `/api/records/${seeded.deviationCheck}?lang=en&download=true`, 'auditor');
    expect(english.text).toContain('Audit hash chain verified: ok');
    expect(english.headers['content-disposition']).toBe(`attachment; filename="motescheck-kontroll-${seeded.deviationCheck}.html"`);
    expect((await call('GET', `/api/records/${seeded.deviationCheck}`, 'caseworker2')).status).toBe(403);
    expect((await call('GET', `/api/records/${seeded.deviationCheck}`, 'caseworker')).status).toBe(200);
    const audit = await call('GET', `/api/audit?entity=${seeded.deviationCheck}`, 'auditor');
    expect(audit.body.events.some((e: { action: string; actor: string }) => e.action === 'assessment.read.record' && e.actor === s.oid('auditor'))).toBe(true);
  });

  it('purges records past the retention period, logs the purge, and the chain still verifies', async () => {
    const before = await verifyChain(s.store.db);
    expect(before.ok).toBe(true);
    // 2026-06-10 minus 60 days: everything from March goes; April's meetings stay.
    const result = await purgeExpiredRecords(s.store.db, s.clock, 60);
    expect(result).toMatchObject({ cutoff: '2026-04-11T10:00:00.000Z', retentionDays: 60, assessments: 11, incidents: 0, checkpoint: { seq: expect.any(Number) } });
    expect(result.auditEvents).toBe(result.checkpoint!.seq);
    const after = await call('GET', '/api/audit/verify', 'auditor');
    expect(after.body).toMatchObject({ ok: true, checkpoint: { seq: result.checkpoint!.seq } });
    expect((await call('GET', `/api/reports/assessments-by-month?${PERIOD}`, 'auditor')).body.rows.map((r: { month: string }) => r.month)).toEqual(['2026-04', '2026-04']);
    const purgeEvent = await call('GET', `/api/audit?entity=${result.purgeId}`, 'auditor');
    expect(purgeEvent.body.events).toEqual([expect.objectContaining({ action: 'retention.purge', actor: 'system' })]);
    expect(purgeEvent.body.events[0].seq).toBeGreaterThan(result.checkpoint!.seq);

    // Kept events stay append-only: the database refuses to delete one a checkpoint does not cover.
    await expect(sql`DELETE FROM audit_log WHERE seq = ${result.checkpoint!.seq + 1}`.execute(s.store.db)).rejects.toThrow(/append-only/);
    // A second purge with nothing new to remove keeps the same checkpoint and still verifies.
    s.clock.set('2026-06-10T11:00:00Z');
    const again = await purgeExpiredRecords(s.store.db, s.clock, 60);
    expect(again).toMatchObject({ assessments: 0, auditEvents: 0, checkpoint: null });
    expect(await verifyChain(s.store.db)).toMatchObject({ ok: true, checkpoint: { seq: result.checkpoint!.seq } });
    // A forged checkpoint is found: it is not the one the purge's audit event recorded.
    await sql`UPDATE audit_checkpoints SET state = jsonb_set(state, '{assessments}', '0')`.execute(s.store.db);
    expect(await verifyChain(s.store.db)).toMatchObject({ ok: false, firstBroken: { problem: 'checkpoint-mismatch' } });
  });
});
