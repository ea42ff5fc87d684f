// The policy editor in headless Chromium operated with the keyboard only: every part of the policy
// is reached from the list of parts, every field in it is reached with Tab, in order, and each one
// is changed from the keyboard and changed back.
import { SETTINGS, startBrowserEnv, type BrowserEnv } from './browserEnv';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
}, 120_000);

afterAll(() => env?.close());

describe('the policy editor with the keyboard only', () => {
  it('reaches and operates every field of every part of the policy', async () => {
    const context = await env.context('sv');
    try {
      const page = await env.open(context, SETTINGS, 'light', 'sv');
      // From the top of the page, Tab until the list of policy parts has focus.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let guard = 0;
      while (!(await page.evaluate(() => document.activeElement?.closest('[role="tablist"]')?.getAttribute('aria-label') === 'Delar av policyn'))) {
        await page.keyboard.press('Tab');
        if (++guard > 60) throw new Error('the policy parts cannot be reached with Tab');
      }
      const sections = await page.getByRole('tablist', { name: 'Delar av policyn' }).getByRole('tab').count();
      expect(sections).toBe(7);
      const report: Record<string, { fields: number; reached: number; operated: number }> = {};

      for (let s = 0; s < sections; s++) {
        // Select the part with the arrow keys and Enter, as a keyboard user does.
        await page.keyboard.press('Home');
        for (let i = 0; i < s; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        const name = (await page.evaluate(() => document.activeElement?.textContent ?? '')).replace(/\s*\(\d+\)$/, '');
        const all = await page.locator('#section-panel [data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')!));

        // Tab through the part: every field is reached, in order, before focus leaves it. Where focus
        // goes is logged in the page, so each Tab is one keystroke and the log is read once.
        const stops = await page.evaluate(() => {
          const log: { inPanel: boolean; path: string | null }[] = [];
          (window as unknown as { focusLog: typeof log }).focusLog = log;
          document.addEventListener('focusin', (e) => {
            const el = e.target as Element;
            log.push({ inPanel: !!el.closest('#section-panel'), path: el.getAttribute('data-path') });
          });
          // Every control that can take focus in the part, plus one Tab to leave it.
          return document.querySelectorAll('#section-panel :is(input, select, textarea, button):not(:disabled), #section-panel [tabindex="0"]').length + 1;
        });
        for (let n = 0; n < stops; n++) await page.keyboard.press('Tab');
        const log = await page.evaluate(() => (window as unknown as { focusLog: { inPanel: boolean; path: string | null }[] }).focusLog.splice(0));
        const left = log.findIndex((entry) => !entry.inPanel);
        expect(left).toBeGreaterThan(0);
        const reached = log.slice(0, left).map((entry) => entry.path).filter((p): p is string => p !== null);
        expect(reached).toEqual(all);

        // Operate each field from the keyboard, see its value change, and change it back the same way
        // (so that one field's change, such as an id, does not alter the fields after it).
        let operated = 0;
        const read = (path: string) => page.locator(`#section-panel [data-path="${path}"]`)
          .evaluate((el) => ((el as HTMLInputElement).type === 'checkbox' ? String((el as HTMLInputElement).checked) : (el as HTMLInputElement).value));
        for (const path of all) {
          // Focus the field and learn what it is, in one round trip.
          const field = await page.evaluate((p) => {
            const el = document.querySelector<HTMLElement>(`#section-panel [data-path="${p}"]`)!;
            el.focus();
            if (el instanceof HTMLSelectElement) return { kind: 'select', before: el.value, last: el.selectedIndex === el.options.length - 1 };
            if (el instanceof HTMLTextAreaElement) return { kind: 'textarea', before: el.value, last: false };
            const input = el as HTMLInputElement;
            return { kind: input.type, before: input.type === 'checkbox' ? String(input.checked) : input.value, last: false };
          }, path);
          let undo: string;
          if (field.kind === 'checkbox') {
            await page.keyboard.press('Space');
            undo = 'Space';
          } else if (field.kind === 'select') {
            await page.keyboard.press(field.last ? 'ArrowUp' : 'ArrowDown');
            undo = field.last ? 'ArrowDown' : 'ArrowUp';
          } else {
            await page.keyboard.press('End');
            await page.keyboard.type('x');
            undo = 'Backspace';
          }
          if ((await read(path)) === field.before) throw new Error(`${name}: ${path} (${field.kind}) did not change from the keyboard`);
          await page.keyboard.press(undo);
          expect(await read(path)).toBe(field.before);
          operated++;
        }
        report[name] = { fields: all.length, reached: reached.length, operated };
        // Back to the list of parts for the next one.
        await page.getByRole('tablist', { name: 'Delar av policyn' }).getByRole('tab', { selected: true }).focus();
      }
      expect(Object.values(report).every((r) => r.fields > 0 && r.reached === r.fields && r.operated === r.fields)).toBe(true);
      expect(Object.keys(report)).toHaveLength(7);
      // Every change was undone from the keyboard: the draft is as it was loaded.
      expect(await page.getByText('Allt är sparat').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 180_000);
});
