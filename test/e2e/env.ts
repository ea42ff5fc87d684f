// The whole product as `npm start` runs it, in-process: the server of src/server/main.ts wired the same
// way (configuration from an environment, the embedded database in a fresh data folder with the example
// policy published at first start, the local issuer, the Teams bot with the Graph and Bot Connector
// stand-in reached through the real Graph client and outbox worker), on 127.0.0.1 and a random port,
// serving the built front-ends. Chromium (Debian's) drives it.
//
// HTTPS with the development certificate, as `npm start`: the Graph SDK attaches the access token only
// to https:// URLs, so over plain HTTP the stand-in would (rightly) refuse every Graph call and no card
// would reach the manager's chat. `npm start` tells Node about the development CA with
// NODE_EXTRA_CA_CERTS, which is read only when a process starts; in-process the same is
// `tls.setDefaultCACertificates` (restored on close). The browser context ignores the unknown CA.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildServer } from '../../src/server/app';
import { createDevIssuer } from '../../src/server/auth/devIssuer';
import { createIntegration, type Integration } from '../../src/server/bot/integration';
import { loadConfig } from '../../src/server/config';
import { systemClock } from '../../src/server/deps';
import { PolicyService } from '../../src/server/services/policy';
import { acquireLock, dataDirLayout, openDataDir } from '../../src/server/store/dataDir';
import { migrate, type Store } from '../../src/server/store/store';
import { ensureDevCertificate } from '../../scripts/devCerts';
import { freePort } from '../server/helpers/spawn';
import { launchChromium, OFFICE_JS } from '../web/browser';
import { builtWeb } from './build';

export type Lang = 'sv' | 'en';

/** The manifest's development app id, as scripts/start.ts sets it. */
const DEV_TEAMS_APP_ID = 'd0000000-0000-4000-8000-00000000a001';

export interface ApiAnswer<T = Record<string, unknown>> { status: number; body: T }

export interface Product {
  url: string;
  dataDir: string;
  app: FastifyInstance;
  store: Store;
  browser: Browser;
  /** Uncaught errors of every page opened with `page()`, each with its address: a scenario ends with none. */
  pageErrors: string[];
  /** A token for a demo user from the development sign-in (POST /api/dev/token). */
  token(user: string): Promise<string>;
  /** Calls the API as a demo user with a token from the development sign-in (POST /api/dev/token). */
  api<T = Record<string, unknown>>(method: string, url: string, user: string, body?: unknown): Promise<ApiAnswer<T>>;
  context(lang?: Lang): Promise<BrowserContext>;
  /** A page whose uncaught errors are collected in `pageErrors`. */
  page(context: BrowserContext, width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startProduct(): Promise<Product> {
  const certDir = path.join(os.tmpdir(), 'motescheck-e2e-certs');
  const [webDir, browser, port, cert] = await Promise.all([builtWeb(), launchChromium(), freePort(), ensureDevCertificate(certDir)]);
  const base = `https://127.0.0.1:${port}`;
  const defaultCAs = tls.getCACertificates('default');
  tls.setDefaultCACertificates([...defaultCAs, fs.readFileSync(cert.caPath, 'utf8')]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-e2e-data-'));
  // The environment scripts/start.ts gives src/server/main.ts, over HTTP instead of HTTPS.
  const config = loadConfig({
    MOTESCHECK_DEV: 'true',
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIR: webDir,
    TLS_CERT_FILE: cert.certPath,
    TLS_KEY_FILE: cert.keyPath,
    PUBLIC_BASE_URL: base,
    GRAPH_BASE_URL: `${base}/dev/graph`,
    BOT_SERVICE_URL: `${base}/dev/connector`,
    TEAMS_APP_ID: DEV_TEAMS_APP_ID,
    OUTBOX_POLL_SECONDS: '1',
    RATE_LIMIT_MAX: '1000000',
    LOG_LEVEL: 'warn',
  });
  if (config.database.engine !== 'pglite') throw new Error('the e2e product runs on the embedded database');

  // main.ts's start-up: the data folder (locked), migrations, the example policy at first start.
  const layout = dataDirLayout(config.database.dataDir);
  const release = acquireLock(layout);
  const store = await openDataDir(layout);
  await migrate(store);
  const firstStart = await new PolicyService(store.db, systemClock).initialize();
  if (!firstStart) throw new Error('a fresh data folder should be a first start');
  const devIssuer = await createDevIssuer({ tenantId: config.entra.tenantId, clientId: config.entra.clientId, clock: systemClock });
  const integration: Integration = createIntegration({ config, store, clock: systemClock, devSigner: devIssuer });
  const app = await buildServer({
    config, store, clock: systemClock, approvers: integration.approvers, keys: devIssuer.keys, logger: { level: config.logLevel }, devIssuer,
    ...(integration.bot ? { bot: integration.bot } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  integration.start(app.log);

  const tokens = new Map<string, string>();
  const token = async (user: string) => {
    if (!tokens.has(user)) {
      const res = await fetch(`${base}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user }) });
      if (res.status !== 200) throw new Error(`dev sign-in for ${user}: HTTP ${res.status}`);
      tokens.set(user, ((await res.json()) as { token: string }).token);
    }
    return tokens.get(user)!;
  };
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    url: base, dataDir, app, store, browser, pageErrors, token,
    async api<T>(method: string, url: string, user: string, body?: unknown) {
      const headers: Record<string, string> = { authorization: `Bearer ${await token(user)}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${url}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    async context(lang: Lang = 'sv') {
      // Reduced motion: screenshots and axe see the page after, not during, Fluent's transitions.
      const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: lang === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm', reducedMotion: 'reduce' });
      await context.route(OFFICE_JS, (route) => route.abort());
      contexts.push(context);
      return context;
    },
    async page(context, width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      // The browser's keep-alive connections would hold the server's close: the browser goes first.
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await integration.stop();
      await app.close();
      await store.close();
      release();
      tls.setDefaultCACertificates(defaultCAs);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
