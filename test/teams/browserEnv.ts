// The built Teams pages served with the in-memory API, headless Chromium, and the helpers the
// browser tests share: open a surface as a demo user in a theme and language, and run axe-core.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AssessmentInput } from '../../src/api/contract';
import { examplePolicy } from '../../src/policy/example';
import { addDays, stockholmDate } from '../../src/policy/dates';
import type { Policy } from '../../src/policy/types';
import { launchChromium } from '../web/browser';
import { buildTeamsPages } from './build';
import { createFakeTeamsApi, type FakeTeamsApi } from './fakeTeamsApi';
import { serveTeams } from './fakeHttp';

export type Theme = 'light' | 'dark' | 'high-contrast';
export type Lang = 'sv' | 'en';

export interface Surface { name: string; path: string; user: string; ready: { sv: string; en: string }; width?: number }

export const SURFACES: Surface[] = [
  { name: 'mina-bedomningar', path: 'personal.html?tab=mine', user: 'caseworker', ready: { sv: 'Mina bedömningar', en: 'My assessments' } },
  { name: 'att-godkanna', path: 'personal.html?tab=approvals', user: 'manager', ready: { sv: 'Godkänn', en: 'Approve' } },
  { name: 'installningar', path: 'personal.html?tab=settings', user: 'policyadmin', ready: { sv: 'Gå till fältet', en: 'Go to field' } },
  { name: 'rapporter', path: 'personal.html?tab=reports', user: 'auditor', ready: { sv: 'Visa skillnader', en: 'Show differences' } },
  { name: 'sidopanel', path: 'meeting.html?meeting=meeting-demo', user: 'caseworker', ready: { sv: 'Vid mötets start', en: 'When the meeting starts' }, width: 420 },
  { name: 'sidopanel-deltagare', path: 'meeting.html?meeting=meeting-demo', user: 'caseworker2', ready: { sv: 'En förkontroll finns men är inte klar än.', en: 'A pre-meeting check exists but is not complete yet.' }, width: 420 },
  { name: 'konfigurering', path: 'config.html?', user: 'caseworker', ready: { sv: 'Lägg till Mötescheck i mötet', en: 'Add Mötescheck to the meeting' } },
];

export const SETTINGS = SURFACES[2]!;

export interface BrowserEnv {
  browser: Browser;
  api: FakeTeamsApi;
  context(lang: Lang): Promise<BrowserContext>;
  open(context: BrowserContext, surface: Surface, theme: Theme, lang: Lang): Promise<Page>;
  close(): Promise<void>;
}

function inDays(days: number, hour: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** A ready check for meeting-demo (the side panel), one awaiting the manager, one held in person. */
async function seed(api: FakeTeamsApi): Promise<void> {
  const input = (patch: Partial<AssessmentInput>): AssessmentInput => ({
    meeting: { teamsMeetingId: 'meeting-demo' }, start: inDays(1, 9), mode: 'digital', meetingTypeId: 'uppfoljningssamtal',
    serviceId: 'microsoft-teams', needs: ['ny-motpart'], ...patch,
  });
  api.user = 'caseworker';
  const ready = await api.createAssessment(input({}));
  await api.submitAssessment(ready.id, 1);
  const pending = await api.createAssessment(input({ meeting: { teamsMeetingId: 'meeting-2' }, meetingTypeId: 'utredningssamtal-vuxen', needs: ['barn-deltar'], start: inDays(2, 13) }));
  await api.submitAssessment(pending.id, 1);
  const physical = await api.createAssessment(input({ meeting: { teamsMeetingId: 'meeting-3' }, mode: 'physical', serviceId: null, meetingTypeId: 'skyddsbedomning-barn', needs: [], start: inDays(3, 8) }));
  await api.submitAssessment(physical.id, 1);
}

/**
 * The example policy with a review reminder of each kind: Teams' risk analysis is overdue already; the
 * free service's is due in 20 days and the deviation decision ends in 10.
 */
function withReminders(policy: Policy, today: string): Policy {
  return {
    ...policy,
    services: policy.services.map((s) => (s.id === 'gratis-videotjanst' ? { ...s, riskAnalysis: { ...s.riskAnalysis, reviewBy: addDays(today, 20) } } : s)),
    deviations: policy.deviations.map((d, i) => (i === 0 ? { ...d, decision: { ...d.decision, validUntil: addDays(today, 10) } } : d)),
  };
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  const [root, browser] = await Promise.all([buildTeamsPages(), launchChromium()]);
  const today = stockholmDate(new Date());
  const api = createFakeTeamsApi(withReminders(examplePolicy(today), today));
  await seed(api);
  const { server, url } = await serveTeams(root, api);
  return {
    browser,
    api,
    // Reduced motion: axe then measures colours after, not during, a fade-in.
    context: (lang) => browser.newContext({ locale: lang === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm', reducedMotion: 'reduce' }),
    async open(context, surface, theme, lang) {
      const page = await context.newPage();
      await page.setViewportSize({ width: surface.width ?? 1280, height: 900 });
      const sep = surface.path.endsWith('?') ? '' : '&';
      await page.goto(`${url}/teams/${surface.path}${sep}user=${surface.user}&lang=${lang === 'sv' ? 'sv-SE' : 'en-GB'}&theme=${theme}`);
      await page.getByText(surface.ready[lang], { exact: true }).first().waitFor({ timeout: 15_000 });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Fluent's focus manager (tabster) puts `<i data-tabster-dummy aria-hidden tabindex=0>` at the edges
 * of a TabList or dialog: focusable on purpose, so that it can move focus on at once, and hidden so
 * that screen readers skip it. axe reports it as aria-hidden-focus; Microsoft's own Accessibility
 * Insights drops exactly these nodes (microsoft/tabster#288, accessibility-insights-web#7605). Only
 * those nodes are dropped here, never the rule.
 */
const isTabsterDummy = (node: { html: string }) => node.html.includes('data-tabster-dummy');

/** axe-core against WCAG 2.1 A and AA: the serious and critical violations, each with its nodes. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !isTabsterDummy(n)) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(', ')}`);
}
