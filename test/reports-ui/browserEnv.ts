// The built Teams pages in headless Chromium against the REAL server (Fastify, PGlite, the development
// sign-in), for the accountability UI: the reports, the audit log and the records come from the
// server's own queries over a seeded municipality, so the browser tests also check that the web client
// and the routes agree. Static files from the build, /api/* handed to the server with `inject`.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { caller } from '../accountability/helpers';
import { engineContext, meetingInput, testServer, type EngineContext, type TestServer } from '../server/helpers/harness';
import { buildTeamsPages } from '../teams/build';
import { launchChromium } from '../web/browser';

export type Theme = 'light' | 'dark' | 'high-contrast';
export type Lang = 'sv' | 'en';

/** The server's clock and the browser's: two days after the seeded incidents were discovered. */
export const NOW = '2026-03-05T10:00:00.000Z';
export const MEETING = 'meeting-reports-demo';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface Seeded { deviationCheck: string; panelCheck: string }

/** A small municipality: checks in person and digital, one under a deviation, decisions, incidents. */
async function seed(s: TestServer): Promise<Seeded> {
  const call = caller(s);
  let minute = 0;
  const tick = () => s.clock.set(new Date(Date.parse('2026-03-03T08:00:00Z') + minute++ * 60_000).toISOString());
  const must = async (res: Promise<{ status: number; body: { id?: string; message?: string } }>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`seeding: expected ${status}, got ${r.status}: ${r.body?.message}`);
    return r.body;
  };
  const make = async (input: Record<string, unknown>, submit = true) => {
    tick();
    const a = await must(call('POST', '/api/assessments', 'caseworker', meetingInput(input)), 201);
    if (submit) await must(call('POST', `/api/assessments/${a.id}/submit`, 'caseworker', {}), 200);
    return a.id as string;
  };
  const MARCH = '2026-03-10T09:00:00+01:00';
  for (let i = 0; i < 3; i++) await make({ start: MARCH });
  await make({ start: '2026-03-12T13:00:00+01:00', mode: 'physical', serviceId: null });
  await make({ start: MARCH, mode: 'physical', serviceId: null, meetingTypeId: 'skyddsbedomning-barn' });
  const deviationCheck = await make({ start: MARCH, meetingTypeId: 'utredningssamtal-vuxen' });
  const second = await make({ start: '2026-03-11T10:00:00+01:00', meetingTypeId: 'utredningssamtal-vuxen' });
  const rejected = await make({ start: '2026-03-11T14:00:00+01:00', meetingTypeId: 'utredningssamtal-vuxen' });
  const panelCheck = await make({ meeting: { teamsMeetingId: MEETING }, start: '2026-03-06T09:00:00+01:00' });
  const decide = async (id: string, iso: string, outcome: 'approved' | 'rejected', comment: string) => {
    s.clock.set(iso);
    await must(call('POST', `/api/assessments/${id}/decision`, 'manager', { revision: 1, outcome, comment }), 200);
  };
  await decide(deviationCheck, '2026-03-03T10:05:00Z', 'approved', 'Godkänt. Enskilt rum och headset.');
  await decide(second, '2026-03-03T12:10:00Z', 'approved', 'Godkänt.');
  await decide(rejected, '2026-03-03T20:10:00Z', 'rejected', 'Håll mötet fysiskt: barn kan höra.');

  s.clock.set('2026-03-04T09:00:00Z');
  await must(call('POST', '/api/incidents', 'caseworker', {
    category: 'moteslanken-spreds', occurredAt: '2026-03-04T08:00:00Z', discoveredAt: '2026-03-04T08:30:00Z', mustNotifyImy: true, assessmentId: deviationCheck,
    description: 'Möteslänken skickades till fel adress.', effects: 'En utomstående kunde ha anslutit.', correctiveActions: 'Ny möteslänk skickades.',
  }), 201);
  const recorded = await must(call('POST', '/api/incidents', 'caseworker', {
    category: 'inspelning-gjordes', occurredAt: '2026-03-03T13:00:00Z', discoveredAt: '2026-03-03T15:00:00Z', mustNotifyImy: false,
    description: 'Mötet spelades in av misstag.', correctiveActions: 'Inspelningen raderades.',
  }), 201);
  await must(call('POST', `/api/incidents/${recorded.id}/status`, 'caseworker', { revision: 1, status: 'atgardad' }), 200);
  await must(call('POST', '/api/incidents', 'caseworker', {
    category: 'fel-person-inslappt', occurredAt: '2026-03-01T07:00:00Z', discoveredAt: '2026-03-01T07:30:00Z', mustNotifyImy: true,
    description: 'Fel person släpptes in i mötet från väntrummet.',
  }), 201);
  s.clock.set(NOW);
  return { deviationCheck, panelCheck };
}

export interface ReportsBrowserEnv {
  browser: Browser;
  server: TestServer;
  seeded: Seeded;
  url: string;
  context(lang: Lang): Promise<BrowserContext>;
  open(context: BrowserContext, path: string, user: string, theme: Theme, lang: Lang, ready: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startReportsBrowserEnv(): Promise<ReportsBrowserEnv> {
  const [root, browser, ctx] = await Promise.all([buildTeamsPages(), launchChromium(), engineContext('pglite') as Promise<EngineContext>]);
  const server = await testServer(await ctx.newStore());
  const seeded = await seed(server);
  const http: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type', 'accept', 'if-match']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        const answer = await server.app.inject({ method: req.method as 'GET', url: req.url ?? '/', headers, ...(chunks.length ? { payload: Buffer.concat(chunks) } : {}) });
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(answer.headers)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
        delete out['content-length'];
        delete out['transfer-encoding'];
        delete out.connection;
        res.writeHead(answer.statusCode, out);
        res.end(answer.rawPayload);
        return;
      }
      const path = normalize(join(root, url.pathname));
      if (!path.startsWith(root)) throw new Error('outside the build');
      const file = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(file);
    } catch (error) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    browser, server, seeded, url,
    async context(lang) {
      const context = await browser.newContext({ locale: lang === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm', reducedMotion: 'reduce', acceptDownloads: true });
      // The page's clock is the server's, so the 72-hour countdown reads as the server counts.
      await context.clock.setFixedTime(new Date(NOW));
      return context;
    },
    async open(context, path, user, theme, lang, ready, width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${url}/teams/${path}&user=${user}&lang=${lang === 'sv' ? 'sv-SE' : 'en-GB'}&theme=${theme}`);
      await page.getByText(ready, { exact: true }).first().waitFor({ timeout: 20_000 });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((done) => http.close(done));
      await server.close();
      await ctx.close();
    },
  };
}
