// All configuration is read here, once, at start-up. A bad setting stops start-up with a message that
// names it; nothing else in src/server reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEV_CLIENT_ID, DEV_TENANT_ID, devApproverConfig } from './auth/devUsers';
import { integrationEnvSchema, parseIntegrationConfig, type IntegrationConfig } from './bot/config';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID such as 00000000-0000-0000-0000-000000000000');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** Who approves a caseworker's assessment: manager relations, stand-ins, and a fallback group. */
export const approverConfigSchema = z.strictObject({
  managers: z.record(z.string().min(1), z.string().min(1)).default({}),
  standIns: z.array(z.strictObject({ for: z.string().min(1), by: z.string().min(1), from: isoDate, until: isoDate })).default([]),
  fallbackGroup: z.array(z.string().min(1)).default([]),
});
export type ApproverConfig = z.infer<typeof approverConfigSchema>;

export interface Config {
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test' | undefined;
  /** The explicit development setting (MOTESCHECK_DEV): the only switch for the local issuer and demo users. */
  dev: boolean;
  database: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };
  entra: { tenantId: string; clientId: string; allowedTenants: string[] };
  rateLimit: { max: number; windowSeconds: number };
  bodyLimitBytes: number;
  approvers: ApproverConfig;
  snapshots: { intervalMinutes: number; keep: number };
  /** 'latest' or a snapshot file to load into an empty data folder at start (PGlite only). */
  restoreSnapshot: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** RETENTION_DAYS: records older than this are purged daily (the document plan); null = no purge. */
  retention: { days: number | null };
  /** The Teams bot, Microsoft Graph and the outbox (bot/config.ts). */
  integration: IntegrationConfig;
  /** TLS_CERT_FILE and TLS_KEY_FILE: serve HTTPS with these (PEM); absent: plain HTTP behind a TLS-terminating host. */
  tls: { certFile: string; keyFile: string } | null;
  /** WEB_DIR: the built front-ends (dist/web by default), served at / when the folder exists. */
  webDir: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`);
  }
}

const flag = z.enum(['1', 'true', '0', 'false'], { message: "must be 'true' or 'false' (or 1/0)" }).transform((v) => v === '1' || v === 'true');
const intIn = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const envSchema = z.object({
  PORT: intIn(1, 65535).optional(),
  HOST: z.string().min(1).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: "must be 'development', 'production' or 'test'" }).optional(),
  MOTESCHECK_DEV: flag.optional(),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  ENTRA_TENANT_ID: uuid.optional(),
  ENTRA_CLIENT_ID: uuid.optional(),
  ALLOWED_TENANTS: z.string().optional(),
  RATE_LIMIT_MAX: intIn(1, 1_000_000).optional(),
  RATE_LIMIT_WINDOW_SECONDS: intIn(1, 86_400).optional(),
  BODY_LIMIT_BYTES: intIn(1024, 10 * 1024 * 1024).optional(),
  APPROVERS_FILE: z.string().min(1).optional(),
  SNAPSHOT_INTERVAL_MINUTES: intIn(1, 7 * 24 * 60).optional(),
  SNAPSHOT_KEEP: intIn(1, 100).optional(),
  RESTORE_SNAPSHOT: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  RETENTION_DAYS: intIn(30, 36_500).optional(),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  WEB_DIR: z.string().min(1).optional(),
});

/** Reads and validates the configuration; throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  // Empty variables count as unset, as most hosts cannot distinguish the two.
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ setting: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = parsed.data;
  const problems: { setting: string; message: string }[] = [];
  const dev = e.MOTESCHECK_DEV ?? false;
  if (dev && e.NODE_ENV === 'production') {
    problems.push({ setting: 'MOTESCHECK_DEV', message: 'the development conveniences (local token issuer, demo users) are refused with NODE_ENV=production; unset MOTESCHECK_DEV' });
  }

  const tenantId = e.ENTRA_TENANT_ID ?? (dev ? DEV_TENANT_ID : undefined);
  const clientId = e.ENTRA_CLIENT_ID ?? (dev ? DEV_CLIENT_ID : undefined);
  if (!tenantId) problems.push({ setting: 'ENTRA_TENANT_ID', message: 'required: the Entra tenant id (GUID) of the organisation (or set MOTESCHECK_DEV=true for local development)' });
  if (!clientId) problems.push({ setting: 'ENTRA_CLIENT_ID', message: "required: the API app registration's client id (GUID), the tokens' audience" });

  let allowedTenants: string[] = tenantId ? [tenantId] : [];
  if (e.ALLOWED_TENANTS) {
    allowedTenants = e.ALLOWED_TENANTS.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = allowedTenants.filter((t) => !uuid.safeParse(t).success);
    if (bad.length > 0 || allowedTenants.length === 0) problems.push({ setting: 'ALLOWED_TENANTS', message: `must be a comma-separated list of tenant GUIDs (bad: ${bad.join(', ') || 'empty list'})` });
  }

  let approvers: ApproverConfig = { managers: {}, standIns: [], fallbackGroup: [] };
  if (e.APPROVERS_FILE) {
    try {
      const parsedFile = approverConfigSchema.safeParse(JSON.parse(fs.readFileSync(path.resolve(cwd, e.APPROVERS_FILE), 'utf8')));
      if (parsedFile.success) approvers = parsedFile.data;
      else problems.push({ setting: 'APPROVERS_FILE', message: parsedFile.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
    } catch (err) {
      problems.push({ setting: 'APPROVERS_FILE', message: `cannot read a JSON file at ${e.APPROVERS_FILE}: ${(err as Error).message}` });
    }
  } else if (dev) {
    approvers = devApproverConfig();
  }

  if (e.RESTORE_SNAPSHOT && e.DATABASE_URL) problems.push({ setting: 'RESTORE_SNAPSHOT', message: 'only applies to the embedded database (DATA_DIR); restore a PostgreSQL server with its own tools' });
  const integration = parseIntegrationConfig(clean as Record<string, string>, dev, problems);
  let tls: Config['tls'] = null;
  if (e.TLS_CERT_FILE || e.TLS_KEY_FILE) {
    if (!e.TLS_CERT_FILE || !e.TLS_KEY_FILE) problems.push({ setting: e.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE', message: 'TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither' });
    else {
      tls = { certFile: path.resolve(cwd, e.TLS_CERT_FILE), keyFile: path.resolve(cwd, e.TLS_KEY_FILE) };
      for (const [setting, file] of [['TLS_CERT_FILE', tls.certFile], ['TLS_KEY_FILE', tls.keyFile]] as const) {
        if (!fs.existsSync(file)) problems.push({ setting, message: `no file at ${file}` });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '127.0.0.1',
    nodeEnv: e.NODE_ENV,
    dev,
    database: e.DATABASE_URL ? { engine: 'postgres', url: e.DATABASE_URL } : { engine: 'pglite', dataDir: path.resolve(cwd, e.DATA_DIR ?? '.data') },
    entra: { tenantId: tenantId!, clientId: clientId!, allowedTenants },
    rateLimit: { max: e.RATE_LIMIT_MAX ?? 600, windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS ?? 60 },
    bodyLimitBytes: e.BODY_LIMIT_BYTES ?? 512 * 1024,
    approvers,
    snapshots: { intervalMinutes: e.SNAPSHOT_INTERVAL_MINUTES ?? 60, keep: e.SNAPSHOT_KEEP ?? 5 },
    restoreSnapshot: e.RESTORE_SNAPSHOT,
    logLevel: e.LOG_LEVEL ?? 'info',
    retention: { days: e.RETENTION_DAYS ?? null },
    integration,
    tls,
    webDir: path.resolve(cwd, e.WEB_DIR ?? 'dist/web'),
  };
}

/** Every setting the server reads: the deploy guide's table is checked against this list (test/docs). */
export const CONFIG_SETTINGS: readonly string[] = [...Object.keys(envSchema.shape), ...Object.keys(integrationEnvSchema.shape)];
