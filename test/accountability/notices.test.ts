// The scheduled jobs of the accountability issue and the notices they send in Teams: review reminders to
// the policy admins (art. 32.1 d) and the second line of control's findings to the caseworker and their
// manager. The whole loop runs against the development Graph and Bot Connector stand-in, through the
// product's real Graph client and Teams SDK: the sweep reads the demo calendar, the review pass reads
// who holds the PolicyAdmin role, the outbox sends the cards, and the stand-in's chats show them.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { ensureDevCertificate } from '../../scripts/devCerts';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { sql } from 'kysely';
import { DEV_SWEEP_GROUP_ID, parseIntegrationConfig } from '../../src/server/bot/config';
import { createIntegration, type Integration } from '../../src/server/bot/integration';
import { loadConfig, ConfigError } from '../../src/server/config';
import { createGraphClient } from '../../src/server/graph/client';
import { graphRoleHolders, type RoleHolders } from '../../src/server/graph/roles';
import type { Role } from '../../src/api/contract';
import { JobLeases, scheduleJob } from '../../src/server/jobs';
import { queueReviewReminders } from '../../src/server/reports/reviewNotices';
import { PolicyService } from '../../src/server/services/policy';
import { DEV_USERS } from '../../src/server/auth/devUsers';
import { engineContext, ENGINES, testServer, TestClock, type EngineContext, type TestServer } from '../server/helpers/harness';
import { caller } from './helpers';

const TEAMS_APP_ID = 'd0000000-0000-4000-8000-0000000a9901';

/** Role holders from a fixed list, as the directory would answer. */
const staticRoleHolders = (users: readonly { oid: string; roles: readonly Role[] }[]): RoleHolders => ({
  holders: async (role) => users.filter((u) => u.roles.includes(role)).map((u) => u.oid).sort(),
});

