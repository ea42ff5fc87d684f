// Settings for the Teams bot, Microsoft Graph and the outbox. Parsed by config.ts from the same
// environment object, at start-up, with every problem named by its setting.
import { z } from 'zod';

/** The development bot's app id: the audience of the Bot Framework–shaped tokens the local issuer signs. */
export const DEV_BOT_APP_ID = 'd0000000-0000-4000-8000-00000000b001';
/** Bot Framework's token issuer and its signing keys (the keys document named by its OpenID metadata). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';

export interface IntegrationConfig {
  /** The bot endpoint and Graph are configured: BOT_APP_ID is set, or the development setting is on. */
  enabled: boolean;
  bot: {
    appId: string;
    appSecret: string | undefined;
    /** Where proactive messages go (the Bot Connector of the tenant's region). */
    serviceUrl: string;
    keysUrl: string;
    /**
     * Passed to the Teams SDK explicitly, never left undefined: left undefined, the SDK reads
     * DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS from the environment. Always false.
     */
    dangerouslyAllowUnauthenticatedRequests: false;
  };
  graph: {
    /** Graph is called (approver lookup, app installation, extensions): off in development until GRAPH_BASE_URL names a stand-in. */
    enabled: boolean;
    /** Graph's root without the version, e.g. https://graph.microsoft.com. */
    baseUrl: string;
    maxRetries: number;
    retryDelaySeconds: number;
  };
  /** The unified manifest's id: the Teams app catalog's externalId. */
  teamsAppId: string | undefined;
  /** Who approves: the directory (Graph) or the APPROVERS_FILE/development configuration. */
  approversSource: 'graph' | 'config';
  reminderMinutesBefore: number;
  outbox: { pollSeconds: number; notFoundWindowMinutes: number; leaseSeconds: number; maxBackoffSeconds: number };
  defaultLang: 'sv' | 'en';
  /**
   * The second line of control (sweep/sweep.ts): on when SWEEP_GROUP_ID names the social-services
   * group (in development: the demo organisation's group in the Graph stand-in).
   */
  sweep: {
    groupId: string;
    /** SWEEP_INTERNAL_DOMAINS; empty: the published policy's internalDomains (the same the on-send check uses). */
    internalDomains: string[];
    intervalMinutes: number; windowDays: number; notify: boolean;
  } | null;
  /**
   * The meeting tab asks Graph for a meeting chat's join URL when the chat id alone does not find the
   * check (short /meet/ links): needs Chat.ReadBasic.All, or the RSC ChatSettings.Read.Chat (docs/deploy.md).
   */
  meetingChatLookup: boolean;
  /** Review reminders to the policy admins in Teams (reminders/reviewNotices.ts). */
  reviewReminders: { enabled: boolean; intervalMinutes: number };
}

/** The demo organisation's social-services group (Graph stand-in, development only). */
export const DEV_SWEEP_GROUP_ID = 'd0000000-0000-4000-8000-00000000a001';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID such as 00000000-0000-0000-0000-000000000000');
const httpsUrl = (dev: boolean) => z.string().url('must be a URL').refine((u) => dev || u.startsWith('https://'), 'must be an https:// URL');
const intIn = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const flag = z.enum(['1', 'true', '0', 'false'], { message: "must be 'true' or 'false' (or 1/0)" }).transform((v) => v === '1' || v === 'true');
const domain = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const integrationEnvSchema = z.object({
  BOT_APP_ID: uuid.optional(),
  BOT_APP_SECRET: z.string().min(1).optional(),
  BOT_SERVICE_URL: z.string().optional(),
  BOT_KEYS_URL: z.string().optional(),
  TEAMS_APP_ID: uuid.optional(),
  GRAPH_BASE_URL: z.string().optional(),
  GRAPH_MAX_RETRIES: intIn(0, 10).optional(),
  GRAPH_RETRY_DELAY_SECONDS: intIn(0, 180).optional(),
  APPROVERS_SOURCE: z.enum(['graph', 'config'], { message: "must be 'graph' or 'config'" }).optional(),
  APPROVAL_REMINDER_MINUTES: intIn(1, 7 * 24 * 60).optional(),
  OUTBOX_POLL_SECONDS: intIn(1, 3600).optional(),
  OUTBOX_NOT_FOUND_WINDOW_MINUTES: intIn(1, 30 * 24 * 60).optional(),
  OUTBOX_LEASE_SECONDS: intIn(10, 3600).optional(),
  BOT_DEFAULT_LANGUAGE: z.enum(['sv', 'en'], { message: "must be 'sv' or 'en'" }).optional(),
  SWEEP_GROUP_ID: uuid.optional(),
  SWEEP_INTERNAL_DOMAINS: z.string().optional(),
  SWEEP_INTERVAL_MINUTES: intIn(5, 24 * 60).optional(),
  SWEEP_WINDOW_DAYS: intIn(1, 90).optional(),
  SWEEP_NOTIFY: flag.optional(),
  REVIEW_REMINDERS: flag.optional(),
  MEETING_CHAT_LOOKUP: flag.optional(),
  REVIEW_REMINDER_INTERVAL_MINUTES: intIn(5, 7 * 24 * 60).optional(),
});

type Problem = { setting: string; message: string };

