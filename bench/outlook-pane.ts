// Outlook task pane bench: the initial chunk's gzip size against a bare React + Fluent v9 page built
// with the same settings (goal ≤ 200 KB gz and ≤ 1.3× bare), and the time to first interactive render
// in headless Chromium at 4× CPU throttling (goal ≤ 1 s, median of 5). Run after `npm run build`:
//   node_modules/.bin/node node_modules/.bin/tsx bench/outlook-pane.ts
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { examplePolicy } from '../src/policy/example';
import { stockholmDate } from '../src/policy/dates';
import { launchChromium, OFFICE_JS } from '../test/web/browser';
import { createFakeBackend } from '../test/web/fakeBackend';
import { serveFake } from '../test/web/fakeServer';

const ROOT = resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;

/** gzip -9 bytes of every script the page's HTML loads before first render. */
function initialGzip(dir: string, html: string): { files: string[]; bytes: number } {
  const files = [...readFileSync(join(dir, html), 'utf8').matchAll(/<script[^>]+src="?\/?([^"\s>]+)"?/g)]
    .map((m) => m[1]!).filter((f) => !f.startsWith('http'));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return { files, bytes };
}

async function buildBare(): Promise<string> {
  // Inside the repository (.tmp/ is ignored by git) so that node_modules resolves.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'bare-fluent-'));
  const entry = join(dir, 'bare.tsx');
  writeFileSync(entry, `import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
createRoot(document.getElementById('root')!).render(<FluentProvider theme={webLightTheme}><Button appearance="primary">Hej</Button></FluentProvider>);
`);
  const config = makeConfig({}, { mode: 'production' });
  config.entry = { bare: entry };
  config.output = { ...config.output, path: join(dir, 'dist') };
  const HtmlWebpackPlugin = (await import('html-webpack-plugin')).default;
  config.plugins = [new HtmlWebpackPlugin({ filename: 'bare.html', chunks: ['runtime', 'framework', 'bare'], scriptLoading: 'defer' })];
  config.module!.rules = [{ ...(config.module!.rules![0] as object), exclude: /node_modules/, include: [dir] } as webpack.RuleSetRule];
  await new Promise<void>((done, fail) => webpack(config, (err, stats) => (err || stats?.hasErrors() ? fail(err ?? new Error(stats!.toString('errors-only'))) : done())));
  return join(dir, 'dist');
}

async function firstInteractive(runs: number): Promise<number[]> {
  const backend = createFakeBackend(examplePolicy(stockholmDate(new Date())));
  const { server, url } = await serveFake(resolve(ROOT, 'dist/web'), backend);
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      await page.route(OFFICE_JS, (route) => route.abort());
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${url}/outlook/taskpane.html`, { waitUntil: 'commit' });
      // Interactive: the meeting-type select is rendered, enabled and filled from the policy.
      const handle = await page.waitForFunction(() => {
        const select = [...document.querySelectorAll('select')].find((s) => s.querySelector('option[value="uppfoljningssamtal"]'));
        return select && !select.disabled ? performance.now() : null;
      }, undefined, { polling: 'raf', timeout: 30_000 });
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return times;
}

async function main() {
  const pane = initialGzip(resolve(ROOT, 'dist/web'), 'outlook/taskpane.html');
  const bareDir = await buildBare();
  const bare = initialGzip(bareDir, 'bare.html');
  const kb = (n: number) => (n / 1024).toFixed(1);
  const ratio = pane.bytes / bare.bytes;
  console.log(`pane initial chunks (gzip -9): ${kb(pane.bytes)} KB  [${pane.files.join(', ')}]`);
  console.log(`bare React + Fluent v9 page:   ${kb(bare.bytes)} KB`);
  console.log(`ratio: ${ratio.toFixed(2)}×  (goal ≤ 200 KB and ≤ 1.3×: ${pane.bytes <= 200 * 1024 && ratio <= 1.3 ? 'met' : 'NOT met'})`);
  const times = (await firstInteractive(5)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`first interactive render, 4× CPU throttling: median ${median.toFixed(0)} ms  [${times.map((t) => t.toFixed(0)).join(', ')}]  (goal ≤ 1000 ms: ${median <= 1000 ? 'met' : 'NOT met'})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
