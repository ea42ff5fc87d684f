// The whole front-end (every page of webpack.config.js, the static pages included) built with the
// project's own configuration (test/teams/build.ts builds the Teams pages alone with the same
// buildPages): production mode (React's production build) without minification. The build is kept in the system's temporary folder
// and reused while no source it is made from changed since — the same staleness rule as scripts/start.ts
// uses for dist/web — so a re-run does not pay for webpack again. dist/web itself is left alone: it
// belongs to `npm start`, which may be rebuilding it while the tests run.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack, { type Configuration } from 'webpack';
import { newestMtime } from '../../scripts/newest';

const ROOT = resolve(__dirname, '../..');
/** What the pages are built from (scripts/start.ts's list, without the on-send handler's own config). */
const SOURCES = ['src/web', 'src/policy', 'src/cards', 'src/api', 'webpack.config.js', 'package-lock.json'];

/**
 * Builds with the project's webpack.config.js into `out`: production mode without minification
 * (React's production build as users get it, without a minute of terser). `only` narrows the pages.
 */
export async function buildPages(out: string, only?: (name: string) => boolean): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Configuration;
  const config = factory({}, { mode: 'production' });
  if (only) {
    config.entry = Object.fromEntries(Object.entries(config.entry as Record<string, string>).filter(([name]) => only(name)));
    config.plugins = (config.plugins ?? []).filter((p) => {
      const filename = (p as { userOptions?: { filename?: string } }).userOptions?.filename;
      return !filename || only(filename);
    });
  }
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
}

/** The folder holding the built pages (index.html, outlook/, teams/, approval.html, tillganglighet.html). */
export async function builtWeb(): Promise<string> {
  const key = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `motescheck-e2e-web-${key}`);
  const stamp = join(dir, '.built');
  const sourcesAt = newestMtime(ROOT, SOURCES);
  if (existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= sourcesAt && existsSync(join(dir, 'index.html'))) return dir;
  const fresh = mkdtempSync(join(tmpdir(), 'motescheck-e2e-build-'));
  await buildPages(fresh);
  writeFileSync(join(fresh, '.built'), String(sourcesAt));
  rmSync(dir, { recursive: true, force: true });
  renameSync(fresh, dir);
  return dir;
}