/** A production configuration's required settings (no development conveniences). */
const PRODUCTION = { NODE_ENV: 'test', ENTRA_TENANT_ID: '11111111-1111-4111-8111-111111111111', ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222' };

function settingProblems(env: Record<string, string>): { setting: string; message: string }[] {
  try {
    loadConfig({ ...PRODUCTION, ...env });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('settings of the scheduled sweep and reminders', () => {
  const bot = { BOT_APP_ID: '33333333-3333-4333-8333-333333333333', BOT_APP_SECRET: 'secret', TEAMS_APP_ID };
  const group = '44444444-4444-4444-8444-444444444444';

  it.each([
    ['a malformed domain', { ...bot, SWEEP_GROUP_ID: group, SWEEP_INTERNAL_DOMAINS: 'kommun.se, not a domain' }, 'SWEEP_INTERNAL_DOMAINS', /bad: not a domain/],
    ['a group that is not an object id', { ...bot, SWEEP_GROUP_ID: 'group-1', SWEEP_INTERNAL_DOMAINS: 'kommun.se' }, 'SWEEP_GROUP_ID', /GUID/],
    ['a sweep without Graph', { SWEEP_GROUP_ID: group, SWEEP_INTERNAL_DOMAINS: 'kommun.se' }, 'SWEEP_GROUP_ID', /through Graph/],
    ['sweep settings without a group', { ...bot, SWEEP_WINDOW_DAYS: '14' }, 'SWEEP_GROUP_ID', /need SWEEP_GROUP_ID/],
    ['a sweep every minute', { ...bot, SWEEP_GROUP_ID: group, SWEEP_INTERNAL_DOMAINS: 'kommun.se', SWEEP_INTERVAL_MINUTES: '1' }, 'SWEEP_INTERVAL_MINUTES', /at least 5/],
    ['reminders neither on nor off', { ...bot, REVIEW_REMINDERS: 'yes' }, 'REVIEW_REMINDERS', /'true' or 'false'/],
  ])('%s is refused, naming %s', (_label, env, setting, message) => {
    const problems = settingProblems(env as Record<string, string>);
    expect(problems.map((p) => p.setting)).toContain(setting);
    expect(problems.find((p) => p.setting === setting)!.message).toMatch(message);
  });

  it('reads a good sweep configuration, with defaults for the rest', () => {
    const config = loadConfig({ ...PRODUCTION, ...bot, SWEEP_GROUP_ID: group, SWEEP_INTERNAL_DOMAINS: 'Kommun.se,skola.kommun.se' });
    expect(config.integration.sweep).toEqual({ groupId: group, internalDomains: ['kommun.se', 'skola.kommun.se'], intervalMinutes: 60, windowDays: 14, notify: true });
    expect(config.integration.reviewReminders).toEqual({ enabled: true, intervalMinutes: 60 });
  });

  it("a group alone takes the policy's own domains at each run", () => {
    const config = loadConfig({ ...PRODUCTION, ...bot, SWEEP_GROUP_ID: group });
    expect(config.integration.sweep).toMatchObject({ groupId: group, internalDomains: [] });
  });

  it('is off without SWEEP_GROUP_ID in production, and on with the demo group in development with the stand-in', () => {
    expect(loadConfig({ ...PRODUCTION, ...bot }).integration.sweep).toBeNull();
    expect(loadConfig({ MOTESCHECK_DEV: 'true' }).integration.sweep).toBeNull();   // no Graph stand-in named
    expect(loadConfig({ MOTESCHECK_DEV: 'true', GRAPH_BASE_URL: 'https://localhost:3000/dev/graph' }).integration.sweep).toMatchObject({ groupId: DEV_SWEEP_GROUP_ID });
  });
});

describe.each(ENGINES)('job leases (%s)', (engine) => {
  let ctx: EngineContext;
  beforeAll(async () => { ctx = await engineContext(engine); });
  afterAll(() => ctx.close());

  it('one holder at a time; a released or run-out lease can be taken by another process', async () => {
    const store = await ctx.newStore();
    try {
      const clock = new TestClock();
      const a = new JobLeases(store.db, clock);
      const b = new JobLeases(store.db, clock);
      expect(await a.acquire('calendar-sweep', 60)).toBe(true);
      expect(await b.acquire('calendar-sweep', 60)).toBe(false);
      expect(await a.acquire('calendar-sweep', 60)).toBe(true);           // the holder may extend
      expect(await b.acquire('review-reminders', 60)).toBe(true);          // another job is independent
      await a.release('calendar-sweep');
      expect(await b.acquire('calendar-sweep', 60)).toBe(true);
      clock.set(new Date(clock.now().getTime() + 61_000).toISOString());    // b crashed: its lease runs out
      expect(await a.acquire('calendar-sweep', 60)).toBe(true);
      const parallel = await Promise.all(Array.from({ length: 10 }, () => new JobLeases(store.db, clock).acquire('contested', 60)));
      expect(parallel.filter(Boolean)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe('a scheduled job', () => {
  it('runs under its lease, logs its result, and a failure is logged without stopping the schedule', async () => {
    jest.useFakeTimers();
    const ctx = await engineContext('pglite');
    const store = await ctx.newStore();
    try {
      const logged: { level: string; obj: object; msg: string }[] = [];
      const log = { info: (obj: object, msg: string) => logged.push({ level: 'info', obj, msg }), error: (obj: object, msg: string) => logged.push({ level: 'error', obj, msg }) };
      let runs = 0;
      const timers = scheduleJob(new JobLeases(store.db, new TestClock()), { name: 'test-job', intervalMinutes: 5, leaseSeconds: 60, firstRunAfterMs: 1000 }, async () => {
        runs++;
        if (runs === 2) throw new Error('Graph is down');
        return { found: runs };
      }, log);
      await jest.advanceTimersByTimeAsync(1000);
      await jest.advanceTimersByTimeAsync(5 * 60_000);
      await jest.advanceTimersByTimeAsync(5 * 60_000);
      for (const t of timers) clearInterval(t);
      expect(runs).toBe(3);
      expect(logged.map((l) => `${l.level} ${l.msg}`)).toEqual(['info test-job done', 'error test-job failed; next run as scheduled', 'info test-job done']);
      expect(logged[0]!.obj).toMatchObject({ job: 'test-job', found: 1 });
    } finally {
      jest.useRealTimers();
      await store.close();
      await ctx.close();
    }
  });
});

describe('who holds an app role, from Graph (msw)', () => {
  const G = 'https://graph.microsoft.com/v1.0';
  const API = '22222222-2222-4222-8222-222222222222';
  const requests: string[] = [];
  const server = setupServer(
    http.get(`${G}/servicePrincipals`, ({ request }) => {
      requests.push(decodeURIComponent(request.url));
      return HttpResponse.json({ value: [{ id: 'sp-1', appRoles: [{ id: 'role-admin', value: 'PolicyAdmin' }, { id: 'role-auditor', value: 'Auditor' }] }] });
    }),
    http.get(`${G}/servicePrincipals/sp-1/appRoleAssignedTo`, ({ request }) => {
      requests.push(decodeURIComponent(request.url));
      const page2 = new URL(request.url).searchParams.get('$skiptoken');
      return HttpResponse.json(page2
        ? { value: [{ principalId: 'user-b', principalType: 'User', appRoleId: 'role-admin' }] }
        : { value: [{ principalId: 'user-a', principalType: 'User', appRoleId: 'role-admin' }, { principalId: 'user-x', principalType: 'User', appRoleId: 'role-auditor' }, { principalId: 'group-1', principalType: 'Group', appRoleId: 'role-admin' }],
          '@odata.nextLink': `${G}/servicePrincipals/sp-1/appRoleAssignedTo?$top=999&$skiptoken=2` });
    }),
    http.get(`${G}/groups/group-1/transitiveMembers/microsoft.graph.user`, () => HttpResponse.json({ value: [{ id: 'user-c' }, { id: 'user-a' }] })),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('lists users assigned directly and through groups, each once, across pages; a role nobody holds is empty', async () => {
    const roles = graphRoleHolders(createGraphClient({ baseUrl: 'https://graph.microsoft.com', token: async () => 't', maxRetries: 0, retryDelaySeconds: 0 }), API);
    expect(await roles.holders('PolicyAdmin')).toEqual(['user-a', 'user-b', 'user-c']);
    expect(await roles.holders('Auditor')).toEqual(['user-x']);
    expect(await roles.holders('Manager')).toEqual([]);
    expect(requests[0]).toContain(`$filter=appId eq '${API}'`);
  });
});

describe.each(ENGINES)('review reminders to the policy admins (%s)', (engine) => {
  let ctx: EngineContext;
  let s: TestServer;
  beforeAll(async () => {
    ctx = await engineContext(engine);
    s = await testServer(await ctx.newStore());
  });
  afterAll(async () => {
    await s.close();
    await ctx.close();
  });
  const outbox = async () => (await sql<{ recipient: string; payload: { reminders: { kind: string; id: string; state: string }[]; newKeys: string[] } }>`
    SELECT recipient, payload FROM outbox WHERE kind = 'review-reminder' ORDER BY id`.execute(s.store.db)).rows;

  it('queues one card per admin listing every reminder; the next pass queues nothing; a state change is news', async () => {
    const policies = new PolicyService(s.store.db, s.clock);
    const admins = staticRoleHolders([...DEV_USERS, { oid: 'second-admin', roles: ['PolicyAdmin'] }]);
    // The example policy (made from the first start's date) has one overdue risk analysis.
    const first = await queueReviewReminders(s.store.db, s.clock, policies, admins);
    expect(first).toEqual({ reminders: 1, admins: 2, queued: 2 });
    const rows = await outbox();
    expect(rows.map((r) => r.recipient).sort()).toEqual([s.oid('policyadmin'), 'second-admin'].sort());
    expect(rows[0]!.payload.reminders).toEqual([expect.objectContaining({ kind: 'risk-analysis-review', state: 'overdue' })]);
    expect(rows[0]!.payload.newKeys).toEqual([`risk-analysis-review:${rows[0]!.payload.reminders[0]!.id}`]);

    expect(await queueReviewReminders(s.store.db, s.clock, policies, admins)).toMatchObject({ queued: 0 });

    // 250 days on, a second service's review and the deviation's expiry come within 30 days.
    s.clock.advanceDays(250);
    const later = await queueReviewReminders(s.store.db, s.clock, policies, admins);
    expect(later.queued).toBe(2);
    const latest = (await outbox()).at(-1)!;
    expect(latest.payload.reminders.length).toBeGreaterThan(1);
    // Only what is new to the admin is marked new; the card still lists everything due.
    expect(latest.payload.newKeys).not.toContain(`risk-analysis-review:${rows[0]!.payload.reminders[0]!.id}`);
    expect(latest.payload.newKeys.length).toBe(latest.payload.reminders.length - 1);
  });

  it('no admin in the directory: nothing is queued and nothing is recorded as sent', async () => {
    const before = (await outbox()).length;
    const r = await queueReviewReminders(s.store.db, s.clock, new PolicyService(s.store.db, s.clock), staticRoleHolders([]));
    expect(r.queued).toBe(0);
    expect(r.admins).toBe(0);
    expect((await outbox()).length).toBe(before);
  });
});

describe('the whole loop in development: sweep and review reminders through the Graph and Bot Connector stand-in', () => {
  let ctx: EngineContext;
  let s: TestServer;
  let integration: Integration;
  let base: string;
  const NOW = '2026-03-02T08:00:00.000Z';

  beforeAll(async () => {
    // Graph's client sends its token only over HTTPS, so the stand-in is served as npm start serves it.
    const cert = await ensureDevCertificate(path.join(os.tmpdir(), 'motescheck-test-certs'));
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), fs.readFileSync(cert.caPath, 'utf8')]);
    ctx = await engineContext('pglite');
    s = await testServer(await ctx.newStore(), { clock: new TestClock(Date.parse(NOW)), config: { tls: { certFile: cert.certPath, keyFile: cert.keyPath } } });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `https://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const problems: { setting: string; message: string }[] = [];
    const ic = parseIntegrationConfig({ GRAPH_BASE_URL: `${base}/dev/graph`, BOT_SERVICE_URL: `${base}/dev/connector`, TEAMS_APP_ID }, true, problems);
    expect(problems).toEqual([]);
    integration = createIntegration({ config: { ...s.config, integration: ic }, store: s.store, clock: s.clock, devSigner: s.issuer });
  });
  afterAll(async () => {
    await integration.stop();
    await s.close();
    await ctx.close();
  });

  const chats = async () => ((await (await fetch(`${base}/dev/chats`)).json()) as { chats: { user: string; messages: { activity: { attachments: { content: { body: unknown[] } }[] } }[] }[] }).chats;
  const texts = (card: unknown) => JSON.stringify(card);

  it('the sweep finds the demo caseworker’s unchecked client meeting and tells them and their manager, once', async () => {
    const stats = await integration.sweep!.run();
    expect(stats).toMatchObject({ users: 2, clientMeetings: 1, findings: 1, notices: 2, failedUsers: [] });
    expect(await integration.worker!.drain()).toMatchObject({ done: 2, retried: 0, flagged: 0 });
    const byUser = new Map((await chats()).map((c) => [c.user, c.messages]));
    const caseworkerCard = texts(byUser.get('caseworker')![0]!.activity.attachments[0]!.content);
    const managerCard = texts(byUser.get('manager')![0]!.activity.attachments[0]!.content);
    expect(caseworkerCard).toMatch(/mötescheck/i);
    expect(managerCard).toContain('Demo Handläggare 1');
    // Never the meeting's attendee or anything else from the event but its time.
    for (const card of [caseworkerCard, managerCard]) expect(card).not.toMatch(/example\.org|deltagare@|dev-event-unchecked|meetup-join/);

    // The auditor sees the finding in Rapporter.
    const report = await caller(s)('GET', '/api/reports/unchecked-meetings', 'auditor');
    expect(report.body.rows).toEqual([expect.objectContaining({ userId: s.oid('caseworker'), eventId: 'dev-event-unchecked', problem: 'no-check' })]);

    // The next sweep follows the delta link: nothing changed, nothing new is sent.
    expect(await integration.sweep!.run()).toMatchObject({ fullSyncs: 0, notices: 0, findings: 1 });
    expect(await integration.worker!.drain()).toMatchObject({ claimed: 0 });
  });

  it('a finding resolved before its notice goes out is not sent (superseded)', async () => {
    const caseworker = s.oid('caseworker');
    await sql`UPDATE sweep_calendars SET delta_link = NULL WHERE user_id = ${caseworker}`.execute(s.store.db);
    await sql`DELETE FROM sweep_findings`.execute(s.store.db);
    await sql`DELETE FROM outbox WHERE kind = 'sweep-finding'`.execute(s.store.db);
    expect(await integration.sweep!.run()).toMatchObject({ notices: 2 });
    await sql`DELETE FROM sweep_findings WHERE user_id = ${caseworker}`.execute(s.store.db);   // checked in the meantime
    expect(await integration.worker!.drain()).toMatchObject({ done: 0, superseded: 2 });
  });

  it('the review pass finds the policy admin by role and the card arrives in their chat', async () => {
    expect(await integration.reviewReminders!.run()).toEqual({ reminders: 1, admins: 1, queued: 1 });
    expect(await integration.worker!.drain()).toMatchObject({ done: 1, flagged: 0 });
    const admin = (await chats()).find((c) => c.user === 'policyadmin')!;
    const card = texts(admin.messages[0]!.activity.attachments[0]!.content);
    expect(card).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/settings`);
    expect(card).toContain('RA-2025-11 (exempel)');
    expect(await integration.reviewReminders!.run()).toMatchObject({ queued: 0 });
  });
});
