// Builds the Teams pages with the project's own webpack.config.js (only its teams/ entries) into a
// temporary folder, for the browser tests. Production mode without minification: React's production
// build as users get it, in a few seconds instead of a minute of terser.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack, { type Configuration } from 'webpack';

const ROOT = resolve(__dirname, '../..');

export async function buildTeamsPages(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'motescheck-teams-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Configuration;
  const config = factory({}, { mode: 'production' });
  const entries = Object.entries(config.entry as Record<string, string>).filter(([name]) => name.startsWith('teams/'));
  if (entries.length !== 3) throw new Error(`webpack.config.js should list three Teams pages, found ${entries.map(([n]) => n).join(', ')}`);
  config.entry = Object.fromEntries(entries);
  config.plugins = (config.plugins ?? []).filter((p) => {
    const filename = (p as { userOptions?: { filename?: string } }).userOptions?.filename;
    return !filename || filename.startsWith('teams/');
  });
  config.context = ROOT;
  config.output = { ...config.output, path: out, clean: false };
  config.optimization = { ...config.optimization, minimize: false };
  config.devtool = false;
  await new Promise<void>((done, fail) => {
    webpack(config, (error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
  return out;
}
