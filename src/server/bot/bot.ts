// The Teams bot on the Teams SDK (@microsoft/teams.apps). Fastify owns the port and the
// authentication (routes.ts validates the Bot Framework token, then hands the activity to
// `app.process`); the SDK routes the activity to the handlers below and answers invokes, and its
// API client sends replies and proactive messages to the Bot Connector.
//
// Who acts is the validated activity's `from.aadObjectId`. The Teams channel carries no app roles, so
// the bot acts with the one role its command needs (Manager to decide and list approvals, Caseworker
// for "mina"); what the user may do is then decided by the same service code as the API: only a
// designated approver decides, never on their own check, only the current revision.
import { App, type IHttpServerAdapter } from '@microsoft/teams.apps';
import type { Activity, AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { Assessment } from '../../api/contract';
import { COMMENT_MAX_LENGTH, greetingText, helpText, myAssessmentsCard, parseApprovalAction, parseCommand, pendingListCards, type AdaptiveCard } from '../../cards';
import type { Lang } from '../../policy/types';
import type { Principal } from '../auth/tokens';
import type { Clock } from '../deps';
import { HttpError } from '../errors';
import type { AssessmentService } from '../services/assessments';
import type { IntegrationConfig } from './config';
import type { ConversationStore } from './conversations';
import { langOf, refusalOnlyCard, type CardViews } from './views';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Fastify serves the endpoint; the SDK must not start a server of its own. */
const noHttpServer: IHttpServerAdapter = { registerRoute: () => undefined };

export interface BotOptions {
  config: IntegrationConfig;
  tenantId: string;
  assessments: Pick<AssessmentService, 'get' | 'list' | 'decide'>;
  views: CardViews;
  conversations: ConversationStore;
  clock: Clock;
  /** A token for the Bot Connector (development and tests); otherwise the SDK's client-credentials flow with the app secret. */
  connectorToken?: () => Promise<string>;
}

export const cardAttachment = (content: AdaptiveCard) => ({ contentType: ADAPTIVE_CARD, content });

function cardResponse(card: AdaptiveCard): AdaptiveCardActionResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD, value: card } as AdaptiveCardActionResponse;
}

function errorResponse(statusCode: 400 | 500, code: string, message: string): AdaptiveCardActionResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } } as AdaptiveCardActionResponse;
}

const principalOf = (activity: Activity, tenantId: string, role: 'Manager' | 'Caseworker'): Principal | undefined => {
  const oid = activity.from.aadObjectId;
  return oid ? { oid, tid: activity.conversation.tenantId ?? tenantId, roles: [role] } : undefined;
};

export function createBot(options: BotOptions): App {
  const { config, views, assessments, conversations, clock } = options;
  const app = new App({
    clientId: config.bot.appId,
    ...(options.connectorToken ? { token: options.connectorToken } : { clientSecret: config.bot.appSecret ?? '' }),
    tenantId: options.tenantId,
    serviceUrl: config.bot.serviceUrl,
    httpServerAdapter: noHttpServer,
    // Explicit, never undefined: see IntegrationConfig.bot.
    dangerouslyAllowUnauthenticatedRequests: config.bot.dangerouslyAllowUnauthenticatedRequests,
    activity: { mentions: { stripText: true } },
  });
  const lang = (activity: Activity): Lang => langOf(activity.locale, config.defaultLang);

  // Every validated activity from a user in a personal chat tells us where to write to them later.
  app.use(async (ctx) => {
    const a = ctx.activity;
    if (a.from.aadObjectId && a.conversation.conversationType === 'personal') {
      await conversations.remember({ oid: a.from.aadObjectId, conversationId: a.conversation.id, serviceUrl: a.serviceUrl ?? config.bot.serviceUrl, teamsUserId: a.from.id, locale: a.locale }, clock.now());
    }
    return ctx.next();
  });

  app.on('install.add', async (ctx) => {
    await ctx.send(greetingText(lang(ctx.activity)));
  });

  app.on('message', async (ctx) => {
    const l = lang(ctx.activity);
    const command = parseCommand(ctx.activity.text ?? '');
    if (command === 'pending') {
      const p = principalOf(ctx.activity, options.tenantId, 'Manager');
      const mine = p ? await assessments.list(p, 'approvals', 100).catch(refusedAsEmpty) : [];
      const items = await Promise.all(mine.filter((a) => a.status === 'awaiting-approval').map(async (a) => ({
        assessment: a, policy: await views.policy(a.policyNumber), names: await views.names(a), approverUserIds: [ctx.activity.from.id],
      })));
      for (const c of pendingListCards({ items, lang: l, now: clock.now() })) await ctx.send({ type: 'message', attachments: [cardAttachment(c)] });
      return;
    }
    if (command === 'mine') {
      const p = principalOf(ctx.activity, options.tenantId, 'Caseworker');
      const mine = p ? await assessments.list(p, 'mine', 100).catch(refusedAsEmpty) : [];
      const items = await Promise.all(mine.map(async (a) => ({ assessment: a, policy: await views.policy(a.policyNumber) })));
      await ctx.send({ type: 'message', attachments: [cardAttachment(myAssessmentsCard({ items, lang: l, now: clock.now() }))] });
      return;
    }
    await ctx.send(helpText(l));
  });

  app.on('card.action', async (ctx) => handleCardAction(ctx.activity, { ...options, lang: lang(ctx.activity) }));
  return app;
}

