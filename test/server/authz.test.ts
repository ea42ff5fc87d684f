// The authorization matrix: every route the server registers × every demo user (owner and other
// caseworker, designated and other manager, policy admin, auditor, a user without roles), plus every
// token fault. A route the table does not know fails the test, so no endpoint can be forgotten.
import { issuerFor } from '../../src/server/auth/tokens';
import { DEV_CLIENT_ID, DEV_TENANT_ID, devUser } from '../../src/server/auth/devUsers';
import { ENGINES, engineContext, meetingInput, testServer, type EngineContext, type TestServer } from './helpers/harness';
import { client } from './helpers/http';

type User = 'caseworker' | 'caseworker2' | 'manager' | 'manager2' | 'policyadmin' | 'auditor' | 'norole';
const USERS: User[] = ['caseworker', 'caseworker2', 'manager', 'manager2', 'policyadmin', 'auditor', 'norole'];
const SIGNED_IN_WITH_ROLE: User[] = ['caseworker', 'caseworker2', 'manager', 'manager2', 'policyadmin', 'auditor'];

type Seed = 'draft' | 'ready' | 'awaiting';
interface Case { url: string; body?: unknown; headers?: Record<string, string> }
interface Spec {
  /** Who is allowed (a 2xx answer); everyone else gets 401/403. 'public' also allows no token at all. */
  allow: User[] | 'public';
  /** Only the role gate is asserted for allowed users (not 401/403, no 5xx); see ROLE_GATE_ONLY. */
  roleGateOnly?: boolean;
  build(h: { seed(kind: Seed): Promise<{ id: string; revision: number }>; draftEtag(): Promise<string>; draftPolicy(): Promise<unknown> }): Promise<Case>;
}

const OTHER_TENANT = 'e0000000-0000-4000-8000-00000000e001';

