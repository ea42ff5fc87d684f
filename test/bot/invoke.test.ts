// The card's actions through the real endpoint: POST /api/messages over HTTP with Bot Framework
// tokens from the development issuer, answered with the card from src/cards, and the database state
// after each (decisions, status, outbox rows written in the same transaction).
import { sql } from 'kysely';
import { engineContext, meetingInput, type EngineContext } from '../server/helpers/harness';
import { devUser } from '../../src/server/auth/devUsers';
import { api, botServer, executeVerbs, invokeActivity, postActivity, SERVICE_URL, type BotServer, type Json } from './helpers/botServer';

describe('card actions through POST /api/messages', () => {
  let ctx: EngineContext;
  let s: BotServer;

  beforeAll(async () => { ctx = await engineContext('pglite'); });
  afterAll(async () => { await ctx.close(); });
  afterEach(async () => { await s.close(); });

  const start = async (approvers?: NonNullable<Parameters<typeof botServer>[1]>['approvers']) => {
    s = await botServer(await ctx.newStore(), approvers ? { approvers } : {});
  };

  /** A caseworker's check that needs co-approval, submitted: awaiting the manager. */
  async function submitted(overrides: Record<string, unknown> = {}) {
    const a = await api(s, 'POST', '/api/assessments', 'caseworker', meetingInput({ needs: ['barn-deltar'], ...overrides }));
    expect(a.status).toBe(201);
    const sub = await api(s, 'POST', `/api/assessments/${a.body.id}/submit`, 'caseworker', {});
    expect(sub.body.status).toBe('awaiting-approval');
    return sub.body as { id: string; revision: number; approvers: string[] };
  }

  const decisions = (id: string) => s.store.db.selectFrom('decisions').selectAll().where('assessment_id', '=', id).execute();
  const status = async (id: string) => (await s.store.db.selectFrom('assessments').select(['status', 'revision']).where('id', '=', id).executeTakeFirstOrThrow());
  const outbox = async (id: string) => (await sql<{ kind: string; recipient: string; revision: number }>`select kind, recipient, revision from outbox where assessment_id = ${id} order by kind, recipient`.execute(s.store.db)).rows;
  const act = (user: string, verb: string, data: Record<string, unknown>, locale?: string) => postActivity(s, invokeActivity(s, user, verb, data, locale));
  const cardOf = (res: { status: number; body: Json }) => {
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    return res.body.value;
  };

  it('approve: the card shows the outcome to everyone, one decision is recorded with its outbox rows', async () => {
    await start();
    const a = await submitted();
    expect(await outbox(a.id)).toEqual([{ kind: 'approval-card', recipient: s.oid('manager'), revision: 1 }]);
    const card = cardOf(await act('manager', 'approve', { assessmentId: a.id, revision: 1 }));
    const text = JSON.stringify(card);
    expect(text).toContain('Demo Chef');
    expect(executeVerbs(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(await status(a.id)).toEqual({ status: 'approved', revision: 1 });
    const d = await decisions(a.id);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ outcome: 'approved', decided_by: s.oid('manager'), revision: 1, comment: null });
    expect((await outbox(a.id)).map((r) => r.kind)).toEqual(['approval-card', 'event-extension', 'outcome-notice']);
  });

  it('reject with a comment: the comment is on the card and in the decision', async () => {
    await start();
    const a = await submitted();
    const card = cardOf(await act('manager', 'reject', { assessmentId: a.id, revision: 1, comment: '  Ta ett fysiskt möte i stället.  ' }, 'en-GB'));
    expect(JSON.stringify(card)).toContain('Ta ett fysiskt möte i stället.');
    expect(executeVerbs(card)).toEqual([]);
    expect(await status(a.id)).toEqual({ status: 'rejected', revision: 1 });
    expect((await decisions(a.id))[0]).toMatchObject({ outcome: 'rejected', comment: 'Ta ett fysiskt möte i stället.' });
    // A rejection needs a comment; a comment holding a personal identity number is refused.
    const b = await submitted();
    const bare = await act('manager', 'reject', { assessmentId: b.id, revision: 1 });
    expect(bare.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'comment-required' } });
    const pin = await act('manager', 'reject', { assessmentId: b.id, revision: 1, comment: 'Gäller 19121212-1212' });
    expect(pin.body).toMatchObject({ statusCode: 400, value: { code: 'personal-identity-number' } });
    expect(await decisions(b.id)).toEqual([]);
  });

  it('the wrong user gets a refusal without the meeting facts, and nothing is recorded', async () => {
    await start();
    const a = await submitted();
    const card = cardOf(await act('manager2', 'approve', { assessmentId: a.id, revision: 1 }));
    const text = JSON.stringify(card);
    expect(text).toContain('Du är inte utsedd att godkänna');
    expect(text).not.toContain('Demo Handläggare');
    expect(executeVerbs(card)).toEqual([]);
    expect(await decisions(a.id)).toEqual([]);
    expect(await status(a.id)).toEqual({ status: 'awaiting-approval', revision: 1 });
  });

  it('a caseworker cannot approve their own check', async () => {
    await start();
    const a = await submitted();
    const own = cardOf(await act('caseworker', 'approve', { assessmentId: a.id, revision: 1 }));
    expect(JSON.stringify(own)).toContain('Du kan inte godkänna din egen bedömning');
    expect(executeVerbs(own)).toEqual([]);
    expect(await decisions(a.id)).toEqual([]);
    expect(await status(a.id)).toEqual({ status: 'awaiting-approval', revision: 1 });
  });

  it('a stand-in decides while standing in, and not after the period', async () => {
    const standIns = [{ for: botOid('manager'), by: botOid('manager2'), from: '2026-03-01', until: '2026-03-05' }];
    await start({ standIns });
    const during = await submitted();
    const late = await submitted();
    expect(during.approvers).toEqual([s.oid('manager'), s.oid('manager2')]);
    s.clock.set('2026-03-04T09:00:00Z');
    const ok = cardOf(await act('manager2', 'approve', { assessmentId: during.id, revision: 1 }));
    expect(JSON.stringify(ok)).toContain('Demo Chef (ersättare)');
    expect((await decisions(during.id))[0]).toMatchObject({ outcome: 'approved', decided_by: s.oid('manager2') });
    s.clock.set('2026-03-06T09:00:00Z');
    const refused = cardOf(await act('manager2', 'approve', { assessmentId: late.id, revision: 1 }));
    expect(JSON.stringify(refused)).toContain('Du är inte utsedd att godkänna');
    expect(await decisions(late.id)).toEqual([]);
    // The manager still may.
    cardOf(await act('manager', 'approve', { assessmentId: late.id, revision: 1 }));
    expect((await decisions(late.id))[0]).toMatchObject({ decided_by: s.oid('manager') });
  });

  it('a card for an outdated revision refreshes to the current one, and its buttons act on that', async () => {
    await start();
    const a = await submitted();
    const input = meetingInput({ needs: ['barn-deltar', 'tolk'] });
    expect((await api(s, 'PUT', `/api/assessments/${a.id}`, 'caseworker', { ...input, revision: 1 })).body.revision).toBe(2);
    await api(s, 'POST', `/api/assessments/${a.id}/submit`, 'caseworker', {});
    const stale = cardOf(await act('manager', 'approve', { assessmentId: a.id, revision: 1 }));
    expect(JSON.stringify(stale)).toContain('Kortet du svarade på gällde version');
    expect(executeVerbs(stale).sort()).toEqual(['approve', 'reject']);
    expect(stale.actions[0].data).toEqual({ assessmentId: a.id, revision: 2 });
    expect(await decisions(a.id)).toEqual([]);
    const refreshed = cardOf(await act('manager', 'refresh', { assessmentId: a.id, revision: 1 }));
    expect(JSON.stringify(refreshed)).toContain('Kortet du svarade på gällde version');
    cardOf(await act('manager', 'approve', { assessmentId: a.id, revision: 2 }));
    expect(await decisions(a.id)).toEqual([expect.objectContaining({ revision: 2, outcome: 'approved' })]);
  });

  it('a double click records one decision; a different second answer is refused as already decided', async () => {
    await start();
    const a = await submitted();
    const [first, second] = await Promise.all([
      act('manager', 'approve', { assessmentId: a.id, revision: 1 }),
      act('manager', 'approve', { assessmentId: a.id, revision: 1 }),
    ]);
    for (const r of [first, second]) expect(executeVerbs(cardOf(r))).toEqual([]);
    expect(await decisions(a.id)).toHaveLength(1);
    expect((await outbox(a.id)).filter((r) => r.kind === 'event-extension')).toHaveLength(1);
    const other = cardOf(await act('manager', 'reject', { assessmentId: a.id, revision: 1, comment: 'Nej' }));
    expect(JSON.stringify(other)).toContain('redan beslutad');
    expect((await decisions(a.id))[0]).toMatchObject({ outcome: 'approved' });
  });

  it('refresh gives the approver the buttons and everyone else the card without them', async () => {
    await start();
    const a = await submitted();
    const mine = cardOf(await act('manager', 'refresh', { assessmentId: a.id, revision: 1 }));
    expect(executeVerbs(mine).sort()).toEqual(['approve', 'reject']);
    expect(mine.refresh.userIds).toEqual(['29:mri-manager']);
    const owner = cardOf(await act('caseworker', 'refresh', { assessmentId: a.id, revision: 1 }));
    expect(executeVerbs(owner)).toEqual([]);
  });

  describe('authentication of the endpoint', () => {
    it.each([
      ['no token', async () => null, 401],
      ['a token signed by another key', async () => (await (await import('../../src/server/auth/devIssuer')).createDevIssuer({ tenantId: s.config.entra.tenantId, clientId: s.config.entra.clientId, clock: s.clock })).signClaims({ iss: 'https://api.botframework.com', aud: s.config.integration.bot.appId, serviceurl: SERVICE_URL }), 401],
      ['an unsigned token (alg none)', async () => {
        const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: s.config.integration.bot.appId, serviceurl: SERVICE_URL, exp: 4102444800, nbf: 0 })}.`;
      }, 401],
      ['the wrong audience', async () => s.botToken({ aud: '00000000-0000-4000-8000-000000000000' }), 401],
      ['the wrong issuer', async () => s.botToken({ iss: 'https://login.microsoftonline.com/x/v2.0' }), 401],
      ['an Entra user token', async () => s.entraToken('manager'), 401],
      ['another serviceUrl than the activity', async () => s.botToken({ serviceurl: 'https://evil.example/teams' }), 401],
      ['an expired token', async () => s.issuer.signClaims({ iss: 'https://api.botframework.com', aud: s.config.integration.bot.appId, serviceurl: SERVICE_URL }, { issuedAt: 1e9, notBefore: 1e9, expiresAt: 1e9 + 60 }), 401],
    ])('refuses %s', async (_name, token, expected) => {
      await start();
      const a = await submitted();
      const res = await postActivity(s, invokeActivity(s, 'manager', 'approve', { assessmentId: a.id, revision: 1 }), await token());
      expect(res.status).toBe(expected);
      expect(res.body.code).toEqual(expect.any(String));
      expect(await decisions(a.id)).toEqual([]);
    });

    it('refuses an activity from a tenant that is not allowed', async () => {
      await start();
      const a = await submitted();
      const activity = invokeActivity(s, 'manager', 'approve', { assessmentId: a.id, revision: 1 });
      activity.conversation.tenantId = '00000000-0000-4000-8000-0000000000ff';
      const res = await postActivity(s, activity);
      expect(res.status).toBe(403);
      expect(await decisions(a.id)).toEqual([]);
    });
  });
});

function botOid(userId: string): string {
  return devUser(userId)!.oid;
}
