// Builds the Teams pages (only the teams/ entries of the project's webpack.config.js) into a temporary
// folder, for the browser tests; test/e2e/build.ts holds the build itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPages } from '../e2e/build';

const ROOT = resolve(__dirname, '../..');

export async function buildTeamsPages(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { entry: Record<string, string> };
  const teamsEntries = Object.keys(factory({}, { mode: 'production' }).entry).filter((name) => name.startsWith('teams/'));
  if (teamsEntries.length !== 3) throw new Error(`webpack.config.js should list three Teams pages, found ${teamsEntries.join(', ')}`);
  const out = mkdtempSync(join(tmpdir(), 'motescheck-teams-'));
  await buildPages(out, (name) => name.startsWith('teams/'));
  return out;
}
