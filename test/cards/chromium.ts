// Renders cards in headless Chromium with the official adaptivecards bundle, as it is (no jsdom
// shims), inside a frame about as wide as a card in a Teams chat, with the Teams-like host config.
// Used by chromium.test.ts and by screenshots.ts, which writes the pictures in docs/cards.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AdaptiveCard } from '../../src/cards';
import { TEAMS_LIGHT_HOST_CONFIG } from './hostConfig';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = join(__dirname, '..', '..');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

// Teams draws the buttons itself; these rules give the renderer's plain buttons a similar look.
const PAGE_CSS = `
  body { margin: 0; padding: 16px; background: #f5f5f5; }
  #frame { width: 452px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.14); overflow: hidden; }
  .ac-pushButton { font: 600 14px 'Segoe UI', 'DejaVu Sans', sans-serif; padding: 5px 12px; min-height: 32px; border-radius: 4px;
    border: 1px solid #d1d1d1; background: #fff; color: #242424; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  .ac-pushButton.style-destructive { background: #c4314b; border-color: #c4314b; color: #fff; }
  .ac-pushButton[aria-expanded="true"] { background: #e8ebfa; }
  .ac-input { font: 14px 'Segoe UI', 'DejaVu Sans', sans-serif; border: 1px solid #d1d1d1; border-radius: 4px; padding: 6px 8px; box-sizing: border-box; width: 100%; }
  .ac-textarea { min-height: 64px; }
`;

export interface RenderedPage {
  page: Page;
  /** Actions the card executed, as the renderer hands them to the host. */
  executed(): Promise<{ verb: string; data: unknown }[]>;
  errors: string[];
}

export async function renderInChromium(browser: Browser, json: AdaptiveCard): Promise<RenderedPage> {
  const context = await browser.newContext({ viewport: { width: 484, height: 400 }, deviceScaleFactor: 1, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="frame"></div></body></html>`);
  await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'), 'utf8') });
  await page.evaluate(({ card, hostConfig }) => {
    const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
    const executed: { verb: string; data: unknown }[] = [];
    (window as unknown as { executed: typeof executed }).executed = executed;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(hostConfig);
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AC.ExecuteAction) executed.push({ verb: action.verb, data: action.data });
    };
    adaptive.parse(card);
    const element = adaptive.render();
    if (!element) throw new Error('adaptivecards rendered nothing');
    document.getElementById('frame')!.appendChild(element);
  }, { card: json, hostConfig: TEAMS_LIGHT_HOST_CONFIG });
  return {
    page,
    errors,
    executed: () => page.evaluate(() => (window as unknown as { executed: { verb: string; data: unknown }[] }).executed),
  };
}
