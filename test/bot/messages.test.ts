// Talking to the bot: the greeting on installation, "att godkänna"/"pending", "mina", help otherwise;
// and the reminder before the meeting. Replies go to the Bot Connector, intercepted with msw.
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { sql } from 'kysely';
import { queueReminders } from '../../src/server/outbox/effects';
import { engineContext, meetingInput, type EngineContext } from '../server/helpers/harness';
import { api, botServer, executeVerbs, postActivity, SERVICE_URL, type BotServer, type Json } from './helpers/botServer';

const sent: { conversation: string; body: Json }[] = [];
const unhandled: string[] = [];
const connector = setupServer(
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  http.post(`${SERVICE_URL}/v3/conversations/:conv/activities`, async ({ request, params }) => {
    sent.push({ conversation: String(params.conv), body: await request.json() });
    return HttpResponse.json({ id: `m${sent.length}` }, { status: 201 });
  }),
);

function activity(s: BotServer, userId: string, extra: Record<string, unknown>) {
  return {
    channelId: 'msteams', serviceUrl: SERVICE_URL, id: `a${Math.random()}`, timestamp: s.clock.now().toISOString(),
    from: { id: `29:mri-${userId}`, aadObjectId: s.oid(userId) }, recipient: { id: `28:${s.config.integration.bot.appId}` },
    conversation: { id: `a:chat-${userId}`, conversationType: 'personal', tenantId: s.config.entra.tenantId },
    ...extra,
  };
}

describe('talking to the bot', () => {
  let ctx: EngineContext;
  let s: BotServer;

  beforeAll(async () => {
    connector.listen({ onUnhandledRequest: (req, print) => { unhandled.push(`${req.method} ${req.url}`); print.error(); } });
    ctx = await engineContext('pglite');
  });
  afterAll(async () => { connector.close(); await ctx.close(); });
  beforeEach(async () => { sent.length = 0; s = await botServer(await ctx.newStore()); });
  afterEach(async () => { await s.close(); expect(unhandled).toEqual([]); });

  const say = (userId: string, text: string, locale = 'sv-SE') => postActivity(s, activity(s, userId, { type: 'message', text, locale }));

  it('greets on installation with one line, and remembers the conversation for later messages', async () => {
    expect((await postActivity(s, activity(s, 'manager', { type: 'installationUpdate', action: 'add', locale: 'en-US' }))).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversation).toBe('a:chat-manager');
    expect(sent[0]!.body.text).toMatch(/^[^\n]+$/);
    const row = (await sql<{ conversation_id: string; teams_user_id: string }>`select * from bot_users where oid = ${s.oid('manager')}`.execute(s.store.db)).rows[0];
    expect(row).toMatchObject({ conversation_id: 'a:chat-manager', teams_user_id: '29:mri-manager' });
  });

  it('"att godkänna" gives the manager one card with buttons per check awaiting them; "pending" too', async () => {
    const ids: string[] = [];
    for (const start of ['2026-03-12T09:00:00+01:00', '2026-03-10T09:00:00+01:00']) {
      const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], start }));
      await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
      ids.push(a.body.id);
    }
    await say('manager', 'Att godkänna');
    expect(sent).toHaveLength(2);
    const cards = sent.map((m) => m.body.attachments[0].content);
    expect(cards.map((c) => c.actions[0].data.assessmentId)).toEqual([ids[1], ids[0]]);
    for (const c of cards) expect(executeVerbs(c).sort()).toEqual(['approve', 'reject']);
    sent.length = 0;
    await say('manager2', 'pending', 'en-US');
    expect(sent).toHaveLength(1);
    expect(executeVerbs(sent[0]!.body.attachments[0].content)).toEqual([]);
  });

  it('"mina" gives the caseworker the status of their open checks; anything else gets help', async () => {
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'] }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    await say('caseworker', 'mina');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.body.attachments[0].content)).toContain('Väntar på godkännande');
    sent.length = 0;
    await say('caseworker', 'hej');
    await say('caseworker', 'hello', 'en-US');
    expect(sent.map((m) => typeof m.body.text)).toEqual(['string', 'string']);
    expect(sent[0]!.body.text).not.toBe(sent[1]!.body.text);
  });

  it('queues one reminder per approver and one warning for the caseworker before the meeting, once', async () => {
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], start: '2026-03-02T12:00:00+01:00' }));
    await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    const minutes = s.config.integration.reminderMinutesBefore;
    expect(await queueReminders(s.store.db, s.clock, minutes)).toBe(0);
    s.clock.set(new Date(Date.parse('2026-03-02T11:00:00Z') - minutes * 60_000 + 60_000).toISOString());
    expect(await queueReminders(s.store.db, s.clock, minutes)).toBe(2);
    expect(await queueReminders(s.store.db, s.clock, minutes)).toBe(0);
    const kinds = (await sql<{ kind: string; recipient: string }>`select kind, recipient from outbox where kind in ('reminder', 'pending-warning') order by kind`.execute(s.store.db)).rows;
    expect(kinds).toEqual([{ kind: 'pending-warning', recipient: s.oid('caseworker') }, { kind: 'reminder', recipient: s.oid('manager') }]);
  });
});
