// Rapporter, the incident form and one meeting's record in headless Chromium against the real server
// (seeded municipality): axe-core in light, dark and high contrast, Swedish and English, with no
// serious or critical violation; the CSV file as the browser saves it; the server's refusal of a
// personal identity number beside its field; screenshots for docs/reports.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../teams/browserEnv';
import { MEETING, startReportsBrowserEnv, type Lang, type ReportsBrowserEnv, type Theme } from './browserEnv';

const DOCS = resolve(__dirname, '../../docs/reports');
const THEMES: Theme[] = ['light', 'dark', 'high-contrast'];
const WORDS = {
  sv: {
    theme: 'Tema', ready: 'Bedömningar per typ av möte', overview: 'Översikt', incidents: 'Incidenter', audit: 'Granskningslogg', records: 'Dokumentation per möte',
    incidentsReady: 'Alla incidenter', chainOk: /Hashkedjan är verifierad: ok \(\d+ händelser kontrollerade\)/, recordOpen: /^Öppna dokumentationen/,
    report: 'Rapportera incident', formReady: 'Rapportera en incident',
  },
  en: {
    theme: 'Theme', ready: 'Assessments by type of meeting', overview: 'Overview', incidents: 'Incidents', audit: 'Audit log', records: 'Record per meeting',
    incidentsReady: 'All incidents', chainOk: /The hash chain is verified: ok \(\d+ events checked\)/, recordOpen: /^Open the record/,
    report: 'Report an incident', formReady: 'Report an incident',
  },
} as const;

let env: ReportsBrowserEnv;

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  env = await startReportsBrowserEnv();
}, 120_000);

afterAll(() => env?.close());

async function setTheme(page: Page, lang: Lang, theme: Theme) {
  await page.getByLabel(WORDS[lang].theme, { exact: true }).selectOption(theme);
  await page.locator(`.fui-FluentProvider[data-theme="${theme}"]`).first().waitFor();
}

