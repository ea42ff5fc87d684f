// The HTTP routes (src/api/contract.ts lists them for the front-ends). Each declares who may call it;
// finer checks (owner, designated approver) happen in the services.
import type { FastifyInstance } from 'fastify';
import type { AssessmentInput, Role } from '../api/contract';
import { EvaluationError, evaluate } from '../policy';
import { requirePrincipal } from './app';
import { DEV_USERS } from './auth/devUsers';
import { verifyChain } from './audit';
import type { ServerDeps } from './deps';
import { HttpError, badRequest, unprocessable } from './errors';
import * as s from './schemas';
import { AssessmentService, refusePersonalIdentityNumber } from './services/assessments';
import { diffPolicies } from '../policy';
import { PolicyService, safeValidate } from './services/policy';
import { registerAccountabilityRoutes } from './reports/routes';

const ANY: readonly Role[] = ['Caseworker', 'Manager', 'PolicyAdmin', 'Auditor'];
const roles = (...r: Role[]) => ({ access: { roles: r } });

export async function registerRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { store, clock } = deps;
  const policies = new PolicyService(store.db, clock);
  const assessments = new AssessmentService(store.db, clock, policies, deps.approvers, deps.meetingChats);

  app.get('/api/health', { config: { access: 'public' }, schema: { querystring: s.emptyQuery, security: [] } }, async (_req, reply) => {
    if (await store.ping()) return { status: 'ok', engine: store.engine };
    return reply.status(503).send({ code: 'database-unavailable', message: 'The database does not answer.' });
  });

  app.get('/api/me', { config: { access: { roles: ANY } }, schema: { querystring: s.emptyQuery } }, async (req) => {
    const p = requirePrincipal(req);
    return { oid: p.oid, tid: p.tid, roles: p.roles };
  });

  // --- Policy ---
  app.get('/api/policy', { config: { access: { roles: ANY } }, schema: { querystring: s.emptyQuery } }, async (req, reply) => {
    const { compiled: _c, ...published } = await policies.published();
    const etag = `"${published.hash}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return published;
  });

  app.get('/api/onsend-settings', { config: { access: { roles: ANY } }, schema: { querystring: s.emptyQuery } }, async () => {
    const p = await policies.published();
    return {
      policyVersion: p.hash,
      policyNumber: p.version,
      internalDomains: p.policy.internalDomains ?? [],
      onSend: p.policy.onSend ?? { noAssessment: 'block', pendingApproval: 'block' },
      services: p.policy.services.map((svc) => ({ id: svc.id, label: svc.label, meetingLinkPatterns: svc.meetingLinkPatterns ?? [] })),
    };
  });

  app.get('/api/policy/draft', { config: roles('PolicyAdmin'), schema: { querystring: s.emptyQuery } }, async (_req, reply) => {
    const draft = await policies.draft();
    reply.header('etag', draft.etag);
    return draft;
  });

  app.put('/api/policy/draft', { config: roles('PolicyAdmin'), schema: { body: s.policyBody, querystring: s.emptyQuery } }, async (req, reply) => {
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string' || ifMatch.length === 0) throw new HttpError(428, 'if-match-required', 'Send the ETag of the draft you edited in the If-Match header.');
    const draft = await policies.saveDraft(requirePrincipal(req).oid, ifMatch, (req.body as { policy: unknown }).policy);
    reply.header('etag', draft.etag);
    return draft;
  });

  app.post('/api/policy/validate', { config: roles('PolicyAdmin'), schema: { body: s.policyBody, querystring: s.emptyQuery } }, async (req) => {
    const v = safeValidate((req.body as { policy: unknown }).policy, policies.today());
    return { valid: v.valid, errors: v.errors, warnings: v.warnings };
  });

  app.post('/api/policy/preview', { config: roles('PolicyAdmin'), schema: { body: s.previewBody, querystring: s.emptyQuery } }, async (req) => {
    const body = req.body as { policy?: unknown; request: { meetingTypeId: string; serviceId: string | null; needs: string[]; date: string } };
    const doc = body.policy ?? (await policies.draft()).policy;
    const v = safeValidate(doc, policies.today());
    if (!v.valid || !v.policy) throw new HttpError(400, 'policy-invalid', `The policy has ${v.errors.length} error(s): fix them to preview.`, v.errors, { warnings: v.warnings });
    try {
      return { verdict: evaluate(v.policy, body.request), warnings: v.warnings };
    } catch (err) {
      if (err instanceof EvaluationError) throw unprocessable('unknown-id', err.message, [{ path: `request.${err.field}`, message: err.message }]);
      throw err;
    }
  });

  app.post('/api/policy/publish', { config: roles('PolicyAdmin'), schema: { body: s.publishBody, querystring: s.emptyQuery } }, async (req) => {
    const body = req.body as { changeNote: string; etag: string };
    refusePersonalIdentityNumber('changeNote', body.changeNote);
    const { published, recheck } = await policies.publish(requirePrincipal(req).oid, body.etag, body.changeNote);
    return { ...published, recheck };
  });

  app.get('/api/policy/versions', { config: roles('PolicyAdmin', 'Auditor'), schema: { querystring: s.emptyQuery } }, async () => ({ versions: await policies.versions() }));

  app.get('/api/policy/versions/:number', { config: roles('PolicyAdmin', 'Auditor'), schema: { params: s.numberParam, querystring: s.emptyQuery } }, async (req) =>
    policies.version(Number((req.params as { number: string }).number)));

  app.get('/api/policy/diff', { config: roles('PolicyAdmin', 'Auditor'), schema: { querystring: s.diffQuery } }, async (req) => {
    const q = req.query as { from: string; to: string };
    const [a, b] = await Promise.all([policies.version(Number(q.from)), policies.version(Number(q.to))]);
    return { from: { version: a.version, hash: a.hash }, to: { version: b.version, hash: b.hash }, changes: diffPolicies(a.policy, b.policy) };
  });

  // --- Assessments ---
  app.post('/api/assessments', { config: roles('Caseworker'), schema: { body: s.assessmentInput, querystring: s.emptyQuery } }, async (req, reply) => {
    const created = await assessments.create(requirePrincipal(req), req.body as AssessmentInput);
    return reply.status(201).header('location', `/api/assessments/${created.id}`).send(created);
  });

  app.get('/api/assessments', { config: { access: { roles: ['Caseworker', 'Manager', 'Auditor'] } }, schema: { querystring: s.listQuery } }, async (req) => {
    const q = req.query as { scope?: 'mine' | 'approvals' | 'all'; limit?: string };
    return { assessments: await assessments.list(requirePrincipal(req), q.scope ?? 'mine', q.limit ? Number(q.limit) : 100) };
  });

  app.get('/api/assessments/by-meeting', { config: { access: { roles: ANY } }, schema: { querystring: s.byMeetingQuery } }, async (req) =>
    assessments.byMeeting(requirePrincipal(req), req.query as { eventId?: string; teamsMeetingId?: string; joinUrlHash?: string; teamsChatId?: string }));

  app.get('/api/assessments/:id', { config: { access: { roles: ['Caseworker', 'Manager', 'Auditor'] } }, schema: { params: s.uuidParam, querystring: s.emptyQuery } }, async (req) =>
    assessments.get(requirePrincipal(req), (req.params as { id: string }).id));

  app.get('/api/assessments/:id/status', { config: { access: { roles: ['Caseworker', 'Manager', 'Auditor'] } }, schema: { params: s.uuidParam, querystring: s.emptyQuery } }, async (req) =>
    assessments.status(requirePrincipal(req), (req.params as { id: string }).id));

  app.put('/api/assessments/:id', { config: roles('Caseworker'), schema: { params: s.uuidParam, body: s.assessmentRevise, querystring: s.emptyQuery } }, async (req) => {
    const { revision, ...input } = req.body as AssessmentInput & { revision: number };
    return assessments.revise(requirePrincipal(req), (req.params as { id: string }).id, revision, input);
  });

  app.post('/api/assessments/:id/submit', { config: roles('Caseworker'), schema: { params: s.uuidParam, body: s.optionalRevision, querystring: s.emptyQuery } }, async (req) =>
    assessments.submit(requirePrincipal(req), (req.params as { id: string }).id, (req.body as { revision?: number } | null)?.revision));

  app.post('/api/assessments/:id/withdraw', { config: roles('Caseworker'), schema: { params: s.uuidParam, body: s.optionalRevision, querystring: s.emptyQuery } }, async (req) =>
    assessments.withdraw(requirePrincipal(req), (req.params as { id: string }).id, (req.body as { revision?: number } | null)?.revision));

  app.post('/api/assessments/:id/decision', { config: roles('Manager'), schema: { params: s.uuidParam, body: s.decisionBody, querystring: s.emptyQuery } }, async (req) =>
    assessments.decide(requirePrincipal(req), (req.params as { id: string }).id, req.body as { revision: number; outcome: 'approved' | 'rejected'; comment?: string }));

  app.post('/api/assessments/:id/checklist', { config: roles('Caseworker'), schema: { params: s.uuidParam, body: s.checklistBody, querystring: s.emptyQuery } }, async (req) =>
    assessments.confirmChecklist(requirePrincipal(req), (req.params as { id: string }).id, req.body as { itemId: string; confirmed: boolean }));

  app.post('/api/assessments/:id/identity-checks', { config: roles('Caseworker'), schema: { params: s.uuidParam, body: s.identityBody, querystring: s.emptyQuery } }, async (req) =>
    assessments.recordIdentityCheck(requirePrincipal(req), (req.params as { id: string }).id, req.body as { methodId: string; counterpart: number }));

  // --- Audit ---
  app.get('/api/audit/verify', { config: roles('Auditor'), schema: { querystring: s.emptyQuery } }, async () => verifyChain(store.db));

  app.get('/api/audit', { config: roles('Auditor'), schema: { querystring: s.auditQuery } }, async (req) => {
    const q = req.query as { entity?: string; actor?: string; from?: string; to?: string; limit?: string };
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to)) throw badRequest('invalid-range', '"from" is after "to".');
    let query = store.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(q.limit ? Number(q.limit) : 200);
    if (q.entity) query = query.where('entity_id', '=', q.entity);
    if (q.actor) query = query.where('actor', '=', q.actor);
    if (q.from) query = query.where('at', '>=', new Date(q.from));
    if (q.to) query = query.where('at', '<=', new Date(q.to));
    const rows = await query.execute();
    return {
      events: rows.map((r) => ({ seq: Number(r.seq), at: r.at.toISOString(), actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, stateDigest: r.state_digest, hash: r.hash })),
    };
  });

  await registerAccountabilityRoutes(app, deps);

  // --- Development sign-in: registered only with MOTESCHECK_DEV (main.ts creates devIssuer only then) ---
  const devIssuer = deps.devIssuer;
  if (deps.config.dev && devIssuer) {
    app.get('/api/dev/users', { config: { access: 'public' }, schema: { querystring: s.emptyQuery, security: [] } }, async () => ({
      users: DEV_USERS.map((u) => ({ userId: u.userId, oid: u.oid, name: u.name, roles: u.roles })),
    }));
    app.post('/api/dev/token', { config: { access: 'public' }, schema: { body: s.devTokenBody, querystring: s.emptyQuery, security: [] } }, async (req) => {
      const { userId } = req.body as { userId: string };
      const token = await devIssuer.sign(userId);
      if (!token) throw badRequest('unknown-user', `No demo user "${userId}": see GET /api/dev/users.`);
      return { token, tokenType: 'Bearer', expiresIn: 3600 };
    });
  }
}
