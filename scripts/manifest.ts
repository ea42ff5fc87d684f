// `npm run manifest`: the unified app manifest from manifest/manifest.template.json with the
// deployment's ids and URLs (manifest/config.cjs: MOTESCHECK_APP_ID, MOTESCHECK_BASE_URL,
// ENTRA_CLIENT_ID; development values when unset) → dist/appPackage/manifest.json with its two
// icons, and dist/appPackage.zip to upload in Teams or the Microsoft 365 admin center.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { loadAppConfig, type AppConfig } from '../manifest/config.cjs';
import { TASKPANE_COMMAND_ID } from '../src/web/outlook/onsend/format';

const ROOT = path.join(__dirname, '..');
export const TEMPLATE_PATH = path.join(ROOT, 'manifest', 'manifest.template.json');
export const ASSETS_DIR = path.join(ROOT, 'assets');
/** The files the app package holds besides manifest.json (the manifest's `icons`). */
export const PACKAGE_ICONS = ['color.png', 'outline.png'] as const;

export type Placeholders = Record<string, string>;

export function placeholdersFor(config: AppConfig, version: string): Placeholders {
  return {
    APP_ID: config.appId,
    VERSION: version,
    BASE_URL: config.baseUrl,
    HOST: config.host,
    ENTRA_CLIENT_ID: config.entraClientId,
    BOT_ID: config.botAppId,
    RESOURCE: config.resource,
    API_SCOPE: config.apiScope,
    TASKPANE_COMMAND_ID,
  };
}

/**
 * Fills `{{NAME}}` in every string of the parsed template (never in the raw text, so a value cannot
 * break the JSON), and drops the arrays left empty for later parts (`staticTabs`, `configurableTabs`,
 * `bots` until the Teams issues fill them). An unknown or unfilled placeholder is an error.
 */
export function fillTemplate(template: unknown, values: Placeholders): unknown {
  const fill = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`manifest template ${at}: unknown placeholder {{${name}}}`);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${at}[${i}]`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value) && value.length === 0) continue;
        out[key] = fill(value, `${at}.${key}`);
      }
      return out;
    }
    return node;
  };
  return fill(template, '$');
}

export function buildManifest(config: AppConfig, version: string): Record<string, unknown> {
  const template: unknown = JSON.parse(fs.readFileSync(TEMPLATE_PATH, 'utf8'));
  return fillTemplate(template, placeholdersFor(config, version)) as Record<string, unknown>;
}

export interface PackageResult { dir: string; manifestPath: string; zipPath: string }

/** Writes `<outDir>/appPackage/` (manifest.json and icons) and `<outDir>/appPackage.zip`. */
export function writeAppPackage(outDir: string, config: AppConfig, version: string): PackageResult {
  const dir = path.join(outDir, 'appPackage');
  fs.mkdirSync(dir, { recursive: true });
  const manifestText = `${JSON.stringify(buildManifest(config, version), null, 2)}\n`;
  const manifestPath = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestPath, manifestText);
  const entries: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(manifestText) };
  for (const icon of PACKAGE_ICONS) {
    const bytes = fs.readFileSync(path.join(ASSETS_DIR, icon));
    fs.writeFileSync(path.join(dir, icon), bytes);
    entries[icon] = bytes;
  }
  const zipPath = path.join(outDir, 'appPackage.zip');
  // A fixed time stamp: the same inputs give the same zip.
  fs.writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return { dir, manifestPath, zipPath };
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  try {
    const result = writeAppPackage(path.resolve(process.argv[2] ?? path.join(ROOT, 'dist')), loadAppConfig(process.env), packageVersion());
    console.log(`${path.relative(process.cwd(), result.manifestPath)}\n${path.relative(process.cwd(), result.zipPath)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