describe('Rapporter in the browser', () => {
  it.each(['sv', 'en'] as Lang[])('%s: every part of Rapporter has no serious or critical violation in light, dark and high contrast', async (lang) => {
    const w = WORDS[lang];
    const context = await env.context(lang);
    try {
      const page = await env.open(context, 'personal.html?tab=reports', 'auditor', 'light', lang, w.ready);
      const found: Record<string, string[]> = {};
      const views: [string, () => Promise<void>][] = [
        [w.overview, async () => { await page.getByRole('tab', { name: w.overview }).click(); await page.getByText(w.ready, { exact: true }).first().waitFor(); }],
        [w.incidents, async () => { await page.getByRole('tab', { name: w.incidents }).click(); await page.getByRole('heading', { name: w.incidentsReady }).waitFor(); }],
        ['form', async () => { await page.getByRole('button', { name: w.report }).click(); await page.getByRole('heading', { name: w.formReady }).waitFor(); }],
        [w.audit, async () => { await page.getByRole('tab', { name: w.audit }).click(); await page.getByText(w.chainOk).waitFor(); }],
        [w.records, async () => { await page.getByRole('tab', { name: w.records }).click(); await page.getByRole('button', { name: w.recordOpen }).first().waitFor(); }],
      ];
      for (const theme of THEMES) {
        await setTheme(page, lang, theme);
        for (const [name, show] of views) {
          await show();
          const violations = await seriousViolations(page);
          if (violations.length > 0) found[`${name} (${theme})`] = violations;
          if (lang === 'sv' && theme === 'light' && name === w.overview) {
            await page.getByRole('table', { name: 'Påminnelser om omprövning' }).waitFor();
            await page.screenshot({ path: resolve(DOCS, 'reports-tab.png'), fullPage: true });
          }
        }
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);

  it('saves a report as CSV (UTF-8 with BOM, the documented columns) and as JSON, from the server', async () => {
    const context = await env.context('sv');
    try {
      const page = await env.open(context, 'personal.html?tab=reports', 'auditor', 'light', 'sv', WORDS.sv.ready);
      const section = page.locator('section[data-report="assessments-by-month"]');
      const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
      expect(csv.suggestedFilename()).toBe('motescheck-assessments-by-month-2025-04-2026-03.csv');
      const text = readFileSync(await csv.path(), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).split('\r\n')[0]).toBe('month,meeting_type_id,service_id,mode,outcome,assessments,not_client_meeting');
      expect(text).toContain('2026-03,utredningssamtal-vuxen,microsoft-teams,digital,allowed-with-deviation,3,0');
      const [json] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Ladda ner JSON' }).click()]);
      expect(json.suggestedFilename()).toBe('motescheck-assessments-by-month-2025-04-2026-03.json');
      const body = JSON.parse(readFileSync(await json.path(), 'utf8')) as { report: string; columns: string[]; rows: unknown[] };
      expect(body.report).toBe('assessments-by-month');
      expect(body.columns[0]).toBe('month');
      expect(body.rows.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('opens one meeting’s printable record from the server, with its chain verified', async () => {
    const context = await env.context('sv');
    try {
      const page = await env.open(context, 'personal.html?tab=reports', 'auditor', 'light', 'sv', WORDS.sv.ready);
      await page.getByRole('tab', { name: 'Dokumentation per möte' }).click();
      // The check under a deviation decision, approved, with an incident linked to it.
      const open = page.getByRole('button', { name: /^Öppna dokumentationen för Utredningssamtal med vuxen 10 mars 2026/ });
      const [record] = await Promise.all([context.waitForEvent('page'), open.click()]);
      await record.waitForLoadState();
      await record.getByText('Dokumentation av förkontroll').first().waitFor();
      expect(await record.getByText(/Loggens hashkedja verifierad: ok/).count()).toBeGreaterThan(0);
      await record.setViewportSize({ width: 1100, height: 900 });
      await record.screenshot({ path: resolve(DOCS, 'meeting-record.png'), fullPage: true });
      // The record is the server's page; its serious and critical axe findings are listed here.
      expect(await seriousViolations(record)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the incident form in the meeting’s side panel', () => {
  it.each(['sv', 'en'] as Lang[])('%s: the server refuses a personal identity number beside the field; the form passes axe in every theme', async (lang) => {
    const context = await env.context(lang);
    try {
      const w = WORDS[lang];
      const page = await env.open(context, `meeting.html?meeting=${MEETING}`, 'caseworker', 'light', lang, w.report, 420);
      await page.getByRole('button', { name: w.report }).click();
      const sv = lang === 'sv';
      await page.getByLabel(sv ? 'Vad har hänt? (kategori)' : 'What happened? (category)').selectOption('obehorig-horde-eller-sag');
      await page.getByLabel(sv ? 'När hände det?' : 'When did it happen?').fill('2026-03-05T08:00');
      await page.getByLabel(sv ? 'När upptäcktes det?' : 'When was it discovered?').fill('2026-03-05T08:30');
      await page.getByLabel(sv ? 'Beskriv vad som hände' : 'Describe what happened').fill(sv ? 'En anhörig satt bredvid klienten utan att det var avtalat.' : 'A relative sat next to the client without it being agreed.');
      const effects = page.getByLabel(sv ? 'Följder' : 'Effects', { exact: true });
      await effects.fill(sv ? 'Anhörig hörde uppgifter om 19121212-1212.' : 'A relative heard details about 19121212-1212.');
      await page.getByRole('checkbox', { name: sv ? 'Ska anmälas till IMY' : 'Must be notified to IMY' }).check();
      await page.getByText(sv ? '69 tim 30 min kvar' : '69 h 30 min left').waitFor();
      await page.getByRole('button', { name: sv ? 'Registrera incidenten' : 'Register the incident' }).click();
      await page.getByText(sv ? 'Fältet ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det.' : 'The field looks as if it holds a personal identity or coordination number. Remove it.').waitFor();
      expect(await effects.getAttribute('aria-invalid')).toBe('true');
      if (sv) await page.getByRole('form', { name: 'Rapportera en incident' }).screenshot({ path: resolve(DOCS, 'incident-form.png') });

      const found: Record<string, string[]> = {};
      for (const theme of THEMES) {
        await setTheme(page, lang, theme);
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[theme] = violations;
      }
      expect(found).toEqual({});

      await effects.fill(sv ? 'En anhörig hörde delar av samtalet.' : 'A relative heard part of the conversation.');
      await page.getByRole('button', { name: sv ? 'Registrera incidenten' : 'Register the incident' }).click();
      await page.getByText(sv ? 'Incidenten är registrerad.' : 'The incident is registered.').waitFor();
      await page.getByText(sv ? '69 tim 30 min kvar' : '69 h 30 min left').waitFor();
      const listed = await env.server.app.inject({ method: 'GET', url: '/api/incidents?scope=all', headers: { authorization: `Bearer ${await env.server.token('auditor')}` } });
      const incident = (JSON.parse(listed.body) as { incidents: { description: string; assessmentId: string | null; notification: { deadline: string } }[] }).incidents
        .find((i) => i.description.startsWith(sv ? 'En anhörig' : 'A relative'));
      expect(incident).toMatchObject({ assessmentId: env.seeded.panelCheck, notification: { deadline: '2026-03-08T07:30:00.000Z' } });
    } finally {
      await context.close();
    }
  }, 90_000);
});
