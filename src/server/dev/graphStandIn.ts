// DEVELOPMENT ONLY: a local stand-in for the handful of Microsoft Graph and Bot Connector calls the
// product makes, so the whole approval flow runs without Microsoft 365. The product reaches it through
// its real Graph client and the Teams SDK; only the base URLs differ (GRAPH_BASE_URL, BOT_SERVICE_URL).
// It is registered only with the explicit development setting, which config.ts refuses in production.
// State lives in memory: the demo organisation's directory is fixed, the rest is what the product wrote.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import { DEV_USERS } from '../auth/devUsers';
import { BOT_FRAMEWORK_ISSUER, DEV_SWEEP_GROUP_ID } from '../bot/config';
import { stockholmDate } from '../../policy';
import type { ApproverConfig } from '../config';
import type { Clock, TokenKeySource } from '../deps';

export const GRAPH_STAND_IN_PREFIX = '/dev/graph';
export const CONNECTOR_STAND_IN_PREFIX = '/dev/connector';
const DEV_CATALOG_APP_ID = 'dev-catalog-motescheck';

export interface StandInOptions {
  keys: TokenKeySource;
  approvers: ApproverConfig;
  clock: Clock;
}

/** What the stand-in has been sent, for the start page and tests. */
export interface StandInState {
  installations: Set<string>;
  extensions: Map<string, Record<string, unknown>>;
  messages: { conversationId: string; at: string; activity: unknown }[];
}

const notFound = (reply: FastifyReply, what: string) =>
  reply.code(404).send({ error: { code: 'Request_ResourceNotFound', message: `${what} was not found (development Graph stand-in)` } });

/** Europe/Stockholm's UTC offset on a date, as +01:00 or +02:00. */
function stockholmOffset(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(noon));
  return `+${String(hour - 12).padStart(2, '0')}:00`;
}

