// The built Teams pages in headless Chromium (standalone host, in-memory API over HTTP): axe-core on
// every tab, the side panel and the configuration page, in light, dark and high contrast, Swedish and
// English, with no serious or critical violation; screenshots for docs/teams.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SETTINGS, seriousViolations, startBrowserEnv, SURFACES, type BrowserEnv, type Lang, type Theme } from './browserEnv';

const DOCS = resolve(__dirname, '../../docs/teams');
let env: BrowserEnv;

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  env = await startBrowserEnv();
}, 120_000);

afterAll(() => env?.close());

describe('axe-core on every Teams surface', () => {
  const THEMES: Theme[] = ['light', 'dark', 'high-contrast'];
  const THEME_LABEL = { sv: 'Tema', en: 'Theme' } as const;

  // Each surface opens in the light theme and is switched live to dark and high contrast, the way a
  // host's theme change reaches the page, with axe after each switch.
  it.each(['sv', 'en'] as Lang[])('%s: no serious or critical violation on any tab, the side panel or the configuration page, in light, dark and high contrast', async (lang) => {
    const context = await env.context(lang);
    try {
      const found: Record<string, string[]> = {};
      for (const surface of SURFACES) {
        const page = await env.open(context, surface, 'light', lang);
        for (const theme of THEMES) {
          if (theme !== 'light') await page.getByLabel(THEME_LABEL[lang]).selectOption(theme);
          await page.locator(`.fui-FluentProvider[data-theme="${theme}"]`).first().waitFor();
          const violations = await seriousViolations(page);
          if (violations.length > 0) found[`${surface.name} (${theme})`] = violations;
          if (theme === 'light' && lang === 'sv') await page.screenshot({ path: resolve(DOCS, `${surface.name}.png`), fullPage: surface.name !== 'installningar' });
          if (theme !== 'light' && lang === 'en' && surface.name === 'sidopanel') await page.screenshot({ path: resolve(DOCS, `sidopanel-${theme}-en.png`), fullPage: true });
          if (theme === 'dark' && lang === 'sv' && surface.name === 'mina-bedomningar') await page.screenshot({ path: resolve(DOCS, 'mina-bedomningar-dark.png') });
        }
        await page.close();
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 150_000);

  it('a page opened in a theme starts in it (dark, English)', async () => {
    const context = await env.context('en');
    try {
      const page = await env.open(context, SURFACES[0]!, 'dark', 'en');
      expect(await page.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('dark');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('every part of the policy editor, the publish dialog and a conflict (light, Swedish)', async () => {
    const context = await env.context('sv');
    try {
      const page = await env.open(context, SETTINGS, 'light', 'sv');
      const found: Record<string, string[]> = {};
      // The review reminders over the real client: one of each kind and state, each leading to its date.
      const reminders = page.getByRole('region', { name: 'Att se över' });
      await reminders.getByRole('row').nth(3).waitFor();
      expect(await reminders.getByRole('row').count()).toBe(4);
      await reminders.getByRole('button', { name: /^Gå till fältet: Avvikelse / }).click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === '$.deviations[0].decision.validUntil');
      for (const section of ['Mötestyper', 'Tjänster', 'Avvikelsebeslut', 'Behov', 'Checklista', 'Identifieringsmetoder']) {
        await page.getByRole('tab', { name: new RegExp(`^${section}`) }).click();
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[section] = violations;
        if (section === 'Tjänster') await page.screenshot({ path: resolve(DOCS, 'installningar-tjanster.png') });
      }
      // An error beside its field, and the preview of a meeting against the draft.
      await page.getByRole('tab', { name: /^Tjänster/ }).click();
      await page.getByLabel('Ska omprövas senast').nth(1).fill('2019-13-40');
      await page.getByLabel('Typ av möte').selectOption('uppfoljningssamtal');
      await page.getByLabel('Tjänst', { exact: true }).selectOption('microsoft-teams');
      await page.getByLabel('Godkänd upp till konfidentialitet (K)').nth(1).selectOption('1');
      await page.getByLabel('Ska omprövas senast').nth(1).fill('2030-01-01');
      await page.getByRole('button', { name: 'Prova' }).click();
      await page.getByText('Digitalt möte är inte tillåtet').waitFor();
      const violations = await seriousViolations(page);
      if (violations.length > 0) found.preview = violations;
      await page.screenshot({ path: resolve(DOCS, 'installningar-prova-ett-mote.png'), fullPage: true });

      await page.getByRole('button', { name: 'Publicera …' }).click();
      await page.getByRole('dialog').waitFor();
      const dialog = await seriousViolations(page);
      if (dialog.length > 0) found.publish = dialog;
      await page.screenshot({ path: resolve(DOCS, 'installningar-publicera.png') });
      await page.getByRole('button', { name: 'Avbryt' }).click();

      env.api.otherAdminSaves({ ...env.api.draft().policy, organization: 'Exempelkommun (ändrad av en kollega)' });
      await page.getByRole('button', { name: 'Spara utkast' }).click();
      await page.getByText('Någon annan har sparat utkastet').waitFor();
      const conflict = await seriousViolations(page);
      if (conflict.length > 0) found.conflict = conflict;
      await page.screenshot({ path: resolve(DOCS, 'installningar-konflikt.png'), fullPage: true });
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);
});

