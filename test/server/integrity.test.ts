// Concurrency and tamper evidence on both engines: one draft save wins a race on the same ETag, one
// approval is recorded however many arrive at once, and an edited audit row is named by verification.
import { runAuditVerify } from '../../src/cli/audit';
import { verifyChain } from '../../src/server/audit';
import { ENGINES, engineContext, meetingInput, testServer, type EngineContext, type TestServer } from './helpers/harness';
import { client } from './helpers/http';

describe.each(ENGINES)('integrity on %s', (engine) => {
  let ctx: EngineContext;
  let s: TestServer;
  let call: ReturnType<typeof client>;

  beforeAll(async () => { ctx = await engineContext(engine); });
  afterAll(async () => { await ctx.close(); });
  beforeEach(async () => {
    s = await testServer(await ctx.newStore());
    call = client(s);
  });
  afterEach(async () => { await s.close(); });

  it('20 parallel draft saves with the same ETag: exactly one succeeds, 19 get 412', async () => {
    const draft = await call('GET', '/api/policy/draft', 'policyadmin');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call('PUT', '/api/policy/draft', 'policyadmin', { policy: { ...draft.body.policy, organization: `Kommun ${i}` } }, { 'if-match': draft.body.etag })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 412)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!;
    expect((await call('GET', '/api/policy/draft', 'policyadmin')).body.policy.organization).toBe(winner.body.policy.organization);
    expect((await verifyChain(s.store.db)).ok).toBe(true);
  });

  it('20 parallel approvals of one assessment: one approval recorded, repeats answered idempotently', async () => {
    const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const decisions = await s.store.db.selectFrom('decisions').selectAll().where('assessment_id', '=', a.body.id).execute();
    expect(decisions).toHaveLength(1);
    const events = await s.store.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.body.id).where('action', '=', 'assessment.approve').execute();
    expect(events).toHaveLength(1);
  });

  it('an edited audit row is named by verification (server endpoint and CLI)', async () => {
    const a = await call('POST', '/api/assessments', 'caseworker', meetingInput());
    await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
    await call('POST', `/api/assessments/${a.body.id}/withdraw`, 'caseworker');
    expect((await call('GET', '/api/audit/verify', 'auditor')).body.ok).toBe(true);
    const target = await s.store.db.selectFrom('audit_log').select('seq').where('entity_id', '=', a.body.id).where('action', '=', 'assessment.submit').executeTakeFirstOrThrow();
    // The table refuses updates; a superuser who switches triggers off can still edit — and is caught.
    await expect(s.store.session((exec) => exec(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = ${Number(target.seq)}`))).rejects.toThrow(/append-only/);
    await s.store.session((exec) => exec(`SET session_replication_role = replica; UPDATE audit_log SET actor = 'someone-else' WHERE seq = ${Number(target.seq)}; SET session_replication_role = origin;`));
    const res = await call('GET', '/api/audit/verify', 'auditor');
    expect(res.body).toMatchObject({ ok: false, firstBroken: { seq: Number(target.seq), problem: 'hash-mismatch' } });
    expect(res.body.firstBroken.message).toContain(a.body.id);
    if (engine === 'postgres') {
      const lines: string[] = [];
      const db = ctx.pg!.url(await currentDatabase(s));
      expect(await runAuditVerify(['verify', '--database-url', db], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) })).toBe(1);
      expect(lines.join('\n')).toContain(`event ${Number(target.seq)}`);
    }
  });

  it('a deleted tail is detected through the chain head', async () => {
    await call('POST', '/api/assessments', 'caseworker', meetingInput());
    const head = await s.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await s.store.session((exec) => exec(`SET session_replication_role = replica; DELETE FROM audit_log WHERE seq = ${Number(head.seq)}; SET session_replication_role = origin;`));
    const result = await verifyChain(s.store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { problem: 'head-mismatch' } });
  });
});

async function currentDatabase(s: TestServer): Promise<string> {
  const rows = await s.store.session((exec) => exec('SELECT current_database() AS name'));
  return String(rows[0]!.name);
}
