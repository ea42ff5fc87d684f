// Builds the Teams and Graph side of the server from the configuration: the bot (Teams SDK) and its
// token validation, the approver resolver (Graph or configuration), staff names for cards, and the
// outbox worker with its effects. main.ts and the tests build it the same way; only the token
// sources and key sets differ (injected in development and tests).
import type { App } from '@microsoft/teams.apps';
import type { JWTPayload } from 'jose';
import { configApproverResolver } from '../approvers';
import { DEV_USERS } from '../auth/devUsers';
import type { Config } from '../config';
import type { ApproverResolver, Clock, MeetingChats, TokenKeySource } from '../deps';
import { clientCredentialsToken, createGraphClient } from '../graph/client';
import { graphApproverResolver } from '../graph/approvers';
import { GraphDirectory, type Directory } from '../graph/directory';
import { graphRoleHolders, type RoleHolders } from '../graph/roles';
import { JobLeases, scheduleJob } from '../jobs';
import { eventExtensionHandler, messageHandlers, queueReminders } from '../outbox/effects';
import { noticeHandlers } from '../outbox/notices';
import { queueReviewReminders } from '../reports/reviewNotices';
import { CalendarSweep } from '../sweep/sweep';
import { OutboxWorker, type OutboxHandler, type OutboxKind } from '../outbox/outbox';
import { AssessmentService } from '../services/assessments';
import { PolicyService } from '../services/policy';
import type { Store } from '../store/store';
import { botFrameworkKeySource, createBotTokenValidator, type BotTokenValidator } from './auth';
import { createBot } from './bot';
import { BOT_FRAMEWORK_ISSUER } from './config';
import { ConversationStore } from './conversations';
import { ProactiveSender } from './sender';
import { CardViews } from './views';

/** What the HTTP layer needs: the SDK app, the token check, and (development) a signer for the card page. */
export interface BotRuntime {
  app: App;
  validate: BotTokenValidator;
  /** Development only: signs a Bot Framework–shaped token with the local issuer's keys. */
  devSign?: (serviceUrl: string) => Promise<string>;
  /** Where the built card page is (development); dist/web by default. */
  webDir?: string;
}

export interface Integration {
  bot: BotRuntime | undefined;
  approvers: ApproverResolver;
  directory: Pick<Directory, 'displayName'>;
  /** Present when Graph is enabled: writes extensions and sends cards and notices. */
  worker: OutboxWorker | undefined;
  /** A meeting chat's join URL from Graph, when MEETING_CHAT_LOOKUP is on (the meeting tab's fallback). */
  meetingChats: MeetingChats | undefined;
  /** The second line of control, when SWEEP_GROUP_ID (or development) turns it on. */
  sweep: { run(): Promise<object> } | undefined;
  /** The review-reminder pass, when the bot can send (Graph and TEAMS_APP_ID) and REVIEW_REMINDERS is on. */
  reviewReminders: { run(): Promise<object> } | undefined;
  /** Starts the outbox loop (with the reminder pass before each poll) and the scheduled sweep and review reminders. */
  start(log?: Logger): void;
  stop(): Promise<void>;
}

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
type Signer = (claims: JWTPayload) => Promise<string>;

export interface IntegrationOptions {
  config: Config;
  store: Store;
  clock: Clock;
  /** The local issuer (development): signs Bot Framework–shaped tokens and tokens for a Graph stand-in. */
  devSigner?: { keys: TokenKeySource; signClaims: Signer };
  /** Overrides (tests): Bot Framework's keys, the Bot Connector token, the Graph token. */
  botKeys?: TokenKeySource;
  connectorToken?: () => Promise<string>;
  graphToken?: () => Promise<string>;
  /** Who holds an app role (tests); Graph's app-role assignments otherwise. */
  roleHolders?: RoleHolders;
  log?: Logger;
}

/** The demo organisation's names (development without Graph). */
export const devDirectory: Pick<Directory, 'displayName'> = {
  displayName: async (oid) => DEV_USERS.find((u) => u.oid === oid)?.name ?? oid,
};

