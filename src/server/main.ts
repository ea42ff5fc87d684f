// The server process: read the configuration, open the database (embedded PGlite in DATA_DIR, or
// PostgreSQL via DATABASE_URL), apply migrations, publish the example policy at first start, serve.
import { buildServer } from './app';
import { createDevIssuer } from './auth/devIssuer';
import { createIntegration } from './bot/integration';
import { entraKeySource } from './auth/tokens';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock } from './deps';
import { DataDirError, acquireLock, dataDirLayout, openDataDir, writeSnapshot } from './store/dataDir';
import { migrate, openPostgresStore, type Store } from './store/store';
import { PolicyService } from './services/policy';
import { dailyRecheck } from './services/recheck';
import { scheduleRetention } from './retention/jobs';

const DAY_MS = 24 * 3600_000;

async function openStore(config: Config): Promise<{ store: Store; release: () => void; snapshot?: () => Promise<string> }> {
  if (config.database.engine === 'postgres') return { store: await openPostgresStore(config.database.url), release: () => undefined };
  const layout = dataDirLayout(config.database.dataDir);
  const release = acquireLock(layout);
  try {
    const store = await openDataDir(layout, config.restoreSnapshot ? { restoreSnapshot: config.restoreSnapshot } : {});
    return { store, release, snapshot: () => writeSnapshot(store, layout, config.snapshots.keep, new Date()) };
  } catch (err) {
    release();
    throw err;
  }
}

export async function main(): Promise<void> {
  const config = loadConfig();
  const { store, release, snapshot } = await openStore(config);
  const clock = systemClock;
  await migrate(store);
  const policies = new PolicyService(store.db, clock);
  const firstStart = await policies.initialize();

  const devIssuer = config.dev ? await createDevIssuer({ tenantId: config.entra.tenantId, clientId: config.entra.clientId, clock }) : undefined;
  // The Teams bot, Graph and the outbox worker (bot/integration.ts); approvers from Graph or configuration.
  const integration = createIntegration({ config, store, clock, ...(devIssuer ? { devSigner: devIssuer } : {}) });
  const app = await buildServer({
    config, store, clock,
    approvers: integration.approvers,
    keys: devIssuer ? devIssuer.keys : entraKeySource(),
    logger: { level: config.logLevel },
    ...(devIssuer ? { devIssuer } : {}),
    ...(integration.bot ? { bot: integration.bot } : {}),
    ...(integration.meetingChats ? { meetingChats: integration.meetingChats } : {}),
  });
  if (firstStart) app.log.info('first start: published the example policy as version 1');
  if (config.dev) app.log.warn('development mode (MOTESCHECK_DEV): local token issuer and demo users are on — never use this with real data');

  const timers: NodeJS.Timeout[] = [];
  const recheck = () => dailyRecheck(store.db, clock, (db) => policies.published(db))
    .then((r) => app.log.info({ checked: r.checked, needsRecheck: r.needsRecheck.length }, 'daily recheck done'))
    .catch((err: unknown) => app.log.error({ err }, 'daily recheck failed'));
  timers.push(setInterval(recheck, DAY_MS));
  timers.push(...scheduleRetention(store.db, clock, config.retention.days, app.log));
  if (snapshot) {
    const takeSnapshot = () => snapshot().then((file) => app.log.info({ file }, 'snapshot written')).catch((err: unknown) => app.log.error({ err }, 'snapshot failed'));
    timers.push(setInterval(takeSnapshot, config.snapshots.intervalMinutes * 60_000));
    // A first snapshot right away, so a folder damaged soon after start can still be recovered.
    if (firstStart || config.restoreSnapshot) await takeSnapshot();
  }
  for (const t of timers) t.unref();
  void recheck();

  await app.listen({ port: config.port, host: config.host });
  integration.start(app.log);
  app.log.info({ engine: store.engine, rssMb: Math.round(process.memoryUsage().rss / 1e6) }, 'Mötescheck server ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    for (const t of timers) clearInterval(t);
    await integration.stop();
    await app.close();
    if (snapshot) await snapshot().catch((err: unknown) => app.log.error({ err }, 'final snapshot failed'));
    await store.close();
    release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataDirError) {
      console.error(`Mötescheck cannot start.\n${err.message}`);
    } else {
      console.error('Mötescheck cannot start:', err);
    }
    process.exit(1);
  });
}
