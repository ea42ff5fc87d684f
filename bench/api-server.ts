// The server under load for bench/api.ts, in its own process: builds the real app over PGlite (temp
// folder) or PostgreSQL (BENCH_DATABASE_URL), mints tokens for 50 distinct caseworkers with its
// development issuer, prints one JSON line {port, tokens, rssMb} and serves until killed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../src/server/app';
import { configApproverResolver } from '../src/server/approvers';
import { createDevIssuer } from '../src/server/auth/devIssuer';
import { DEV_CLIENT_ID, DEV_TENANT_ID } from '../src/server/auth/devUsers';
import { issuerFor } from '../src/server/auth/tokens';
import { loadConfig } from '../src/server/config';
import { systemClock } from '../src/server/deps';
import { PolicyService } from '../src/server/services/policy';
import { acquireLock, dataDirLayout, openDataDir } from '../src/server/store/dataDir';
import { migrate, openPostgresStore } from '../src/server/store/store';

async function run() {
  const url = process.env.BENCH_DATABASE_URL;
  const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-bench-'));
  const store = url ? await openPostgresStore(url, { max: 10 }) : await (async () => { const l = dataDirLayout(dir!); acquireLock(l); return openDataDir(l); })();
  await migrate(store);
  await new PolicyService(store.db, systemClock).initialize();
  const config = { ...loadConfig({ MOTESCHECK_DEV: 'true', RATE_LIMIT_MAX: '1000000' }) };
  const issuer = await createDevIssuer({ tenantId: DEV_TENANT_ID, clientId: DEV_CLIENT_ID, clock: systemClock });
  const app = await buildServer({ config, store, clock: systemClock, approvers: configApproverResolver(config.approvers), keys: issuer.keys, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const tokens: string[] = [];
  for (let i = 0; i < 50; i++) {
    const oid = `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    tokens.push(await issuer.signClaims({ iss: issuerFor(DEV_TENANT_ID), aud: DEV_CLIENT_ID, tid: DEV_TENANT_ID, oid, roles: ['Caseworker'] }));
  }
  const auditor = await issuer.signClaims({ iss: issuerFor(DEV_TENANT_ID), aud: DEV_CLIENT_ID, tid: DEV_TENANT_ID, oid: 'b0000000-0000-4000-8000-00000000a000', roles: ['Auditor'] });
  if (global.gc) global.gc();
  await new Promise((r) => setTimeout(r, 1000));
  const address = app.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port: address.port, tokens, auditor, rssMb: Math.round(process.memoryUsage().rss / 1e6) })}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => store.close()).then(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
void run();
