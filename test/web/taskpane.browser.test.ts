// The built pane (dist/web) in headless Chromium, standalone host, fake API: an allowed and a
// not-allowed meeting, screenshots for docs/outlook, and axe-core with no serious or critical issue.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { examplePolicy } from '../../src/policy/example';
import { stockholmDate } from '../../src/policy/dates';
import { launchChromium, OFFICE_JS } from './browser';
import { createFakeBackend, type FakeBackend } from './fakeBackend';
import { serveFake } from './fakeServer';

const ROOT = resolve(__dirname, '../..');
let browser: Browser;
let server: Server;
let baseUrl: string;
let backend: FakeBackend;

beforeAll(async () => {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  backend = createFakeBackend(examplePolicy(stockholmDate(new Date())));
  ({ server, url: baseUrl } = await serveFake(resolve(ROOT, 'dist/web'), backend));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

async function openPane(lang = 'sv-SE', meeting = 'demo'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1500 }, locale: lang, timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.route(OFFICE_JS, (route) => route.abort());
  const link = encodeURIComponent(`https://teams.microsoft.com/l/meetup-join/19%3ameeting_${meeting}%40thread.v2/0`);
  await page.goto(`${baseUrl}/outlook/taskpane.html?lang=${lang}&link=${link}`);
  await page.getByLabel(lang.startsWith('sv') ? 'Typ av möte' : 'Type of meeting').waitFor();
  return page;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the task pane in Chromium (standalone host)', () => {
  it('recognises Teams from the link, shows an allowed meeting and records it', async () => {
    const page = await openPane();
    await page.getByLabel('Typ av möte').selectOption('uppfoljningssamtal');
    await page.getByText('Digitalt möte är tillåtet').waitFor();
    expect(await page.getByLabel('Tjänst för mötet').inputValue()).toBe('microsoft-teams');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(ROOT, 'docs/outlook/taskpane-allowed.png'), fullPage: true });

    await page.getByRole('button', { name: 'Registrera kontrollen' }).click();
    await page.getByText('Klar – chefens godkännande behövs inte').waitFor();
    const stored = [...backend.assessments.values()].at(-1)!;
    expect(stored).toMatchObject({ meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', status: 'ready' });
    expect(JSON.stringify(stored)).not.toMatch(/teams\.microsoft\.com|example\.org|Uppföljning</);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a meeting that may not be digital, with its reasons, and keeps the submit closed', async () => {
    const page = await openPane('sv-SE', 'child');
    await page.getByLabel('Typ av möte').selectOption('utredningssamtal-barn');
    await page.getByLabel('Risk att påverkas eller höras av andra i hemmet').check();
    await page.getByText('Digitalt möte är inte tillåtet').waitFor();
    expect(await page.getByRole('button', { name: 'Skicka till chef för godkännande' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(ROOT, 'docs/outlook/taskpane-not-allowed.png'), fullPage: true });
    await page.context().close();
  });

  it('runs in English from the host\'s display language, with no serious accessibility issue', async () => {
    const page = await openPane('en-GB', 'english');
    await page.getByLabel('Type of meeting').selectOption('utredningssamtal-vuxen');
    await page.getByText('A digital meeting is allowed under a deviation decision').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
