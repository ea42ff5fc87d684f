// The development card page in Chromium: built by webpack from webpack.config.js's 'approval' entry,
// served by the server in development, it renders the card with adaptivecards and posts the same
// `adaptiveCard/action` invoke as Teams — a manager approves without Microsoft 365.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import webpack from 'webpack';
import { engineContext, meetingInput, type EngineContext } from '../server/helpers/harness';
import { launchChromium } from '../cards/chromium';
import { api, botServer, type BotServer } from './helpers/botServer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;

async function buildCardPage(outDir: string): Promise<void> {
  const config = makeConfig({}, { mode: 'production' });
  const entry = config.entry as Record<string, string>;
  config.entry = { approval: entry.approval! };
  config.output = { ...config.output, path: outDir };
  config.plugins = (config.plugins ?? []).filter((p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename === 'approval.html');
  config.optimization = { ...config.optimization, minimize: false };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
}

describe('the development card page', () => {
  let ctx: EngineContext;
  let s: BotServer;
  let browser: Browser;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-cardpage-'));

  beforeAll(async () => {
    [ctx, browser] = await Promise.all([engineContext('pglite'), launchChromium(), buildCardPage(outDir)]) as [EngineContext, Browser, void];
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await ctx.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });
  let context: BrowserContext;
  beforeEach(async () => { context = await browser.newContext({ locale: 'sv-SE' }); });
  // The browser's keep-alive connections would hold the server's close: the context goes first.
  afterEach(async () => { await context.close(); await s.close(); });

  it('shows the manager the card with the buttons, and Godkänn records the decision', async () => {
    s = await botServer(await ctx.newStore(), { webDir: outDir });
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${s.baseUrl}/dev/approval`);
    await page.selectOption('select', 'manager');
    const approve = page.getByRole('button', { name: 'Godkänn', exact: true });
    await approve.click();
    // The bot answers with the decided card: no buttons any more, and who decided.
    await approve.waitFor({ state: 'detached' });
    await page.getByText('Demo Chef', { exact: true }).first().waitFor();
    const d = await s.store.db.selectFrom('decisions').selectAll().where('assessment_id', '=', a.body.id).execute();
    expect(d).toEqual([expect.objectContaining({ outcome: 'approved', decided_by: s.oid('manager') })]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('rejects with the comment typed into the card', async () => {
    s = await botServer(await ctx.newStore(), { webDir: outDir });
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    const page = await context.newPage();
    await page.goto(`${s.baseUrl}/dev/approval`);
    await page.selectOption('select', 'manager');
    await page.getByRole('button', { name: /Avslå/ }).first().click();
    await page.locator('textarea').fill('Tolk behövs på plats.');
    await page.getByRole('button', { name: 'Avslå', exact: true }).click();
    await page.getByText('Tolk behövs på plats.').first().waitFor();
    const d = await s.store.db.selectFrom('decisions').selectAll().where('assessment_id', '=', a.body.id).execute();
    expect(d).toEqual([expect.objectContaining({ outcome: 'rejected', comment: 'Tolk behövs på plats.' })]);
  }, 60_000);
});
