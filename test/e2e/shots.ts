// Screenshots of every step: all of them under test-results/e2e/<scenario>/ (a test artefact, ignored by
// git), and the key ones copied to docs/e2e/ (committed, shown in the README).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const ARTEFACTS = path.join(ROOT, 'test-results', 'e2e');
export const DOCS = path.join(ROOT, 'docs', 'e2e');

export interface Shots {
  /** A full-page screenshot named by its step; `key` also copies it to docs/e2e/<scenario>-<step>.png. */
  (page: Page, step: string, options?: { key?: boolean }): Promise<string>;
  readonly saved: string[];
}

export function shots(scenario: string): Shots {
  const dir = path.join(ARTEFACTS, scenario);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const saved: string[] = [];
  const take = async (page: Page, step: string, options: { key?: boolean } = {}) => {
    const file = path.join(dir, `${String(++n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    saved.push(file);
    if (options.key) {
      fs.mkdirSync(DOCS, { recursive: true });
      fs.copyFileSync(file, path.join(DOCS, `${scenario}-${step}.png`));
    }
    return file;
  };
  return Object.assign(take, { saved });
}
