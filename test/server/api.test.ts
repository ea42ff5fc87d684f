// The API's behaviour, run against both engines: policy versions and draft, assessments through their
// states, approvals, records made at meeting start, read logging and the daily recheck pass.
import { verifyChain } from '../../src/server/audit';
import { dailyRecheck } from '../../src/server/services/recheck';
import { PolicyService } from '../../src/server/services/policy';
import { ENGINES, engineContext, meetingInput, testServer, type EngineContext, type TestServer } from './helpers/harness';
import { client } from './helpers/http';

describe.each(ENGINES)('API on %s', (engine) => {
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

  describe('health and identity', () => {
    it('answers the health probe without a token', async () => {
      const res = await call('GET', '/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', engine });
    });
    it('names the user from the token, never from the request', async () => {
      const res = await call('GET', '/api/me', 'caseworker');
      expect(res.body).toEqual({ oid: s.oid('caseworker'), tid: expect.any(String), roles: ['Caseworker'] });
    });
    it('serves the OpenAPI description at /api/docs', async () => {
      const res = await call('GET', '/api/docs/json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/assessments/{id}/decision', '/api/policy/draft']));
    });
  });

  describe('policy', () => {
    it('publishes the example policy as version 1 at first start, with an ETag', async () => {
      const res = await call('GET', '/api/policy', 'caseworker');
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect(res.body.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(res.headers.etag).toBe(`"${res.body.hash}"`);
      const again = await call('GET', '/api/policy', 'caseworker', undefined, { 'if-none-match': String(res.headers.etag) });
      expect(again.status).toBe(304);
    });

    it('saves the draft only with the current ETag and answers a stale one with 412 and the current draft', async () => {
      const draft = await call('GET', '/api/policy/draft', 'policyadmin');
      const edited = { ...draft.body.policy, organization: 'Testkommun' };
      const ok = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: edited }, { 'if-match': draft.body.etag });
      expect(ok.status).toBe(200);
      expect(ok.body.etag).not.toBe(draft.body.etag);
      const stale = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: draft.body.policy }, { 'if-match': draft.body.etag });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('draft-changed');
      expect(stale.body.current.policy.organization).toBe('Testkommun');
      const missing = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: edited });
      expect(missing.status).toBe(428);
    });

    it('lists every validation error by JSON path and refuses to publish an invalid draft', async () => {
      const draft = await call('GET', '/api/policy/draft', 'policyadmin');
      const broken = structuredClone(draft.body.policy);
      broken.meetingTypes[0].classification.confidentiality = 9;
      broken.deviations[0].serviceId = 'no-such-service';
      const v = await call('POST', '/api/policy/validate', 'policyadmin', { policy: broken });
      expect(v.status).toBe(200);
      expect(v.body.valid).toBe(false);
      const paths = v.body.errors.map((e: { path: string }) => e.path).join(' ');
      expect(paths).toContain('meetingTypes');
      expect(paths).toContain('deviations');
      const saved = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: broken }, { 'if-match': draft.body.etag });
      expect(saved.status).toBe(200);
      expect(saved.body.errors.length).toBeGreaterThanOrEqual(2);
      const pub = await call('POST', '/api/policy/publish', 'policyadmin', { etag: saved.body.etag, changeNote: 'trasig' });
      expect(pub.status).toBe(400);
      expect(pub.body.code).toBe('policy-invalid');
      expect(pub.body.details.length).toBe(saved.body.errors.length);
    });

    it('previews a request against the draft', async () => {
      const res = await call('POST', '/api/policy/preview', 'policyadmin', { request: { meetingTypeId: 'skyddsbedomning-barn', serviceId: null, needs: [], date: '2026-03-10' } });
      expect(res.status).toBe(200);
      expect(res.body.verdict.digital).toBe('not-allowed');
      const unknown = await call('POST', '/api/policy/preview', 'policyadmin', { request: { meetingTypeId: 'nope', serviceId: null, needs: [], date: '2026-03-10' } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.code).toBe('unknown-id');
    });

    it('publishes an immutable numbered version, lists and diffs versions, and sends changed open assessments to needs-recheck', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput());
      const untouched = await call('POST', '/api/assessments', 'caseworker', meetingInput({ mode: 'physical', serviceId: null, meetingTypeId: 'skyddsbedomning-barn' }));
      const draft = await call('GET', '/api/policy/draft', 'policyadmin');
      const next = structuredClone(draft.body.policy);
      next.services.find((x: { id: string }) => x.id === 'microsoft-teams').approvedUpTo.confidentiality = 0;
      const saved = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: next }, { 'if-match': draft.body.etag });
      const pub = await call('POST', '/api/policy/publish', 'policyadmin', { etag: saved.body.etag, changeNote: 'Teams endast K0' });
      expect(pub.status).toBe(200);
      expect(pub.body.version).toBe(2);
      expect(pub.body.publishedBy).toBe(s.oid('policyadmin'));
      expect(pub.body.recheck.needsRecheck).toEqual([a.body.id]);

      const after = await call('GET', `/api/assessments/${a.body.id}`, 'caseworker');
      expect(after.body.status).toBe('needs-recheck');
      expect(after.body.revision).toBe(2);
      expect(after.body.policyNumber).toBe(2);
      expect((await call('GET', `/api/assessments/${untouched.body.id}`, 'caseworker')).body.status).toBe('draft');

      const versions = await call('GET', '/api/policy/versions', 'auditor');
      expect(versions.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
      const v1 = await call('GET', '/api/policy/versions/1', 'policyadmin');
      expect(v1.body.policy.services.find((x: { id: string }) => x.id === 'microsoft-teams').approvedUpTo.confidentiality).not.toBe(0);
      const diff = await call('GET', '/api/policy/diff?from=1&to=2', 'policyadmin');
      expect(diff.body.changes).toEqual([{ path: '$.services[id=microsoft-teams].approvedUpTo.confidentiality', kind: 'changed', before: expect.any(Number), after: 0 }]);
      expect((await call('GET', '/api/policy/versions/3', 'policyadmin')).status).toBe(404);
    });
  });

  describe('assessments', () => {
    it('judges with the published policy and stores the verdict with its version', async () => {
      const res = await call('POST', '/api/assessments', 'caseworker', meetingInput());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'draft', revision: 1, organizer: s.oid('caseworker'), policyNumber: 1 });
      expect(res.body.verdict.digital).toBe('allowed');
      expect(res.body.policyVersion).toBe(res.body.verdict.policyVersion);
    });

    it('refuses unknown ids and a mode that does not fit the service', async () => {
      const unknown = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['no-such-need'] }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.details[0].path).toMatch(/^needs/);
      const noService = await call('POST', '/api/assessments', 'caseworker', meetingInput({ serviceId: null }));
      expect(noService.body.code).toBe('service-required');
      const extra = await call('POST', '/api/assessments', 'caseworker', { ...meetingInput(), verdict: { digital: 'allowed' } });
      expect(extra.status).toBe(400);
      expect(extra.body.code).toBe('invalid-request');
    });

    it('goes ready without co-approval, and through approval when required', async () => {
      const plain = await call('POST', '/api/assessments', 'caseworker', meetingInput());
      const ready = await call('POST', `/api/assessments/${plain.body.id}/submit`, 'caseworker', { revision: 1 });
      expect(ready.body.status).toBe('ready');

      const child = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
      const submitted = await call('POST', `/api/assessments/${child.body.id}/submit`, 'caseworker', {});
      expect(submitted.body.status).toBe('awaiting-approval');
      expect(submitted.body.approver).toBe(s.oid('manager'));
      const listed = await call('GET', '/api/assessments?scope=approvals', 'manager');
      expect(listed.body.assessments.map((x: { id: string }) => x.id)).toEqual([child.body.id]);

      expect((await call('POST', `/api/assessments/${child.body.id}/decision`, 'manager2', { revision: 1, outcome: 'approved' })).status).toBe(403);
      const approved = await call('POST', `/api/assessments/${child.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved', comment: 'OK, väntrum på.' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(approved.body.decision).toMatchObject({ outcome: 'approved', by: s.oid('manager'), revision: 1 });
      const repeat = await call('POST', `/api/assessments/${child.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' });
      expect(repeat.status).toBe(200);
      const flip = await call('POST', `/api/assessments/${child.body.id}/decision`, 'manager', { revision: 1, outcome: 'rejected' });
      expect(flip.status).toBe(409);
    });

    it('voids an approval when the caseworker changes the meeting: a new revision in draft', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
      await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
      await call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' });
      const { id: _id, ...input } = { ...meetingInput({ needs: ['barn-deltar', 'tolk'] }), id: 0 };
      const revised = await call('PUT', `/api/assessments/${a.body.id}`, 'caseworker', { ...input, revision: 1 });
      expect(revised.status).toBe(200);
      expect(revised.body).toMatchObject({ revision: 2, status: 'draft' });
      expect(revised.body.decision).toBeUndefined();
      const stale = await call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 2, outcome: 'approved' });
      expect(stale.status).toBe(403); // no longer assigned until submitted again
      await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', { revision: 2 });
      const oldRevision = await call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'rejected' });
      expect(oldRevision.status).toBe(409);
      const staleRevise = await call('PUT', `/api/assessments/${a.body.id}`, 'caseworker', { ...input, revision: 1 });
      expect(staleRevise.body.code).toBe('stale-revision');
    });

    it('never lets a caseworker approve their own check', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
      await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
      const own = await call('POST', `/api/assessments/${a.body.id}/decision`, 'caseworker', { revision: 1, outcome: 'approved' });
      expect(own.status).toBe(403);
    });

    it('refuses to submit a digital meeting the policy does not allow, but submits a physical one', async () => {
      const bad = await call('POST', '/api/assessments', 'caseworker', meetingInput({ serviceId: 'gratis-videotjanst' }));
      const refused = await call('POST', `/api/assessments/${bad.body.id}/submit`, 'caseworker');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('digital-not-allowed');
      expect(bad.body.blockingReason.sv.length).toBeGreaterThan(0);
      const physical = await call('POST', '/api/assessments', 'caseworker', meetingInput({ mode: 'physical', serviceId: null, meetingTypeId: 'skyddsbedomning-barn' }));
      const submitted = await call('POST', `/api/assessments/${physical.body.id}/submit`, 'caseworker');
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('awaiting-approval');
    });

    it('refuses a comment holding a personal identity number with 422 naming the field', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
      await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
      // 19121212-1212 is the Swedish Tax Agency's published test number.
      const res = await call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'rejected', comment: 'Gäller 19121212-1212' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'personal-identity-number', details: [{ path: 'comment' }] });
    });

    it('records checklist confirmations and identity checks once the check is ready, and reports completeness', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ serviceId: 'eid-videotjanst', needs: ['ny-motpart'], meeting: { teamsMeetingId: 'meeting-abc' } }));
      expect((await call('POST', `/api/assessments/${a.body.id}/checklist`, 'caseworker', { itemId: 'horlurar', confirmed: true })).status).toBe(409);
      await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
      for (const item of a.body.verdict.checklist) {
        const r = await call('POST', `/api/assessments/${a.body.id}/checklist`, 'caseworker', { itemId: item.id, confirmed: true });
        expect(r.status).toBe(200);
      }
      expect((await call('POST', `/api/assessments/${a.body.id}/checklist`, 'caseworker', { itemId: 'not-on-list', confirmed: true })).status).toBe(422);
      let status = await call('GET', `/api/assessments/${a.body.id}/status`, 'caseworker');
      expect(status.body.complete).toBe(false);
      expect((await call('POST', `/api/assessments/${a.body.id}/identity-checks`, 'caseworker', { methodId: 'nope', counterpart: 1 })).body.code).toBe('unknown-identity-method');
      const idc = await call('POST', `/api/assessments/${a.body.id}/identity-checks`, 'caseworker', { methodId: 'bankid', counterpart: 1 });
      expect(idc.body.identityChecks).toEqual([{ methodId: 'bankid', assurance: 3, checkedAt: expect.any(String), by: s.oid('caseworker'), counterpart: 1 }]);
      status = await call('GET', `/api/assessments/${a.body.id}/status`, 'caseworker');
      expect(status.body).toMatchObject({ status: 'ready', complete: true });
      // Another participant learns only that a complete check exists.
      const other = await call('GET', '/api/assessments/by-meeting?teamsMeetingId=meeting-abc', 'caseworker2');
      expect(other.body).toEqual({ exists: true, complete: true });
      const owner = await call('GET', '/api/assessments/by-meeting?teamsMeetingId=meeting-abc', 'caseworker');
      expect(owner.body.assessment.id).toBe(a.body.id);
    });

    it('shows a caseworker only their own checks and logs every read by someone else', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput());
      expect((await call('GET', `/api/assessments/${a.body.id}`, 'caseworker2')).status).toBe(403);
      expect((await call('GET', '/api/assessments?scope=mine', 'caseworker2')).body.assessments).toEqual([]);
      expect((await call('GET', `/api/assessments/${a.body.id}`, 'auditor')).status).toBe(200);
      expect((await call('GET', '/api/assessments?scope=all', 'auditor')).body.assessments).toHaveLength(1);
      const log = await call('GET', `/api/audit?entity=${a.body.id}`, 'auditor');
      const reads = log.body.events.filter((e: { action: string }) => e.action.startsWith('assessment.read'));
      expect(reads.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        [s.oid('auditor'), 'assessment.read.list-all'],
        [s.oid('auditor'), 'assessment.read.full'],
      ]);
    });

    it('withdraws, after which nothing can be submitted or revised', async () => {
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput());
      expect((await call('POST', `/api/assessments/${a.body.id}/withdraw`, 'caseworker2')).status).toBe(403);
      expect((await call('POST', `/api/assessments/${a.body.id}/withdraw`, 'caseworker')).body.status).toBe('withdrawn');
      expect((await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker')).status).toBe(409);
    });

    it('the daily pass sends a series to needs-recheck when a passing date changes its verdict', async () => {
      // A deviation that begins mid-series: judged from today once the series is under way.
      const draft = await call('GET', '/api/policy/draft', 'policyadmin');
      const next = structuredClone(draft.body.policy);
      next.deviations[0].decision.decidedOn = '2026-03-15';
      const saved = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: next }, { 'if-match': draft.body.etag });
      expect((await call('POST', '/api/policy/publish', 'policyadmin', { etag: saved.body.etag, changeNote: 'avsteg från 15 mars' })).status).toBe(200);
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ meetingTypeId: 'utredningssamtal-vuxen', start: '2026-03-10T09:00:00+01:00', seriesEnd: '2026-03-24T09:00:00+01:00' }));
      expect(a.body.verdict.digital).toBe('not-allowed');
      const policies = new PolicyService(s.store.db, s.clock);
      const load = (db: Parameters<typeof policies.published>[0]) => policies.published(db);
      expect((await dailyRecheck(s.store.db, s.clock, load)).needsRecheck).toEqual([]);
      s.clock.set('2026-03-16T06:00:00Z');
      expect((await dailyRecheck(s.store.db, s.clock, load)).needsRecheck).toEqual([a.body.id]);
      call = client(s); // fresh tokens for the new time
      const after = await call('GET', `/api/assessments/${a.body.id}`, 'caseworker');
      expect(after.body.status).toBe('needs-recheck');
      expect(after.body.verdict.digital).toBe('allowed-with-deviation');
    });
  });

  it('keeps the audit chain intact through all of this', async () => {
    const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker');
    await call('POST', `/api/assessments/${a.body.id}/decision`, 'manager', { revision: 1, outcome: 'approved' });
    const res = await call('GET', '/api/audit/verify', 'auditor');
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.events).toBeGreaterThanOrEqual(5);
    expect(await verifyChain(s.store.db)).toEqual(res.body);
  });
});