const SPECS: Record<string, Spec> = {
  'GET /api/health': { allow: 'public', build: async () => ({ url: '/api/health' }) },
  'GET /api/docs': { allow: 'public', build: async () => ({ url: '/api/docs' }) },
  'GET /api/docs/static/*': { allow: 'public', build: async () => ({ url: '/api/docs/static/index.css' }) },
  'GET /api/docs/static/index.html': { allow: 'public', build: async () => ({ url: '/api/docs/static/index.html' }) },
  'GET /api/docs/static/swagger-initializer.js': { allow: 'public', build: async () => ({ url: '/api/docs/static/swagger-initializer.js' }) },
  'HEAD /api/docs/static/*': { allow: 'public', build: async () => ({ url: '/api/docs/static/index.css' }) },
  'GET /api/docs/json': { allow: 'public', build: async () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { allow: 'public', build: async () => ({ url: '/api/docs/yaml' }) },
  'GET /api/dev/users': { allow: 'public', build: async () => ({ url: '/api/dev/users' }) },
  'POST /api/dev/token': { allow: 'public', build: async () => ({ url: '/api/dev/token', body: { userId: 'caseworker' } }) },
  'GET /api/me': { allow: SIGNED_IN_WITH_ROLE, build: async () => ({ url: '/api/me' }) },
  'GET /api/policy': { allow: SIGNED_IN_WITH_ROLE, build: async () => ({ url: '/api/policy' }) },
  'GET /api/onsend-settings': { allow: SIGNED_IN_WITH_ROLE, build: async () => ({ url: '/api/onsend-settings' }) },
  'GET /api/policy/draft': { allow: ['policyadmin'], build: async () => ({ url: '/api/policy/draft' }) },
  'PUT /api/policy/draft': { allow: ['policyadmin'], build: async (h) => ({ url: '/api/policy/draft', body: { policy: await h.draftPolicy() }, headers: { 'if-match': await h.draftEtag() } }) },
  'POST /api/policy/validate': { allow: ['policyadmin'], build: async () => ({ url: '/api/policy/validate', body: { policy: {} } }) },
  'POST /api/policy/preview': { allow: ['policyadmin'], build: async () => ({ url: '/api/policy/preview', body: { request: { meetingTypeId: 'uppfoljningssamtal', serviceId: null, needs: [], date: '2026-03-10' } } }) },
  'POST /api/policy/publish': { allow: ['policyadmin'], build: async (h) => ({ url: '/api/policy/publish', body: { etag: await h.draftEtag(), changeNote: 'Ompublicering' } }) },
  'GET /api/policy/versions': { allow: ['policyadmin', 'auditor'], build: async () => ({ url: '/api/policy/versions' }) },
  'GET /api/policy/versions/:number': { allow: ['policyadmin', 'auditor'], build: async () => ({ url: '/api/policy/versions/1' }) },
  'GET /api/policy/diff': { allow: ['policyadmin', 'auditor'], build: async () => ({ url: '/api/policy/diff?from=1&to=1' }) },
  'POST /api/assessments': { allow: ['caseworker', 'caseworker2'], build: async () => ({ url: '/api/assessments', body: meetingInput() }) },
  'GET /api/assessments': { allow: ['caseworker', 'caseworker2'], build: async () => ({ url: '/api/assessments?scope=mine' }) },
  'GET /api/assessments/by-meeting': { allow: SIGNED_IN_WITH_ROLE, build: async (h) => { await h.seed('draft'); return { url: '/api/assessments/by-meeting?eventId=authz-event' }; } },
  'GET /api/assessments/:id': { allow: ['caseworker', 'manager', 'auditor'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('awaiting')).id}` }) },
  'GET /api/assessments/:id/status': { allow: ['caseworker', 'manager', 'auditor'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('awaiting')).id}/status` }) },
  'PUT /api/assessments/:id': { allow: ['caseworker'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('draft')).id}`, body: { ...meetingInput({ needs: ['tolk'] }), revision: 1 } }) },
  'POST /api/assessments/:id/submit': { allow: ['caseworker'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('draft')).id}/submit`, body: {} }) },
  'POST /api/assessments/:id/withdraw': { allow: ['caseworker'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('draft')).id}/withdraw`, body: {} }) },
  'POST /api/assessments/:id/decision': { allow: ['manager'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('awaiting')).id}/decision`, body: { revision: 1, outcome: 'approved' } }) },
  'POST /api/assessments/:id/checklist': { allow: ['caseworker'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('ready')).id}/checklist`, body: { itemId: 'horlurar', confirmed: true } }) },
  'POST /api/assessments/:id/identity-checks': { allow: ['caseworker'], build: async (h) => ({ url: `/api/assessments/${(await h.seed('ready')).id}/identity-checks`, body: { methodId: 'bankid', counterpart: 1 } }) },
  'GET /api/audit/verify': { allow: ['auditor'], build: async () => ({ url: '/api/audit/verify' }) },
  'GET /api/audit': { allow: ['auditor'], build: async () => ({ url: '/api/audit?limit=5' }) },
};

/**
 * Routes of later issues (reports, records, incidents) checked at the role gate only: users without
 * the roles get 403 and every token fault 401. Their own suites cover owner/other; move a route up to
 * SPECS when its full matrix is written here.
 */
const ROLE_GATE_ONLY: Record<string, { roles: User[]; url: string; body?: unknown }> = {
  'GET /api/reports': { roles: ['auditor'], url: '/api/reports' },
  'GET /api/reports/:report': { roles: ['auditor'], url: '/api/reports/decisions' },
  'GET /api/review-reminders': { roles: ['policyadmin', 'auditor'], url: '/api/review-reminders' },
  'GET /api/records/:id': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/records/00000000-0000-4000-8000-000000000000' },
  'POST /api/incidents': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/incidents', body: {} },
  'GET /api/incidents': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/incidents' },
  'GET /api/incidents/:id': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/incidents/00000000-0000-4000-8000-000000000000' },
  'PATCH /api/incidents/:id': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/incidents/00000000-0000-4000-8000-000000000000', body: {} },
  'POST /api/incidents/:id/status': { roles: ['caseworker', 'caseworker2', 'manager', 'manager2', 'auditor'], url: '/api/incidents/00000000-0000-4000-8000-000000000000/status', body: {} },
};
for (const [key, g] of Object.entries(ROLE_GATE_ONLY)) {
  SPECS[key] = { allow: g.roles, roleGateOnly: true, build: async () => ({ url: g.url, ...(g.body !== undefined ? { body: g.body } : {}) }) };
}

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let ctx: EngineContext;
  let s: TestServer;
  let tokens: Record<string, string>;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    ctx = await engineContext(engine);
    s = await testServer(await ctx.newStore());
    call = client(s);
    tokens = {};
    for (const u of USERS) {
      tokens[u] = u === 'norole'
        ? await s.issuer.signClaims({ iss: issuerFor(DEV_TENANT_ID), aud: DEV_CLIENT_ID, tid: DEV_TENANT_ID, oid: 'd0000000-0000-4000-8000-000000000999', roles: [] })
        : (await s.issuer.sign(u))!;
    }
  });
  afterAll(async () => {
    await s.close();
    await ctx.close();
  });

  const helpers = {
    async seed(kind: Seed) {
      const needs = kind === 'awaiting' ? ['barn-deltar'] : [];
      const a = await call('POST', '/api/assessments', 'caseworker', meetingInput({ needs, meeting: { eventId: 'authz-event' } }));
      if (kind !== 'draft') await call('POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
      return { id: a.body.id as string, revision: 1 };
    },
    async draftPolicy() {
      return (await call('GET', '/api/policy/draft', 'policyadmin')).body.policy as unknown;
    },
    async draftEtag() {
      return (await call('GET', '/api/policy/draft', 'policyadmin')).body.etag as string;
    },
  };

  async function send(method: string, c: Case, token: string | undefined) {
    const headers: Record<string, string> = { ...c.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const res = await s.app.inject({ method: method as 'GET', url: c.url, headers, ...(c.body !== undefined ? { payload: c.body as object } : {}) });
    return res;
  }

  it('outside /api serves only public pages and files, and development stand-ins (/dev/) only in development mode', async () => {
    const outside = s.app.routeTable.filter((r) => !r.url.startsWith('/api/'));
    for (const r of outside) {
      expect([`${r.method} ${r.url}`, r.access]).toEqual([`${r.method} ${r.url}`, 'public']);
      if (!r.url.startsWith('/dev/')) expect(['GET', 'HEAD']).toContain(r.method);
    }
    const prod = await testServer(await ctx.newStore(), { config: { dev: false } });
    try {
      expect(prod.app.routeTable.filter((r) => r.url.startsWith('/dev/') || r.url.startsWith('/api/dev/'))).toEqual([]);
    } finally {
      await prod.close();
    }
  });

  it('knows every /api route the server registers (a new endpoint must be added to this table)', () => {
    const registered = s.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in SPECS))).toEqual([]);
    expect(Object.keys(SPECS).filter((k) => !registered.includes(k))).toEqual([]);
    // Public routes in the server agree with the table.
    for (const r of s.app.routeTable.filter((x) => x.url.startsWith('/api/'))) expect([`${r.method} ${r.url}`, r.access === 'public']).toEqual([`${r.method} ${r.url}`, SPECS[`${r.method} ${r.url}`]!.allow === 'public']);
  });

  it('allows exactly the expected users on every route, owner and other record alike', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const r of s.app.routeTable.filter((x) => x.url.startsWith('/api/'))) {
      const key = `${r.method} ${r.url}`;
      const spec = SPECS[key]!;
      const callers: (User | 'anonymous')[] = spec.allow === 'public' ? ['anonymous', ...USERS] : USERS;
      for (const user of callers) {
        const c = await spec.build(helpers);
        const res = await send(r.method, c, user === 'anonymous' ? undefined : tokens[user]);
        const allowed = spec.allow === 'public' || (spec.allow as User[]).includes(user as User);
        const ok = !allowed ? res.statusCode === 403
          : spec.roleGateOnly ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500
            : res.statusCode >= 200 && res.statusCode < 400;
        if (!ok) unexpected.push(`${key} as ${user}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (!allowed && res.statusCode < 400) unexpected.push(`UNEXPECTED ALLOW ${key} as ${user}`);
        checked++;
      }
    }
    expect(unexpected).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('tells a participant without access only that a check exists, not what it holds', async () => {
    await helpers.seed('awaiting');
    for (const user of ['caseworker2', 'manager2', 'policyadmin'] as const) {
      const res = await call('GET', '/api/assessments/by-meeting?eventId=authz-event', user);
      expect(Object.keys(res.body).sort()).toEqual(['complete', 'exists']);
    }
  });

  it('refuses every token fault on every protected route with 401 and the fault named', async () => {
    const now = Math.floor(s.clock.now().getTime() / 1000);
    const base = { iss: issuerFor(DEV_TENANT_ID), aud: DEV_CLIENT_ID, tid: DEV_TENANT_ID, oid: devUser('auditor')!.oid, roles: ['Caseworker', 'Manager', 'PolicyAdmin', 'Auditor'] };
    const valid = await s.issuer.signClaims(base);
    const [h, p, sig] = valid.split('.') as [string, string, string];
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const { createDevIssuer } = await import('../../src/server/auth/devIssuer');
    const stranger = await createDevIssuer({ tenantId: DEV_TENANT_ID, clientId: DEV_CLIENT_ID, clock: s.clock });
    const faults: [string, string | undefined, string][] = [
      ['no token', undefined, 'missing-token'],
      ['expired', await s.issuer.signClaims(base, { issuedAt: now - 7200, notBefore: now - 7200, expiresAt: now - 3600 }), 'token-expired'],
      ['not yet valid', await s.issuer.signClaims(base, { notBefore: now + 3600, expiresAt: now + 7200 }), 'token-not-yet-valid'],
      ['wrong audience', await s.issuer.signClaims({ ...base, aud: 'api://another-app' }), 'wrong-audience'],
      ['wrong issuer', await s.issuer.signClaims({ ...base, iss: 'https://sts.windows.net/' + DEV_TENANT_ID + '/' }), 'wrong-issuer'],
      ['wrong tenant', await s.issuer.signClaims({ ...base, tid: OTHER_TENANT, iss: issuerFor(OTHER_TENANT) }), 'tenant-not-allowed'],
      ['bad signature', `${h}.${p}.${flipped}`, 'invalid-token'],
      ['signed by other keys', await stranger.signClaims(base), 'invalid-token'],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 'invalid-token'],
      ['HS256 with no secret', `${b64({ alg: 'HS256', typ: 'JWT' })}.${p}.${sig}`, 'invalid-token'],
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const r of s.app.routeTable.filter((x) => x.access !== 'public')) {
      const c = await SPECS[`${r.method} ${r.url}`]!.build(helpers);
      for (const [name, token, code] of faults) {
        const res = await send(r.method, c, token);
        const body = JSON.parse(res.body);
        if (res.statusCode !== 401 || body.code !== code) wrong.push(`${r.method} ${r.url} with ${name}: ${res.statusCode} ${body.code}`);
        checked++;
      }
      // The all-roles valid token passes authentication on the same request.
      expect((await send(r.method, c, valid)).statusCode).not.toBe(401);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('a token accepted once (and remembered) is refused once it expires, and a tampered copy is never taken for it', async () => {
    const now = Math.floor(s.clock.now().getTime() / 1000);
    const base = { iss: issuerFor(DEV_TENANT_ID), aud: DEV_CLIENT_ID, tid: DEV_TENANT_ID, oid: devUser('auditor')!.oid, roles: ['Auditor'] };
    const token = await s.issuer.signClaims(base, { issuedAt: now, notBefore: now, expiresAt: now + 600 });
    const c = { url: '/api/audit/verify' };
    expect((await send('GET', c, token)).statusCode).toBe(200);
    expect((await send('GET', c, token)).statusCode).toBe(200);   // from the cache of verified tokens
    const [h, p, sig] = token.split('.') as [string, string, string];
    const tampered = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(JSON.parse((await send('GET', c, tampered)).body).code).toBe('invalid-token');
    const clockBefore = s.clock.now().toISOString();
    s.clock.set(new Date((now + 600 + 31) * 1000).toISOString());
    try {
      const res = await send('GET', c, token);
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body).code).toBe('token-expired');
    } finally {
      s.clock.set(clockBefore);
    }
  });
});
