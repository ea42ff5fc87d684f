// `npm start`: the whole product locally on its embedded defaults. Builds the front-ends and the app
// package when their sources changed, makes a development certificate without prompts, then starts the
// server on https://localhost with the explicit development setting (local sign-in, demo users and a
// Graph stand-in; all refused with NODE_ENV=production). The data folder is kept between runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDevCertificate } from './devCerts';
import { newestMtime } from './newest';

const root = resolve(__dirname, '..');
const port = Number(process.env['PORT'] ?? 3000);
const dataRoot = resolve(process.env['MOTESCHECK_HOME'] ?? join(root, '.data'));
const baseUrl = `https://localhost:${port}`;

function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now();
  process.stdout.write(`• ${label} … `);
  const r = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}\n`);
    process.exit(1);
  }
  process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

async function main(): Promise<void> {
  mkdirSync(dataRoot, { recursive: true });
  const node = process.execPath;
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const webEnv = { MOTESCHECK_API_BASE_URL: '', MOTESCHECK_BASE_URL: baseUrl };

  // Front-ends: rebuilt only when a source they are built from changed since the last build.
  const stamp = join(root, 'dist', 'web', '.built');
  const sources = ['src/web', 'src/policy', 'src/cards', 'src/api', 'webpack.config.js', 'webpack.onsend.config.js', 'package-lock.json'];
  if (!existsSync(stamp) || newestMtime(root, sources) > statSync(stamp).mtimeMs) {
    step('building the front-ends (webpack)', node, [bin('webpack'), '--mode', 'production'], webEnv);
    step('building the on-send handler', node, [bin('webpack'), '-c', 'webpack.onsend.config.js', '--mode', 'production'], webEnv);
    writeFileSync(stamp, new Date().toISOString());
  } else {
    console.log('• front-ends are up to date');
  }
  step('building the app package (manifest)', node, [bin('tsx'), 'scripts/manifest.ts'], webEnv);

  const cert = await ensureDevCertificate(join(dataRoot, 'certs'));
  console.log(`• development certificate: ${cert.certPath}${cert.created ? ' (new)' : ''}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOTESCHECK_DEV: 'true',
    PORT: String(port),
    DATA_DIR: process.env['DATA_DIR'] ?? join(dataRoot, 'db'),
    TLS_CERT_FILE: cert.certPath,
    TLS_KEY_FILE: cert.keyPath,
    PUBLIC_BASE_URL: baseUrl,
    GRAPH_BASE_URL: process.env['GRAPH_BASE_URL'] ?? `${baseUrl}/dev/graph`,
    BOT_SERVICE_URL: process.env['BOT_SERVICE_URL'] ?? `${baseUrl}/dev/connector`,
    // The manifest's development app id: the catalog id the Graph stand-in answers for.
    TEAMS_APP_ID: process.env['TEAMS_APP_ID'] ?? 'd0000000-0000-4000-8000-00000000a001',
    // The server's own Graph client calls the stand-in over HTTPS: Node must trust the development CA.
    NODE_EXTRA_CA_CERTS: cert.caPath,
  };
  console.log(`• data folder: ${env['DATA_DIR']}`);
  // --import tsx, not the tsx CLI: the CLI runs the server in a child that would outlive a kill of this one.
  const server = spawn(node, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let announced = false;
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && chunk.toString().includes('server ready')) {
      announced = true;
      console.log([
        '',
        'Mötescheck runs locally (development mode: demo users, never real personal data).',
        `  Start page (every surface):   ${baseUrl}/`,
        `  Outlook task pane:            ${baseUrl}/outlook/taskpane.html?standalone`,
        `  Teams personal tabs:          ${baseUrl}/teams/personal.html`,
        `  Meeting side panel:           ${baseUrl}/teams/meeting.html`,
        `  Approval card:                ${baseUrl}/approval.html`,
        `  API description:              ${baseUrl}/api/docs`,
        `  Accessibility statement:      ${baseUrl}/tillganglighet.html`,
        `  App package for Microsoft 365: ${join(root, 'dist', 'appPackage.zip')}`,
        `  Data folder:                  ${env['DATA_DIR']}`,
        `  The browser does not know the development CA: trust ${cert.caPath} or accept the warning once.`,
        '',
      ].join('\n'));
    }
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(`npm start: ${(err as Error).message}`);
  process.exit(1);
});
