// The unified app manifest: built from the template with a deployment's settings, validated by
// office-addin-manifest against the bundled 1.30 schema (offline: no output, exit 0), shown to fail
// on a broken copy, consistent with the on-send handler and the task pane, and packaged with icons
// that Teams and Outlook accept; its privacy and terms URLs are static pages the build makes and the
// server serves in production.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { loadAppConfig } from '../../manifest/config.cjs';
import { ADDIN_ICON_SIZES, drawAddinIcon, drawColor, drawOutline } from '../../scripts/icons';
import { buildManifest, fillTemplate, writeAppPackage } from '../../scripts/manifest';
import { ACTION_ON_APPOINTMENT_SEND, ACTION_ON_NEW_APPOINTMENT } from '../../src/web/outlook/onsend/handler';
import { TASKPANE_COMMAND_ID } from '../../src/web/outlook/onsend/format';
import type { Config } from '../../src/server/config';
import { registerWebRoutes } from '../../src/server/web';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
const ENV = {
  MOTESCHECK_APP_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  MOTESCHECK_BASE_URL: 'https://motescheck.exempelkommun.se/',
  ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
};

let tmp: string;
beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-manifest-')); });
afterAll(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

function validate(file: string) {
  const result = spawnSync(process.execPath, [CLI, 'validate', file], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

type Json = Record<string, unknown> & { extensions: Extension[] };
interface Control { id: string; actionId: string; icons: { size: number; url: string }[] }
interface Extension {
  runtimes: { id: string; code: { page: string; script?: string }; lifetime: string; actions: { id: string; type: string }[] }[];
  ribbons: { contexts: string[]; tabs: { groups: { controls: Control[] }[] }[] }[];
  autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode: string } }[] }[];
}