export function registerDevStandIns(app: FastifyInstance, options: StandInOptions): StandInState {
  const state: StandInState = { installations: new Set(), extensions: new Map(), messages: [] };
  const userById = (id: string) => DEV_USERS.find((u) => u.oid === id || u.userId === id);

  // The same local issuer signs the product's Graph and connector tokens; check them as the real services would.
  const requireToken = (audience: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    try {
      await jwtVerify(token, options.keys, { issuer: 'motescheck-dev', audience, algorithms: ['RS256', 'ES256'], currentDate: options.clock.now() });
    } catch {
      return reply.code(401).send({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is missing or invalid (development Graph stand-in)' } });
    }
  };
  const graphAuth = requireToken('https://graph.microsoft.com');
  const connectorAuth = requireToken(BOT_FRAMEWORK_ISSUER);
  const access = { access: 'public' as const };

  const g = (path: string) => `${GRAPH_STAND_IN_PREFIX}/v1.0${path}`;
  type P = { id: string; inst?: string; eventId?: string; name?: string };

  const graphGet: Record<string, (p: P, query: Record<string, string>) => { status: number; body?: unknown }> = {};

  app.get(g('/users/:id'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const u = userById((req.params as P).id);
    return u ? { id: u.oid, displayName: u.name } : notFound(reply, 'The user');
  });

  app.get(g('/users/:id/manager'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const manager = options.approvers.managers[(req.params as P).id];
    const u = manager ? userById(manager) : undefined;
    return u ? { '@odata.type': '#microsoft.graph.user', id: u.oid, displayName: u.name } : notFound(reply, 'The manager');
  });

  app.get(g('/appCatalogs/teamsApps'), { config: access, preHandler: graphAuth }, async (req) => {
    const filter = String((req.query as Record<string, string>)['$filter'] ?? '');
    const externalId = /externalId eq '([^']+)'/.exec(filter)?.[1];
    return { value: externalId ? [{ id: DEV_CATALOG_APP_ID, externalId, displayName: 'Mötescheck', distributionMethod: 'organization' }] : [] };
  });

  app.post(g('/users/:id/teamwork/installedApps'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const { id } = req.params as P;
    if (!userById(id)) return notFound(reply, 'The user');
    if (state.installations.has(id)) return reply.code(409).send({ error: { code: 'Conflict', message: 'The app is already installed for this user' } });
    state.installations.add(id);
    return reply.code(201).send();
  });

  app.get(g('/users/:id/teamwork/installedApps'), { config: access, preHandler: graphAuth }, async (req) => {
    const { id } = req.params as P;
    return { value: state.installations.has(id) ? [{ id: `inst-${id}`, teamsApp: { id: DEV_CATALOG_APP_ID, displayName: 'Mötescheck' } }] : [] };
  });

  app.get(g('/users/:id/teamwork/installedApps/:inst/chat'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const { id, inst } = req.params as P;
    return inst === `inst-${id}` && state.installations.has(id) ? { id: `dev-chat-${id}` } : notFound(reply, 'The installation');
  });

  const extensionKey = (p: P, name: string) => `${p.id}/${p.eventId}/${name}`;
  app.post(g('/users/:id/events/:eventId/extensions'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const p = req.params as P;
    const body = req.body as Record<string, unknown>;
    const key = extensionKey(p, String(body['extensionName']));
    if (state.extensions.has(key)) return reply.code(409).send({ error: { code: 'NameAlreadyExists', message: 'An extension with this name already exists' } });
    state.extensions.set(key, body);
    return reply.code(201).send({ id: `Microsoft.OutlookServices.OpenTypeExtension.${String(body['extensionName'])}`, ...body });
  });

  app.patch(g('/users/:id/events/:eventId/extensions/:name'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const p = req.params as P;
    const key = extensionKey(p, p.name!);
    if (!state.extensions.has(key)) return notFound(reply, 'The extension');
    state.extensions.set(key, { ...state.extensions.get(key), ...(req.body as Record<string, unknown>) });
    return reply.code(204).send();
  });

  graphGet['extension'] = (p) => {
    const value = state.extensions.get(extensionKey(p, p.name!));
    return value ? { status: 200, body: value } : { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'The extension was not found' } } };
  };
  app.get(g('/users/:id/events/:eventId/extensions/:name'), { config: access, preHandler: graphAuth }, async (req, reply) => {
    const r = graphGet['extension']!(req.params as P, {});
    return reply.code(r.status).send(r.body);
  });

  // The API's app roles and who holds them: the demo users' roles (the review reminders go to the policy admins).
  const roleIds = { Caseworker: 'd0000000-0000-4000-8000-0000000e0001', Manager: 'd0000000-0000-4000-8000-0000000e0002', PolicyAdmin: 'd0000000-0000-4000-8000-0000000e0003', Auditor: 'd0000000-0000-4000-8000-0000000e0004' } as const;
  app.get(g('/servicePrincipals'), { config: access, preHandler: graphAuth }, async () => ({
    value: [{ id: 'dev-service-principal', appRoles: Object.entries(roleIds).map(([value, id]) => ({ id, value, isEnabled: true })) }],
  }));
  app.get(g('/servicePrincipals/:id/appRoleAssignedTo'), { config: access, preHandler: graphAuth }, async () => ({
    value: DEV_USERS.flatMap((u) => u.roles.map((r) => ({ principalId: u.oid, principalType: 'User', appRoleId: roleIds[r], resourceId: 'dev-service-principal' }))),
  }));

  // The social-services group whose calendars the second line of control reads: the demo caseworkers.
  app.get(g('/groups/:id/transitiveMembers/microsoft.graph.user'), { config: access, preHandler: graphAuth }, async (req, reply) =>
    ((req.params as P).id === DEV_SWEEP_GROUP_ID
      ? { value: DEV_USERS.filter((u) => u.roles.includes('Caseworker')).map((u) => ({ id: u.oid })) }
      : notFound(reply, 'The group')));

  // The first demo caseworker's calendar: tomorrow at 10:00 (Stockholm) a Teams meeting with an outside
  // attendee that no check covers, which the second line of control reports; and an internal meeting it
  // ignores (the example policy's own domain). Made-up addresses only.
  app.get(g('/users/:id/calendarView/delta'), { config: access, preHandler: graphAuth }, async (req) => {
    const { id } = req.params as P;
    const query = req.query as Record<string, string>;
    const deltaLink = `${req.protocol}://${req.host}${g(`/users/${id}/calendarView/delta`)}?$deltatoken=dev`;
    if (query['$deltatoken'] || userById(id)?.userId !== 'caseworker') return { value: [], '@odata.deltaLink': deltaLink };
    const tomorrow = stockholmDate(new Date(options.clock.now().getTime() + 86_400_000).toISOString());
    const at = (time: string) => new Date(`${tomorrow}T${time}:00${stockholmOffset(tomorrow)}`).toISOString().replace('Z', '').replace(/\.\d+$/, '.0000000');
    const meeting = (eventId: string, time: string, attendee: string) => ({
      id: eventId, isOrganizer: true, isOnlineMeeting: true, isCancelled: false, onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/dev-${eventId}` },
      start: { dateTime: at(time), timeZone: 'UTC' }, end: { dateTime: at(time.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, '0'))), timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: attendee } }],
    });
    return {
      value: [meeting('dev-event-unchecked', '10:00', 'deltagare@example.org'), meeting('dev-event-internal', '13:00', 'kollega@exempelkommun.se')],
      '@odata.deltaLink': deltaLink,
    };
  });

  app.post(`${GRAPH_STAND_IN_PREFIX}/v1.0/$batch`, { config: access, preHandler: graphAuth }, async (req) => {
    const { requests } = req.body as { requests: { id: string; method: string; url: string }[] };
    return {
      responses: requests.map((r) => {
        const m = /^\/users\/([^/]+)\/events\/([^/]+)\/extensions\/([^/?]+)$/.exec(r.url);
        if (r.method !== 'GET' || !m) return { id: r.id, status: 400, body: { error: { code: 'BadRequest', message: 'the stand-in answers only extension reads in a batch' } } };
        return { id: r.id, ...graphGet['extension']!({ id: decodeURIComponent(m[1]!), eventId: decodeURIComponent(m[2]!), name: m[3]! }, {}) };
      }),
    };
  });

  // Bot Connector: the member look-up (Teams user id for refresh.userIds) and sending to a 1:1 chat.
  const c = (path: string) => `${CONNECTOR_STAND_IN_PREFIX}/v3${path}`;
  app.get(c('/conversations/:conv/members/:member'), { config: access, preHandler: connectorAuth }, async (req, reply) => {
    const u = userById((req.params as { member: string }).member);
    return u ? { id: `29:dev-${u.userId}`, aadObjectId: u.oid, name: u.name } : notFound(reply, 'The member');
  });
  app.post(c('/conversations/:conv/activities'), { config: access, preHandler: connectorAuth }, async (req, reply) => {
    const conversationId = (req.params as { conv: string }).conv;
    state.messages.push({ conversationId, at: new Date().toISOString(), activity: req.body });
    return reply.code(201).send({ id: `dev-activity-${state.messages.length}` });
  });

  // What the product sent to each demo user's chat, newest first (the start page links here).
  app.get('/dev/chats', { config: access }, async () => ({
    chats: DEV_USERS.map((u) => ({
      user: u.userId,
      name: u.name,
      messages: state.messages.filter((m) => m.conversationId === `dev-chat-${u.oid}`).reverse(),
    })).filter((chat) => chat.messages.length > 0),
  }));

  return state;
}