/** Reads the integration settings from `env` (already cleaned of empty values); pushes problems. */
export function parseIntegrationConfig(env: Record<string, string>, dev: boolean, problems: Problem[]): IntegrationConfig {
  const parsed = integrationEnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push({ setting: String(i.path[0] ?? '?'), message: i.message });
  }
  const e = parsed.success ? parsed.data : {};
  const url = (setting: string, value: string | undefined, fallback: string): string => {
    if (value === undefined) return fallback;
    const r = httpsUrl(dev).safeParse(value);
    if (!r.success) problems.push({ setting, message: r.error.issues[0]?.message ?? 'must be a URL' });
    return value.replace(/\/+$/, '');
  };
  const enabled = dev || e.BOT_APP_ID !== undefined;
  if (e.BOT_APP_ID && !dev) {
    if (!e.BOT_APP_SECRET) problems.push({ setting: 'BOT_APP_SECRET', message: "required with BOT_APP_ID: the bot app registration's client secret (the bot sends messages and calls Graph with it)" });
    if (!e.TEAMS_APP_ID) problems.push({ setting: 'TEAMS_APP_ID', message: "required with BOT_APP_ID: the unified manifest's id, to find the app in the organisation's app catalog" });
  }
  const graphEnabled = enabled && (!dev || e.GRAPH_BASE_URL !== undefined);
  const approversSource = e.APPROVERS_SOURCE ?? (graphEnabled && !dev ? 'graph' : 'config');
  if (approversSource === 'graph' && !graphEnabled) {
    problems.push({ setting: 'APPROVERS_SOURCE', message: "'graph' needs Graph: set BOT_APP_ID (and, in development, GRAPH_BASE_URL)" });
  }
  let sweep: IntegrationConfig['sweep'] = null;
  if (e.MEETING_CHAT_LOOKUP && !graphEnabled) problems.push({ setting: 'MEETING_CHAT_LOOKUP', message: 'reads the meeting chat through Graph: set BOT_APP_ID (and, in development, GRAPH_BASE_URL)' });
  const sweepGroup = e.SWEEP_GROUP_ID ?? (dev && graphEnabled ? DEV_SWEEP_GROUP_ID : undefined);
  if (sweepGroup) {
    const domains = (e.SWEEP_INTERNAL_DOMAINS ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
    const bad = domains.filter((d) => !domain.test(d));
    if (!graphEnabled) problems.push({ setting: 'SWEEP_GROUP_ID', message: 'the calendar sweep reads calendars through Graph: set BOT_APP_ID (and, in development, GRAPH_BASE_URL)' });
    if (bad.length > 0) problems.push({ setting: 'SWEEP_INTERNAL_DOMAINS', message: `must be mail domains such as kommun.se (bad: ${bad.join(', ')})` });
    sweep = { groupId: sweepGroup, internalDomains: domains, intervalMinutes: e.SWEEP_INTERVAL_MINUTES ?? 60, windowDays: e.SWEEP_WINDOW_DAYS ?? 14, notify: e.SWEEP_NOTIFY ?? true };
  } else if (e.SWEEP_INTERNAL_DOMAINS !== undefined || e.SWEEP_INTERVAL_MINUTES !== undefined || e.SWEEP_WINDOW_DAYS !== undefined || e.SWEEP_NOTIFY !== undefined) {
    problems.push({ setting: 'SWEEP_GROUP_ID', message: 'the SWEEP_* settings need SWEEP_GROUP_ID: the object id of the social-services group whose calendars are swept' });
  }
  return {
    enabled,
    bot: {
      appId: e.BOT_APP_ID ?? DEV_BOT_APP_ID,
      appSecret: e.BOT_APP_SECRET,
      serviceUrl: url('BOT_SERVICE_URL', e.BOT_SERVICE_URL, 'https://smba.trafficmanager.net/teams'),
      keysUrl: url('BOT_KEYS_URL', e.BOT_KEYS_URL, BOT_FRAMEWORK_KEYS_URL),
      dangerouslyAllowUnauthenticatedRequests: false,
    },
    graph: {
      enabled: graphEnabled,
      baseUrl: url('GRAPH_BASE_URL', e.GRAPH_BASE_URL, 'https://graph.microsoft.com'),
      maxRetries: e.GRAPH_MAX_RETRIES ?? 3,
      retryDelaySeconds: e.GRAPH_RETRY_DELAY_SECONDS ?? 3,
    },
    teamsAppId: e.TEAMS_APP_ID,
    approversSource,
    reminderMinutesBefore: e.APPROVAL_REMINDER_MINUTES ?? 120,
    outbox: {
      pollSeconds: e.OUTBOX_POLL_SECONDS ?? 5,
      notFoundWindowMinutes: e.OUTBOX_NOT_FOUND_WINDOW_MINUTES ?? 24 * 60,
      leaseSeconds: e.OUTBOX_LEASE_SECONDS ?? 300,
      maxBackoffSeconds: 3600,
    },
    defaultLang: e.BOT_DEFAULT_LANGUAGE ?? 'sv',
    sweep,
    reviewReminders: { enabled: e.REVIEW_REMINDERS ?? true, intervalMinutes: e.REVIEW_REMINDER_INTERVAL_MINUTES ?? 60 },
    meetingChatLookup: graphEnabled && (e.MEETING_CHAT_LOOKUP ?? false),
  };
}
