// A real server with the bot and (optionally) Graph and the outbox, for the bot and Graph tests. Built
// like main.ts builds it: createIntegration over the same store, clock and configuration.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app';
import { createDevIssuer, type DevIssuer } from '../../../src/server/auth/devIssuer';
import { DEV_CLIENT_ID, DEV_TENANT_ID, devUser } from '../../../src/server/auth/devUsers';
import { BOT_FRAMEWORK_ISSUER, type IntegrationConfig } from '../../../src/server/bot/config';
import { createIntegration, type Integration } from '../../../src/server/bot/integration';
import type { ApproverConfig, Config } from '../../../src/server/config';
import type { Store } from '../../../src/server/store/store';
import { TestClock, testConfig } from '../../server/helpers/harness';

/** JSON read from HTTP answers and cards, field by field, in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const SERVICE_URL = 'https://smba.trafficmanager.net/teams';
export const TEAMS_APP_ID = '7e2c8f4a-1b2d-4c3e-9f00-00000000a001';
export const GRAPH = 'https://graph.microsoft.com/v1.0';

/** A JWT-shaped token for the Bot Connector (the Teams SDK parses it); never validated here. */
export function connectorJwt(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: BOT_FRAMEWORK_ISSUER, exp: 4102444800, appid: 'test' })}.c2ln`;
}

export interface BotServer {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
  issuer: DevIssuer;
  config: Config;
  integration: Integration;
  /** http://127.0.0.1:port of the listening server. */
  baseUrl: string;
  oid(userId: string): string;
  entraToken(userId: string): Promise<string>;
  /** A Bot Framework token from the development issuer, as Teams' connector would send. */
  botToken(claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function botServer(store: Store, options: { clock?: TestClock; graph?: boolean; graphRetries?: number; webDir?: string; approvers?: Partial<ApproverConfig>; integration?: Partial<IntegrationConfig> } = {}): Promise<BotServer> {
  const clock = options.clock ?? new TestClock();
  const base = testConfig();
  const integration: IntegrationConfig = {
    ...base.integration,
    bot: { ...base.integration.bot, serviceUrl: SERVICE_URL },
    graph: { ...base.integration.graph, enabled: options.graph ?? false, baseUrl: 'https://graph.microsoft.com', maxRetries: options.graphRetries ?? 1, retryDelaySeconds: 0 },
    teamsAppId: TEAMS_APP_ID,
    ...options.integration,
  };
  const config: Config = { ...base, approvers: { ...base.approvers, ...options.approvers }, integration };
  const issuer = await createDevIssuer({ tenantId: DEV_TENANT_ID, clientId: DEV_CLIENT_ID, clock });
  const built = createIntegration({
    config, store, clock, devSigner: issuer,
    connectorToken: async () => connectorJwt(),
    graphToken: async () => 'graph-test-token',
  });
  if (built.bot && options.webDir) built.bot.webDir = options.webDir;
  const app = await buildServer({ config, store, clock, approvers: built.approvers, keys: issuer.keys, logger: false, devIssuer: issuer, ...(built.bot ? { bot: built.bot } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    app, store, clock, issuer, config, integration: built,
    baseUrl: `http://127.0.0.1:${port}`,
    oid: (userId) => devUser(userId)!.oid,
    async entraToken(userId) {
      return (await issuer.sign(userId))!;
    },
    botToken: (claims = {}) => issuer.signClaims({ iss: BOT_FRAMEWORK_ISSUER, aud: integration.bot.appId, serviceurl: SERVICE_URL, ...claims }),
    async close() {
      await built.stop();
      await app.close();
      await store.close();
    },
  };
}

/** An `adaptiveCard/action` invoke as Teams sends it for a card button. */
export function invokeActivity(s: BotServer, userId: string, verb: string, data: Record<string, unknown>, locale = 'sv-SE') {
  return {
    type: 'invoke', name: 'adaptiveCard/action', id: `act-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl: SERVICE_URL, locale,
    timestamp: s.clock.now().toISOString(),
    from: { id: `29:mri-${userId}`, aadObjectId: s.oid(userId), name: userId },
    recipient: { id: `28:${s.config.integration.bot.appId}`, name: 'Mötescheck' },
    conversation: { id: `a:chat-${userId}`, conversationType: 'personal', tenantId: s.config.entra.tenantId },
    channelData: { tenant: { id: s.config.entra.tenantId } },
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

export async function postActivity(s: BotServer, activity: object, token?: string | null): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const t = token === undefined ? await s.botToken() : token;
  if (t !== null) headers.authorization = `Bearer ${t}`;
  const res = await fetch(`${s.baseUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The API as a front-end calls it, over HTTP with a development Entra token. */
export async function api(s: BotServer, method: string, url: string, userId: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${s.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${await s.entraToken(userId)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The verbs of a card's Action.Execute buttons, including those inside a show-card. */
export function executeVerbs(card: Json): string[] {
  const verbs: string[] = [];
  const walk = (actions: Json[] | undefined) => {
    for (const a of actions ?? []) {
      if (a.type === 'Action.Execute') verbs.push(a.verb);
      if (a.type === 'Action.ShowCard') walk(a.card?.actions);
    }
  };
  walk(card?.actions);
  return verbs;
}