describe('office-addin-manifest validate', () => {
  it('passes on the generated manifest: no output, exit 0', () => {
    const { manifestPath } = writeAppPackage(path.join(tmp, 'good'), loadAppConfig(ENV), '1.2.3');
    expect(validate(manifestPath)).toEqual({ status: 0, output: '' });
  });

  it('passes with the development defaults too', () => {
    const { manifestPath } = writeAppPackage(path.join(tmp, 'dev'), loadAppConfig({}), '0.1.0');
    expect(validate(manifestPath)).toEqual({ status: 0, output: '' });
  });

  it.each([
    ['a wrong send mode', (m: Json) => { m.extensions[0]!.autoRunEvents[0]!.events[1]!.options = { sendMode: 'hardBlock' }; }, /sendMode/],
    ['a missing required field', (m: Json) => { delete m['developer']; }, /developer/],
    ['an app id that is not a GUID', (m: Json) => { m['id'] = 'motescheck'; }, /\/id/],
  ])('fails on a copy with %s (the check bites)', (_what, breakIt, mentions) => {
    const manifest = buildManifest(loadAppConfig(ENV), '1.2.3') as Json;
    breakIt(manifest);
    const file = path.join(tmp, `broken-${Math.random().toString(16).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toMatch(mentions);
  });
});

describe('the manifest', () => {
  const manifest = buildManifest(loadAppConfig(ENV), '1.2.3') as Json;
  const ext = manifest.extensions[0]!;

  it('is schema 1.30 with the deployment’s ids and URLs, and no placeholder left', () => {
    expect(manifest).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
      manifestVersion: '1.30',
      version: '1.2.3',
      id: ENV.MOTESCHECK_APP_ID,
      validDomains: ['motescheck.exempelkommun.se'],
      webApplicationInfo: {
        id: ENV.ENTRA_CLIENT_ID,
        resource: `api://motescheck.exempelkommun.se/${ENV.ENTRA_CLIENT_ID}`,
        nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://motescheck.exempelkommun.se', scopes: [`api://motescheck.exempelkommun.se/${ENV.ENTRA_CLIENT_ID}/access_as_user`] }],
      },
    });
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{\w*\}\}/);
  });

  // The Teams tabs are filled in and tested by test/teams/manifest.test.ts.
  it('declares the co-approval bot, personal scope, with the commands it answers', () => {
    const bots = (manifest as unknown as { bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[] }).bots;
    expect(bots).toHaveLength(1);
    expect(bots[0]!.botId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bots[0]!.scopes).toEqual(['personal']);
    expect(bots[0]!.commandLists[0]!.commands.map((c) => c.title)).toEqual(['att godkänna', 'mina']);
  });

  it('requires Mailbox 1.12 in mail, with the least mailbox permission that saves the item', () => {
    expect(ext).toMatchObject({ requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] } });
    expect(manifest['authorization']).toEqual({ permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } });
  });

  it('opens the task pane from a button on the organizer’s meeting form, whose id the Smart Alert names', () => {
    const [ribbon] = ext.ribbons;
    expect(ribbon!.contexts).toEqual(['meetingDetailsOrganizer']);
    const control = ribbon!.tabs[0]!.groups[0]!.controls[0]!;
    expect(control.id).toBe(TASKPANE_COMMAND_ID);
    const pane = ext.runtimes.find((r) => r.actions.some((a) => a.id === control.actionId))!;
    expect(pane.code).toEqual({ page: 'https://motescheck.exempelkommun.se/outlook/taskpane.html' });
    expect(pane.actions.find((a) => a.id === control.actionId)!.type).toBe('openPage');
    expect(control.icons.map((i) => i.size)).toEqual([16, 32, 64, 80]);
    for (const icon of control.icons) expect(icon.url).toBe(`https://motescheck.exempelkommun.se/assets/icon-${icon.size}.png`);
  });

  it('runs the handler bundle on a new appointment and on send, softBlock, with the ids the handler associates', () => {
    const events = ext.autoRunEvents[0]!.events;
    expect(events).toEqual([
      { type: 'newAppointmentOrganizerCreated', actionId: ACTION_ON_NEW_APPOINTMENT },
      { type: 'appointmentSending', actionId: ACTION_ON_APPOINTMENT_SEND, options: { sendMode: 'softBlock' } },
    ]);
    const runtime = ext.runtimes.find((r) => r.actions.some((a) => a.id === ACTION_ON_APPOINTMENT_SEND))!;
    expect(runtime).toMatchObject({
      lifetime: 'short',
      code: { page: 'https://motescheck.exempelkommun.se/outlook/onsend.html', script: 'https://motescheck.exempelkommun.se/outlook/onsend.js' },
    });
    expect(runtime.actions).toEqual([
      { id: ACTION_ON_NEW_APPOINTMENT, type: 'executeFunction' },
      { id: ACTION_ON_APPOINTMENT_SEND, type: 'executeFunction' },
    ]);
  });

  it('names a privacy notice and terms of use: static bilingual pages the build makes and the server serves in production', async () => {
    type PageOptions = { filename?: string; template?: string; templateParameters?: Record<string, string> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpackConfig = require('../../webpack.config.js')({}, { mode: 'production' }) as { plugins: { userOptions?: PageOptions }[] };
    const options = new Map(webpackConfig.plugins.flatMap((p) => (p.userOptions?.filename ? [[p.userOptions.filename, p.userOptions] as const] : [])));
    const built = new Map([...options].map(([file, o]) => [file, o.template]));
    // The page as the build writes it: the template with the shared style sheet and footer put in.
    const render = (file: string) => {
      const o = options.get(file)!;
      return fs.readFileSync(path.join(ROOT, o.template!), 'utf8').replace(/<%= (\w+) %>/g, (_m, key: string) => o.templateParameters?.[key] ?? `MISSING ${key}`);
    };
    const developer = manifest['developer'] as Record<'privacyUrl' | 'termsOfUseUrl' | 'websiteUrl', string>;
    // The developer's website is a page production serves too (the start page is development-only).
    expect(developer.websiteUrl).toBe('https://motescheck.exempelkommun.se/villkor.html');
    const pages = {
      privacyUrl: { file: 'integritet.html', sv: 'Behandling av personuppgifter i Mötescheck', en: 'Personal data in Mötescheck' },
      termsOfUseUrl: { file: 'villkor.html', sv: 'Användarvillkor för Mötescheck', en: 'Terms of use for Mötescheck' },
    };
    const webDir = path.join(tmp, 'web');
    fs.mkdirSync(webDir, { recursive: true });
    for (const [key, page] of Object.entries(pages) as [keyof typeof pages, (typeof pages)[keyof typeof pages]][]) {
      expect(developer[key]).toBe(`https://motescheck.exempelkommun.se/${page.file}`);
      // A static page (no script): Swedish first, then English, each in an article with its language.
      const template = built.get(page.file);
      expect([page.file, template]).toEqual([page.file, `./src/web/start/${page.file}`]);
      const html = render(page.file);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/MISSING \w|<%/);
      expect(html).toContain(`<a href="${page.file}" aria-current="page">`);
      const sv = html.indexOf(`<article lang="sv">\n<h1>${page.sv}</h1>`);
      const en = html.indexOf(`<article lang="en">\n<h1>${page.en}</h1>`);
      expect(sv).toBeGreaterThan(0);
      expect(en).toBeGreaterThan(sv);
      // Every page it links to on the same origin is built too (the footer: each other and the accessibility statement).
      const links = [...html.matchAll(/href="([\w-]+\.html)"/g)].map((m) => m[1]!);
      expect(links).toEqual(expect.arrayContaining(['integritet.html', 'villkor.html', 'tillganglighet.html']));
      for (const link of links) expect([link, built.has(link)]).toEqual([link, true]);
      fs.writeFileSync(path.join(webDir, page.file), html);
    }
    // Served without the development setting (only the start page and the approval-card page are development-only).
    const app = Fastify({ logger: false });
    try {
      await registerWebRoutes(app, { webDir, dev: false } as Config);
      for (const page of Object.values(pages)) {
        const res = await app.inject({ method: 'GET', url: `/${page.file}` });
        expect([page.file, res.statusCode, res.headers['content-type']]).toEqual([page.file, 200, expect.stringMatching(/^text\/html/)]);
        expect(res.body).toBe(fs.readFileSync(path.join(webDir, page.file), 'utf8'));
      }
    } finally {
      await app.close();
    }
  });

  it('fills placeholders in string values only, and refuses an unknown one', () => {
    expect(fillTemplate({ a: 'x{{V}}y', b: ['{{V}}'], c: 3, d: [] }, { V: '"}' })).toEqual({ a: 'x"}y', b: ['"}'] , c: 3 });
    expect(() => fillTemplate({ a: { b: '{{NOPE}}' } }, {})).toThrow('manifest template $.a.b: unknown placeholder {{NOPE}}');
  });
});

