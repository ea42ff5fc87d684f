// The Teams pages in Chromium against the real server (PGlite, development sign-in): the manager
// approves in Att godkänna; a save that lost the race to another admin shows their draft (412); and the
// publish round trip — the policy admin raises Microsoft Teams' approved level from K2 to K3 in
// Inställningar and publishes; a new assessment of a K3 meeting in Teams, made in the meeting tab, is
// then allowed outright, where the same meeting made before rested on the deviation decision (and
// needed the manager), and the check approved earlier goes back to re-check.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../web/browser';
import { engineContext, meetingInput, testServer, type EngineContext, type TestServer } from '../server/helpers/harness';
import { client } from '../server/helpers/http';
import { buildTeamsPages } from './build';

let ctx: EngineContext;
let server: TestServer;
let http: Server;
let base: string;
let browser: Browser;
let call: ReturnType<typeof client>;

/** The built pages as files, and /api/* handed to the real server in-process (fastify.inject). */
async function serve(root: string, s: TestServer): Promise<{ server: Server; url: string }> {
  const srv = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => ['authorization', 'content-type', 'if-match', 'accept'].includes(k))) as Record<string, string>;
        const answer = await s.app.inject({ method: req.method as 'GET', url: req.url!, headers, ...(chunks.length ? { payload: Buffer.concat(chunks) } : {}) });
        res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json'), ...(answer.headers.etag ? { etag: String(answer.headers.etag) } : {}) });
        res.end(answer.rawPayload);
        return;
      }
      const path = normalize(join(root, url.pathname));
      if (!path.startsWith(root)) throw new Error('outside the build');
      const file = await readFile(path);
      res.writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
      res.end(file);
    } catch (error) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const address = srv.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server: srv, url: `http://127.0.0.1:${address.port}` };
}

beforeAll(async () => {
  const [root, chromium, context] = await Promise.all([buildTeamsPages(), launchChromium(), engineContext('pglite')]);
  browser = chromium;
  ctx = context;
  server = await testServer(await ctx.newStore());
  call = client(server);
  ({ server: http, url: base } = await serve(root, server));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => http?.close(done));
  await server?.close();
  await ctx?.close();
});

