// The development conveniences (local issuer, demo users, the Graph and Bot Connector stand-in, the
// start page) exist only with the explicit development setting, never because NODE_ENV is missing, and
// are refused outright with NODE_ENV=production.
import { buildServer } from '../../src/server/app';
import { configApproverResolver } from '../../src/server/approvers';
import { createDevIssuer } from '../../src/server/auth/devIssuer';
import { DEV_CLIENT_ID, DEV_TENANT_ID, devUser } from '../../src/server/auth/devUsers';
import { ConfigError, loadConfig, type Config } from '../../src/server/config';
import { openPgliteStore } from '../../src/server/store/store';
import { engineContext, testServer, TestClock, type TestServer } from '../server/helpers/harness';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => p.setting);
    throw e;
  }
  return [];
}

describe('the development setting', () => {
  it('is off when unset, whatever NODE_ENV says (a missing NODE_ENV switches nothing on)', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }] as Record<string, string>[]) {
      expect(problemsOf(env)).toEqual(expect.arrayContaining(['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID']));
      expect(loadConfig({ ...env, ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT }).dev).toBe(false);
    }
  });

  it('is refused with NODE_ENV=production, naming the setting', () => {
    expect(problemsOf({ MOTESCHECK_DEV: 'true', NODE_ENV: 'production', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT })).toContain('MOTESCHECK_DEV');
  });

  it('TLS files go together and must exist', () => {
    expect(problemsOf({ MOTESCHECK_DEV: 'true', TLS_CERT_FILE: '/nonexistent.crt' })).toContain('TLS_KEY_FILE');
    expect(problemsOf({ MOTESCHECK_DEV: 'true', TLS_CERT_FILE: '/nonexistent.crt', TLS_KEY_FILE: '/nonexistent.key' })).toEqual(['TLS_CERT_FILE', 'TLS_KEY_FILE']);
  });
});

describe('a server without the development setting', () => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let store: Awaited<ReturnType<typeof openPgliteStore>>;
  beforeAll(async () => {
    const ctx = await engineContext('pglite');
    store = await ctx.newStore();
    const config: Config = loadConfig({ ENTRA_TENANT_ID: DEV_TENANT_ID, ENTRA_CLIENT_ID: DEV_CLIENT_ID, NODE_ENV: 'production' });
    // Keys of a local issuer, so that a token it signs is well-formed: it must still get nothing here.
    const issuer = await createDevIssuer({ tenantId: DEV_TENANT_ID, clientId: DEV_CLIENT_ID, clock: new TestClock() });
    app = await buildServer({ config, store, clock: new TestClock(), approvers: configApproverResolver(config.approvers), keys: issuer.keys, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it.each([
    ['POST', '/api/dev/token'],
    ['GET', '/dev/graph/v1.0/users/d0000000-0000-4000-8000-000000000101/manager'],
    ['POST', '/dev/connector/v3/conversations/x/activities'],
    ['GET', '/dev/chats'],
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/approval.html'],
  ])('has no %s %s', async (method, url) => {
    const res = await app.inject({ method: method as 'GET' | 'POST', url, payload: method === 'POST' ? { userId: 'caseworker' } : undefined });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not-found');
  });

  it('lists no development route at all', () => {
    expect(app.routeTable.filter((r) => r.url.startsWith('/dev') || r.url.includes('/dev/'))).toEqual([]);
  });
});

describe('the Graph and Bot Connector stand-in (development only)', () => {
  let server: TestServer;
  beforeAll(async () => {
    const ctx = await engineContext('pglite');
    server = await testServer(await ctx.newStore());
  });
  afterAll(() => server.close());

  const graphToken = () => server.issuer.signClaims({ iss: 'motescheck-dev', aud: 'https://graph.microsoft.com' });

  it('refuses a call without a token signed by the local issuer, as Graph would', async () => {
    const url = `/dev/graph/v1.0/users/${devUser('caseworker')!.oid}/manager`;
    expect((await server.app.inject({ url })).statusCode).toBe(401);
    const userToken = await server.token('caseworker');   // an API token: wrong audience for Graph
    expect((await server.app.inject({ url, headers: { authorization: `Bearer ${userToken}` } })).statusCode).toBe(401);
  });

  it("answers the demo organisation's manager relations", async () => {
    const headers = { authorization: `Bearer ${await graphToken()}` };
    const res = await server.app.inject({ url: `/dev/graph/v1.0/users/${devUser('caseworker')!.oid}/manager`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(devUser('manager')!.oid);
    const none = await server.app.inject({ url: `/dev/graph/v1.0/users/${devUser('manager')!.oid}/manager`, headers });
    expect(none.statusCode).toBe(404);
  });

  it('keeps an open extension: create, conflict on a second create, update, read back in a batch', async () => {
    const headers = { authorization: `Bearer ${await graphToken()}` };
    const base = `/dev/graph/v1.0/users/${devUser('caseworker')!.oid}/events/evt-1/extensions`;
    const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'se.motescheck.check', assessmentId: 'a', revision: 1, status: 'awaiting-approval' };
    expect((await server.app.inject({ method: 'POST', url: base, headers, payload: body })).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'POST', url: base, headers, payload: body })).statusCode).toBe(409);
    expect((await server.app.inject({ method: 'PATCH', url: `${base}/se.motescheck.check`, headers, payload: { ...body, status: 'approved' } })).statusCode).toBe(204);
    const batch = await server.app.inject({
      method: 'POST', url: '/dev/graph/v1.0/$batch', headers,
      payload: { requests: [{ id: '1', method: 'GET', url: `/users/${devUser('caseworker')!.oid}/events/evt-1/extensions/se.motescheck.check` }] },
    });
    expect(batch.json().responses[0]).toMatchObject({ id: '1', status: 200, body: { status: 'approved', revision: 1 } });
  });

  it('is served by the same process in development, and says so on the start page', async () => {
    expect(server.app.routeTable.some((r) => r.url.startsWith('/dev/graph'))).toBe(true);
    expect(server.config.dev).toBe(true);
  });
});