function refusedAsEmpty(err: unknown): Assessment[] {
  if (err instanceof HttpError && err.status === 403) return [];
  throw err;
}

/** `adaptiveCard/action`: refresh (the viewer's own view), approve, reject. */
export async function handleCardAction(
  activity: Activity & { value?: unknown },
  options: Pick<BotOptions, 'assessments' | 'views' | 'tenantId' | 'clock'> & { lang: Lang },
): Promise<AdaptiveCardActionResponse> {
  const { assessments, views, lang } = options;
  const action = parseApprovalAction(activity.value);
  if (!action) return errorResponse(400, 'unknown-action', 'This card action is not one of Mötescheck\'s.');
  const p = principalOf(activity, options.tenantId, 'Manager');
  if (!p) return errorResponse(400, 'no-user', 'The action carries no Microsoft Entra user.');
  const viewer = { approverUserIds: [activity.from.id], now: options.clock.now() };

  let current: Assessment;
  try {
    current = await assessments.get(p, action.assessmentId);
  } catch (err) {
    if (err instanceof HttpError && (err.status === 403 || err.status === 404)) return cardResponse(refusalOnlyCard('not-approver', lang));
    throw err;
  }
  const isOwn = current.organizer === p.oid;
  // Who sees the buttons (display only: decide() below is the authority).
  const approvers = (current as Assessment & { approvers?: string[] }).approvers ?? (current.approver ? [current.approver] : []);
  const mayDecide = !isOwn && approvers.includes(p.oid);
  const stale = action.revision < current.revision ? { seenRevision: action.revision } : {};

  if (action.verb === 'refresh') {
    return cardResponse(await views.approval(current, lang, { ...viewer, viewerIsApprover: mayDecide, ...stale }));
  }
  if (action.verb === 'reject' && !action.comment) return errorResponse(400, 'comment-required', lang === 'sv' ? 'Skriv varför du avslår.' : 'Say why you reject.');
  if (action.comment && action.comment.length > COMMENT_MAX_LENGTH) {
    return errorResponse(400, 'comment-too-long', lang === 'sv' ? `Kommentaren får vara högst ${COMMENT_MAX_LENGTH} tecken.` : `The comment may be at most ${COMMENT_MAX_LENGTH} characters.`);
  }
  try {
    const decided = await assessments.decide(p, action.assessmentId, {
      revision: action.revision, outcome: action.verb === 'approve' ? 'approved' : 'rejected', ...(action.comment ? { comment: action.comment } : {}),
    });
    // A repeated click on a card for an older, already decided revision is a no-op: show the current one.
    if (decided.revision > action.revision) return cardResponse(await views.approval(decided, lang, { ...viewer, viewerIsApprover: mayDecide, seenRevision: action.revision }));
    return cardResponse(await views.approval(decided, lang, { ...viewer, viewerIsApprover: true }));
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.status === 403) return cardResponse(await views.approval(current, lang, { ...viewer, refusal: isOwn ? 'own-assessment' : 'not-approver' }));
    if (err.code === 'stale-revision') {
      const fresh = await assessments.get(p, action.assessmentId);
      return cardResponse(await views.approval(fresh, lang, { ...viewer, viewerIsApprover: mayDecide, seenRevision: action.revision }));
    }
    if (err.code === 'already-decided') return cardResponse(await views.approval(await assessments.get(p, action.assessmentId), lang, { ...viewer, refusal: 'already-decided' }));
    if (err.code === 'not-awaiting-approval') return cardResponse(await views.approval(await assessments.get(p, action.assessmentId), lang, { ...viewer, refusal: 'not-awaiting' }));
    if (err.status === 422) return errorResponse(400, err.code, err.message);
    throw err;
  }
}