describe('against the real server', () => {
  it('the manager approves in Att godkänna through the decision endpoint the card uses', async () => {
    const created = await call('POST', '/api/assessments', 'caseworker', meetingInput({ meetingTypeId: 'utredningssamtal-vardnadshavare', meeting: { teamsMeetingId: 'rt-approve' } }));
    const submitted = await call('POST', `/api/assessments/${created.body.id}/submit`, 'caseworker', { revision: 1 });
    expect(submitted.body.status).toBe('awaiting-approval');

    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/teams/personal.html?tab=approvals&user=manager&lang=sv-SE`);
      const card = page.getByRole('article', { name: /Utredningssamtal med vårdnadshavare/ });
      await card.getByText('Digitalt möte är tillåtet med avvikelsebeslut').waitFor();
      await card.getByLabel('Kommentar').fill('Villkoren i avvikelsebeslutet följs.');
      await card.getByRole('button', { name: 'Godkänn' }).click();
      await page.getByText('Du godkände bedömningen.').waitFor();
    } finally {
      await context.close();
    }
    const decided = await call('GET', `/api/assessments/${created.body.id}`, 'caseworker');
    expect(decided.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved', revision: 1, by: server.oid('manager'), comment: 'Villkoren i avvikelsebeslutet följs.' } });
  }, 60_000);

  it('a save that lost the race shows the other admin’s saved draft (412 with the current draft)', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/teams/personal.html?tab=settings&user=policyadmin&lang=sv-SE`);
      const organization = page.getByLabel('Organisation', { exact: true });
      await organization.waitFor();
      // Another admin saves first, with the ETag both loaded.
      const draft = await call('GET', '/api/policy/draft', 'policyadmin');
      const theirs = await call('PUT', '/api/policy/draft', 'policyadmin', { policy: { ...draft.body.policy, organization: 'Kollegans kommun' } }, { 'if-match': draft.body.etag });
      expect(theirs.status).toBe(200);
      await organization.fill('Min kommun');
      await page.getByRole('button', { name: 'Spara utkast' }).click();
      await page.getByText('Någon annan har sparat utkastet').waitFor();
      await page.getByText('Kollegans kommun → Min kommun').waitFor();
      await page.getByRole('button', { name: 'Använd deras utkast (min ändring släpps)' }).click();
      expect(await organization.inputValue()).toBe('Kollegans kommun');
      // Put the example's name back for the next test, through the editor, with the new ETag.
      await organization.fill(draft.body.policy.organization);
      await page.getByRole('button', { name: 'Spara utkast' }).click();
      await page.getByText('Utkastet är sparat.').waitFor();
    } finally {
      await context.close();
    }
    expect((await call('GET', '/api/policy/draft', 'policyadmin')).body.policy.organization).not.toBe('Kollegans kommun');
  }, 60_000);


  it('raising a service’s approved level in Inställningar changes a new assessment’s verdict', async () => {
    // Before: an investigation interview (K3) in Teams (approved up to K2) rests on the deviation decision.
    const before = await call('POST', '/api/assessments', 'caseworker', meetingInput({ meetingTypeId: 'utredningssamtal-vuxen', meeting: { teamsMeetingId: 'rt-before' } }));
    expect(before.status).toBe(201);
    expect(before.body.verdict.digital).toBe('allowed-with-deviation');
    expect(before.body.verdict.coApproval.required).toBe(true);
    expect(before.body.policyNumber).toBe(1);

    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } });
    try {
      const admin = await context.newPage();
      await admin.goto(`${base}/teams/personal.html?tab=settings&user=policyadmin&lang=sv-SE`);
      await admin.getByRole('tab', { name: /^Tjänster/ }).click();
      const teams = admin.locator('fieldset[data-entry]', { has: admin.getByText('Microsoft Teams', { exact: true }) }).first();
      await teams.getByLabel('Godkänd upp till konfidentialitet (K)').selectOption('3');
      await admin.getByRole('button', { name: 'Publicera …' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByText(/Tjänster › Microsoft Teams › Godkänd upp till konfidentialitet \(K\)/).waitFor();
      await dialog.getByLabel(/Ändringsanteckning/).fill('Microsoft Teams godkänd upp till K3 efter ny riskanalys');
      await dialog.getByRole('button', { name: 'Publicera' }).click();
      const notice = admin.getByText(/^Version 2 är publicerad\. \d+ öppna bedömningar prövades mot den; \d+ skickades till omprövning\.$/);
      await notice.waitFor();
      // The check approved in the first test rested on the deviation: its verdict changes, so it goes back to the caseworker.
      const sent = Number(/(\d+) skickades/.exec((await notice.textContent()) ?? '')?.[1]);
      expect(sent).toBeGreaterThanOrEqual(1);
      const approvedEarlier = await call('GET', '/api/assessments/by-meeting?teamsMeetingId=rt-approve', 'caseworker');
      expect(approvedEarlier.body.assessment.status).toBe('needs-recheck');

      const published = await call('GET', '/api/policy', 'caseworker');
      expect(published.body.version).toBe(2);
      expect(published.body.changeNote).toBe('Microsoft Teams godkänd upp till K3 efter ny riskanalys');
      expect(published.body.policy.services.find((s: { id: string }) => s.id === 'microsoft-teams').approvedUpTo.confidentiality).toBe(3);

      // After: the caseworker makes the same kind of check for a new meeting in the meeting tab.
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 480, height: 900 });
      await panel.goto(`${base}/teams/meeting.html?meeting=rt-after&user=caseworker&lang=sv-SE`);
      await panel.getByRole('button', { name: 'Gör förkontrollen' }).click();
      await panel.getByLabel('Mötets starttid').fill('2026-03-10T10:00');
      await panel.getByLabel('Typ av möte').selectOption('utredningssamtal-vuxen');
      await panel.getByLabel('Tjänst för mötet').selectOption('microsoft-teams');
      await panel.getByText('Digitalt möte är tillåtet', { exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Registrera kontrollen' }).click();
      await panel.getByText('Vid mötets start').waitFor();

      const after = await call('GET', '/api/assessments/by-meeting?teamsMeetingId=rt-after', 'caseworker');
      expect(after.status).toBe(200);
      expect(after.body.assessment).toMatchObject({ status: 'ready', policyNumber: 2, meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams' });
      expect(after.body.assessment.verdict.digital).toBe('allowed');
      expect(after.body.assessment.verdict.deviation).toBeNull();
      expect(after.body.assessment.verdict.coApproval.required).toBe(false);
      expect(after.body.assessment.verdict.reasons.map((r: { code: string }) => r.code)).toContain('service-approved');
    } finally {
      await context.close();
    }
  }, 120_000);
});