export function createIntegration(o: IntegrationOptions): Integration {
  const { config, store, clock } = o;
  const ic = config.integration;
  const dev = config.dev ? o.devSigner : undefined;

  let directory: Pick<Directory, 'displayName'> = dev ? devDirectory : { displayName: async (oid) => oid };
  let graph: GraphDirectory | undefined;
  let graphClient: ReturnType<typeof createGraphClient> | undefined;
  if (ic.graph.enabled) {
    const token = o.graphToken
      ?? (dev ? () => dev.signClaims({ iss: 'motescheck-dev', aud: 'https://graph.microsoft.com', roles: ['motescheck-dev'] })
        : clientCredentialsToken({ tenantId: config.entra.tenantId, clientId: ic.bot.appId, clientSecret: ic.bot.appSecret ?? '', scope: 'https://graph.microsoft.com/.default' }));
    graphClient = createGraphClient({ baseUrl: ic.graph.baseUrl, token, maxRetries: ic.graph.maxRetries, retryDelaySeconds: ic.graph.retryDelaySeconds });
    graph = new GraphDirectory(graphClient, { baseUrl: ic.graph.baseUrl });
    directory = graph;
  }
  const approvers = ic.approversSource === 'graph' && graph ? graphApproverResolver(graph, config.approvers) : configApproverResolver(config.approvers);
  const chatsGraph = graph;
  const meetingChats: MeetingChats | undefined = chatsGraph && ic.meetingChatLookup ? { joinUrl: (chatId) => chatsGraph.meetingJoinUrl(chatId) } : undefined;

  if (!ic.enabled) {
    return { bot: undefined, approvers, directory, worker: undefined, meetingChats, sweep: undefined, reviewReminders: undefined, start: () => undefined, stop: async () => undefined };
  }

  const policies = new PolicyService(store.db, clock);
  // The same service (and decision code) as the HTTP API, over the same store and approver resolver.
  const assessments = new AssessmentService(store.db, clock, policies, approvers);
  const views = new CardViews(policies, directory);
  const conversations = new ConversationStore(store.db);
  const connectorToken = o.connectorToken ?? (dev ? () => dev.signClaims({ iss: 'motescheck-dev', aud: BOT_FRAMEWORK_ISSUER }) : undefined);
  const app = createBot({ config: ic, tenantId: config.entra.tenantId, assessments, views, conversations, clock, ...(connectorToken ? { connectorToken } : {}) });
  const keys = o.botKeys ?? (dev ? dev.keys : botFrameworkKeySource(ic.bot.keysUrl));
  const bot: BotRuntime = {
    app,
    validate: createBotTokenValidator({ appId: ic.bot.appId, keys, clock }),
    ...(dev ? { devSign: (serviceUrl: string) => dev.signClaims({ iss: BOT_FRAMEWORK_ISSUER, aud: ic.bot.appId, serviceurl: serviceUrl }) } : {}),
  };

  let worker: OutboxWorker | undefined;
  let sweep: Integration['sweep'];
  let reviewReminders: Integration['reviewReminders'];
  const sends = !!(graph && ic.teamsAppId);
  if (graph && graphClient) {
    const handlers: Partial<Record<OutboxKind, OutboxHandler>> = { 'event-extension': eventExtensionHandler(store.db, graph, clock) };
    if (ic.teamsAppId) {
      const sender = new ProactiveSender(app, graph, conversations, { teamsAppId: ic.teamsAppId, serviceUrl: ic.bot.serviceUrl, clock });
      Object.assign(handlers, messageHandlers({ assessments, views, sender, defaultLang: ic.defaultLang, tenantId: config.entra.tenantId }));
      Object.assign(handlers, noticeHandlers({ db: store.db, clock, policy: (n) => views.policy(n), directory, sender, defaultLang: ic.defaultLang, teamsAppId: ic.teamsAppId }));
    }
    worker = new OutboxWorker(store.db, clock, handlers, { leaseSeconds: ic.outbox.leaseSeconds, notFoundWindowMinutes: ic.outbox.notFoundWindowMinutes, maxBackoffSeconds: ic.outbox.maxBackoffSeconds }, o.log);

    const sc = ic.sweep;
    if (sc) {
      const client = graphClient;
      sweep = {
        run: async () => {
          // The organisation's own domains: the setting, else the policy's (so the sweep and on-send agree).
          const internalDomains = sc.internalDomains.length > 0 ? sc.internalDomains : ((await policies.published()).policy.internalDomains ?? []);
          if (internalDomains.length === 0) throw new Error("no internal mail domains: set SWEEP_INTERNAL_DOMAINS or the policy's internalDomains (Inställningar, Allmänt)");
          const calendar = new CalendarSweep(client, store.db, clock, { windowDays: sc.windowDays, internalDomains, ...(sc.notify && sends ? { notify: { approvers } } : {}) });
          return calendar.sweep(await calendar.groupMembers(sc.groupId));
        },
      };
    }
    if (sends && ic.reviewReminders.enabled) {
      // The policy admins: the holders of the API's PolicyAdmin app role (in development, the stand-in's demo organisation).
      const admins: RoleHolders = o.roleHolders ?? graphRoleHolders(graphClient, config.entra.clientId);
      reviewReminders = { run: () => queueReviewReminders(store.db, clock, policies, admins) };
    }
  }

  const timers: NodeJS.Timeout[] = [];
  return {
    bot, approvers, directory, worker, meetingChats, sweep, reviewReminders,
    start(log) {
      if (!worker) return;
      if (log) worker.log = log;
      worker.start(ic.outbox.pollSeconds, async () => {
        await queueReminders(store.db, clock, ic.reminderMinutesBefore).catch((err: unknown) => log?.error({ err }, 'reminder pass failed'));
      });
      if (!log) return;
      const leases = new JobLeases(store.db, clock);
      const nudged = (run: () => Promise<object>) => async () => { const r = await run(); worker?.nudge(); return r; };
      if (sweep && ic.sweep) {
        // A sweep of a large group pages through many calendars: the lease outlasts a slow run.
        timers.push(...scheduleJob(leases, { name: 'calendar-sweep', intervalMinutes: ic.sweep.intervalMinutes, leaseSeconds: Math.max(600, ic.sweep.intervalMinutes * 60) }, nudged(sweep.run), log));
      }
      if (reviewReminders) {
        timers.push(...scheduleJob(leases, { name: 'review-reminders', intervalMinutes: ic.reviewReminders.intervalMinutes, leaseSeconds: 300 }, nudged(reviewReminders.run), log));
      }
    },
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await worker?.stop();
    },
  };
}
