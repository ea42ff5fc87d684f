// The development card page's logic, separate from the DOM wiring so it can be read (and tested) on
// its own: it plays the Teams client for one demo user — asks the bot for each card's view (the
// Universal Actions `refresh`), renders it with the official adaptivecards renderer, and posts the
// card's Action.Execute as the same `adaptiveCard/action` invoke Teams would, to POST /api/messages
// with a Bot Framework–shaped token from the development issuer. Development only.

export interface DevUser { userId: string; oid: string; name: string; roles: string[] }

/** What the bot answers to an `adaptiveCard/action` invoke. */
export type InvokeAnswer =
  | { kind: 'card'; card: object }
  | { kind: 'error'; code: string; message: string };

export interface PageApi {
  users(): Promise<DevUser[]>;
  /** Assessments to show the user: those awaiting them (managers) or their own (caseworkers). */
  assessments(user: DevUser): Promise<{ id: string; revision: number; status: string }[]>;
  invoke(user: DevUser, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer>;
}

const SERVICE_PATH = '/dev/card-page';

/** The server's JSON answers, read by the few fields the page uses. */
interface Answer {
  message?: string; token?: string; appId?: string; tid?: string; users?: DevUser[];
  assessments?: { id: string; revision: number; status: string }[];
  type?: string; value?: { code?: string; message?: string } & object;
}

async function json(res: Response): Promise<Answer> {
  const text = await res.text();
  const body = (text ? JSON.parse(text) : {}) as Answer;
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  return body;
}

/** The page's calls, against the server it was loaded from. */
export function pageApi(origin: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): PageApi {
  const entraTokens = new Map<string, string>();
  let bot: Answer | undefined;
  let tenantId: string | undefined;

  const entraToken = async (userId: string) => {
    if (!entraTokens.has(userId)) {
      const body = await json(await fetchImpl(`${origin}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) }));
      entraTokens.set(userId, body.token ?? '');
    }
    return entraTokens.get(userId)!;
  };
  const get = async (url: string, userId: string) => json(await fetchImpl(`${origin}${url}`, { headers: { authorization: `Bearer ${await entraToken(userId)}` } }));

  return {
    async users() {
      return ((await json(await fetchImpl(`${origin}/api/dev/users`))).users ?? []).filter((u) => u.roles.includes('Manager') || u.roles.includes('Caseworker'));
    },
    async assessments(user) {
      const scope = user.roles.includes('Manager') ? 'approvals' : 'mine';
      const list = (await get(`/api/assessments?scope=${scope}`, user.userId)).assessments ?? [];
      return scope === 'approvals' ? list.filter((a) => a.status === 'awaiting-approval') : list.filter((a) => a.status !== 'withdrawn');
    },
    async invoke(user, verb, data) {
      tenantId ??= (await get('/api/me', user.userId)).tid;
      bot ??= await json(await fetchImpl(`${origin}/api/dev/bot-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceUrl: `${origin}${SERVICE_PATH}` }) }));
      const activity = {
        type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', id: `page-${Date.now()}`, serviceUrl: `${origin}${SERVICE_PATH}`,
        locale: typeof navigator !== 'undefined' ? navigator.language : 'sv-SE',
        from: { id: `dev-page:${user.userId}`, aadObjectId: user.oid, name: user.name },
        recipient: { id: `28:${bot.appId ?? ''}` },
        conversation: { id: 'dev-card-page', tenantId },
        value: { action: { type: 'Action.Execute', verb, data } },
      };
      const res = await fetchImpl(`${origin}/api/messages`, { method: 'POST', headers: { authorization: `Bearer ${bot.token ?? ''}`, 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const body = await json(res);
      if (body.type === 'application/vnd.microsoft.card.adaptive' && body.value) return { kind: 'card', card: body.value };
      return { kind: 'error', code: body.value?.code ?? 'error', message: body.value?.message ?? 'The bot did not answer with a card.' };
    },
  };
}