describe('the app configuration', () => {
  it('names every bad setting', () => {
    expect(() => loadAppConfig({ MOTESCHECK_APP_ID: 'x', MOTESCHECK_BASE_URL: 'http://motescheck.se', ENTRA_CLIENT_ID: 'y' }))
      .toThrow(/MOTESCHECK_APP_ID: must be a GUID[\s\S]*ENTRA_CLIENT_ID: must be a GUID[\s\S]*MOTESCHECK_BASE_URL: must be an https origin/);
    expect(() => loadAppConfig({ MOTESCHECK_BASE_URL: 'https://motescheck.se/app' })).toThrow(/MOTESCHECK_BASE_URL/);
  });

  it('keeps a port in the origin, and lower-cases host and ids', () => {
    expect(loadAppConfig({ MOTESCHECK_BASE_URL: 'https://LocalHost:3000', ENTRA_CLIENT_ID: 'AAAAAAAA-2222-4333-8444-555555555555' }))
      .toMatchObject({ baseUrl: 'https://localhost:3000', host: 'localhost:3000', resource: 'api://localhost:3000/aaaaaaaa-2222-4333-8444-555555555555' });
  });
});

describe('the app package', () => {
  it('is a zip of manifest.json and the two icons it names', () => {
    const { zipPath, manifestPath } = writeAppPackage(path.join(tmp, 'zip'), loadAppConfig(ENV), '1.2.3');
    const entries = unzipSync(fs.readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(new TextDecoder().decode(entries['manifest.json'])).toBe(fs.readFileSync(manifestPath, 'utf8'));
    expect(Buffer.from(entries['color.png']!).equals(fs.readFileSync(path.join(ROOT, 'assets', 'color.png')))).toBe(true);
  });
});

describe('icons', () => {
  const read = (name: string) => PNG.sync.read(fs.readFileSync(path.join(ROOT, 'assets', name)));
  const pixels = (png: PNG) => Array.from({ length: png.width * png.height }, (_, i) => [...png.data.subarray(i * 4, i * 4 + 4)] as [number, number, number, number]);

  it('colour icon: 192×192, the symbol on an opaque accent tile', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const centre = pixels(png)[96 * 192 + 96]!;
    expect(centre[3]).toBe(255);
    const colours = new Set(pixels(png).filter((p) => p[3] === 255).map((p) => p.slice(0, 3).join(',')));
    expect(colours.size).toBeGreaterThan(10);
    expect(colours.has('255,255,255')).toBe(true);
  });

  it('outline icon: 32×32, white only on a transparent background', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const visible = all.filter((p) => p[3] > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(all[0]![3]).toBe(0);
    expect(visible.length).toBeGreaterThan(200);
    expect(all.length - visible.length).toBeGreaterThan(200);
  });

  it.each(ADDIN_ICON_SIZES)('add-in icon of %i px: transparent corners, a visible symbol', (size) => {
    const png = read(`icon-${size}.png`);
    expect([png.width, png.height]).toEqual([size, size]);
    const all = pixels(png);
    expect(all[0]![3]).toBe(0);
    expect(all.filter((p) => p[3] === 255).length).toBeGreaterThan(size * size * 0.2);
  });

  it('are the committed drawings of scripts/icons.ts, not hand-edited files', () => {
    const same = (name: string, png: PNG) => expect([name, PNG.sync.write(png).equals(fs.readFileSync(path.join(ROOT, 'assets', name)))]).toEqual([name, true]);
    same('outline.png', drawOutline());
    same('icon-16.png', drawAddinIcon(16));
    same('icon-32.png', drawAddinIcon(32));
    same('color.png', drawColor());
  });
});
