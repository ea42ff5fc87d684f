// Builds the real server over either engine for integration tests. PGlite databases come from a
// snapshot (dumpDataDir) of a migrated, initialised database, so a test pays ~0.5 s instead of ~3.5 s;
// PostgreSQL databases are copies of a template database on a throw-away server.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app';
import { configApproverResolver } from '../../../src/server/approvers';
import { createDevIssuer, type DevIssuer } from '../../../src/server/auth/devIssuer';
import { DEV_CLIENT_ID, DEV_TENANT_ID, devApproverConfig, devUser } from '../../../src/server/auth/devUsers';
import { loadConfig, type Config } from '../../../src/server/config';
import type { Clock, MeetingChats } from '../../../src/server/deps';
import { PolicyService } from '../../../src/server/services/policy';
import { MIGRATIONS_DIR, migrate, openPgliteStore, openPostgresStore, type Store } from '../../../src/server/store/store';
import { startPostgres, type PostgresServer } from './postgres';

export type EngineName = 'pglite' | 'postgres';
export const ENGINES: EngineName[] = ['pglite', 'postgres'];

/** The databases are initialised (example policy published) at this instant. */
export const INIT_TIME = '2026-03-02T08:00:00.000Z';

export class TestClock implements Clock {
  constructor(private t: number = Date.parse(INIT_TIME)) {}
  now(): Date { return new Date(this.t); }
  set(iso: string): void { this.t = Date.parse(iso); }
  advanceDays(days: number): void { this.t += days * 86_400_000; }
}

async function initialise(store: Store): Promise<void> {
  await migrate(store);
  await new PolicyService(store.db, new TestClock()).initialize();
}

function migrationsHash(): string {
  const h = createHash('sha256').update(INIT_TIME);
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

/** The snapshot is cached on disk across test files and runs (keyed by the migrations). */
export async function pgliteSnapshot(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `motescheck-test-pglite-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const store = await openPgliteStore();
    await initialise(store);
    const blob = await store.dumpDataDir!();
    await store.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

export interface EngineContext {
  engine: EngineName;
  newStore(): Promise<Store>;
  /** The PostgreSQL server (postgres engine only). */
  pg?: PostgresServer;
  close(): Promise<void>;
}

export async function engineContext(engine: EngineName): Promise<EngineContext> {
  if (engine === 'pglite') {
    const blob = await pgliteSnapshot();
    return { engine, newStore: () => openPgliteStore({ loadDataDir: blob }), close: async () => undefined };
  }
  const pg = await startPostgres();
  const admin = await openPostgresStore(pg.url(), { max: 2 });
  await admin.session((exec) => exec('CREATE DATABASE mc_template'));
  const template = await openPostgresStore(pg.url('mc_template'), { max: 2 });
  await initialise(template);
  await template.close();
  let n = 0;
  return {
    engine,
    pg,
    async newStore() {
      const name = `mc_${++n}`;
      await admin.session((exec) => exec(`CREATE DATABASE ${name} TEMPLATE mc_template`));
      return openPostgresStore(pg.url(name));
    },
    async close() {
      await admin.close();
      pg.stop();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ MOTESCHECK_DEV: 'true', NODE_ENV: 'test', RATE_LIMIT_MAX: '1000000' });
  return { ...base, approvers: devApproverConfig(), ...overrides };
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
  issuer: DevIssuer;
  config: Config;
  /** A valid token for a demo user (caseworker, caseworker2, manager, manager2, policyadmin, auditor). */
  token(userId: string): Promise<string>;
  oid(userId: string): string;
  close(): Promise<void>;
}

export async function testServer(store: Store, options: { config?: Partial<Config>; clock?: TestClock; meetingChats?: MeetingChats } = {}): Promise<TestServer> {
  const clock = options.clock ?? new TestClock();
  const config = testConfig(options.config);
  const issuer = await createDevIssuer({ tenantId: DEV_TENANT_ID, clientId: DEV_CLIENT_ID, clock });
  const app = await buildServer({ config, store, clock, approvers: configApproverResolver(config.approvers), keys: issuer.keys, logger: false, devIssuer: issuer, ...(options.meetingChats ? { meetingChats: options.meetingChats } : {}) });
  await app.ready();
  return {
    app, store, clock, issuer, config,
    async token(userId) {
      const t = await issuer.sign(userId);
      if (!t) throw new Error(`no demo user ${userId}`);
      return t;
    },
    oid: (userId) => devUser(userId)!.oid,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A meeting on a given Stockholm date, as the clients send it. */
export function meetingInput(overrides: Record<string, unknown> = {}) {
  return {
    meeting: { eventId: `evt-${Math.random().toString(36).slice(2)}` },
    start: '2026-03-10T09:00:00+01:00',
    mode: 'digital',
    meetingTypeId: 'uppfoljningssamtal',
    serviceId: 'microsoft-teams',
    needs: [],
    ...overrides,
  };
}
