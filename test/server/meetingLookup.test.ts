// The meeting tab finds a check made in Outlook. The Outlook pane knows the meeting by its join link:
// it sends the link's hash and, for a classic link, the meeting chat's id the link carries; the tab knows
// the meeting by its Teams meeting id and chat id. By the chat id, or (short /meet/ links) through
// Graph's view of the chat's join URL, when that is switched on.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { joinUrlHash, meetingChatIdFromJoinUrl } from '../../src/policy';
import { createGraphClient } from '../../src/server/graph/client';
import { GraphDirectory } from '../../src/server/graph/directory';
import { caller } from '../accountability/helpers';
import { engineContext, meetingInput, testServer, type EngineContext, type TestServer } from './helpers/harness';

const CHAT = '19:meeting_NjAwYTk4ZmQtZGVtbw@thread.v2';
const CLASSIC = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
const SHORT = 'https://teams.microsoft.com/meet/2345678901234?p=AbCdEf';

describe('the chat id in a classic join link', () => {
  it.each([
    ['a classic link', CLASSIC, CHAT],
    ['upper-case escapes', CLASSIC.replace('%3A', '%3a').replace('%40', '%40'), CHAT],
    ['a Safe Links wrapper', `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(CLASSIC)}&data=05`, CHAT],
    ['a short /meet/ link', SHORT, null],
    ['the same path on another host', 'https://example.org/l/meetup-join/19:meeting_x@thread.v2/0', null],
    ['a government cloud link', 'https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_G1%40thread.v2/0', '19:meeting_G1@thread.v2'],
    ['not a link', 'kl. 10 i Teams', null],
  ])('%s', (_label, link, chat) => {
    expect(meetingChatIdFromJoinUrl(link)).toBe(chat);
  });
});

describe('finding an Outlook-made check from the meeting tab', () => {
  let ctx: EngineContext;
  let s: TestServer;
  const asked: string[] = [];
  const chatJoinUrls = new Map<string, string>([['19:meeting_short@thread.v2', SHORT]]);
  beforeAll(async () => {
    ctx = await engineContext('pglite');
    s = await testServer(await ctx.newStore(), { meetingChats: { joinUrl: async (chatId) => { asked.push(chatId); return chatJoinUrls.get(chatId) ?? null; } } });
  });
  afterAll(async () => {
    await s.close();
    await ctx.close();
  });

  it('by the chat id the classic link carries, without asking Graph', async () => {
    const call = caller(s);
    const made = await call('POST', '/api/assessments', 'caseworker', meetingInput({ meeting: { eventId: 'evt-classic', teamsMeetingId: CHAT, joinUrlHash: joinUrlHash(CLASSIC) } }));
    expect(made.status).toBe(201);
    const found = await call('GET', `/api/assessments/by-meeting?teamsMeetingId=${encodeURIComponent('MCMjMSMjbWVldGluZy1pZA==')}&teamsChatId=${encodeURIComponent(CHAT)}`, 'caseworker');
    expect(found.status).toBe(200);
    expect(found.body.assessment.id).toBe(made.body.id);
    expect(asked).toEqual([]);
  });

  it("through Graph's join URL of the chat for a short link", async () => {
    const call = caller(s);
    const made = await call('POST', '/api/assessments', 'caseworker', meetingInput({ meeting: { eventId: 'evt-short', joinUrlHash: joinUrlHash(SHORT) } }));
    const found = await call('GET', `/api/assessments/by-meeting?teamsMeetingId=other-id&teamsChatId=${encodeURIComponent('19:meeting_short@thread.v2')}`, 'caseworker');
    expect(found.body.assessment.id).toBe(made.body.id);
    expect(asked).toEqual(['19:meeting_short@thread.v2']);
    // Someone else in the meeting learns only that a check exists.
    expect((await call('GET', `/api/assessments/by-meeting?teamsChatId=${encodeURIComponent('19:meeting_short@thread.v2')}`, 'caseworker2')).body).toEqual({ exists: true, complete: false });
  });

  it('404 when neither finds it; 400 naming the rule for mixed references or a malformed chat id', async () => {
    const call = caller(s);
    expect((await call('GET', `/api/assessments/by-meeting?teamsChatId=${encodeURIComponent('19:meeting_unknown@thread.v2')}`, 'caseworker')).status).toBe(404);
    const mixed = await call('GET', `/api/assessments/by-meeting?eventId=evt-short&teamsChatId=${encodeURIComponent(CHAT)}`, 'caseworker');
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('one-reference');
    const bad = await call('GET', '/api/assessments/by-meeting?teamsChatId=https%3A%2F%2Fexample.org', 'caseworker');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('teamsChatId');
  });
});

describe("Graph's view of a meeting chat (msw)", () => {
  const G = 'https://graph.microsoft.com/v1.0';
  const server = setupServer(
    http.get(`${G}/chats/:id`, ({ params }) => {
      const id = String(params.id);
      if (id === '19:meeting_short@thread.v2') return HttpResponse.json({ id, chatType: 'meeting', onlineMeetingInfo: { joinWebUrl: SHORT, calendarEventId: 'AAMk…' } });
      if (id === '19:group@thread.v2') return HttpResponse.json({ id, chatType: 'group' });
      if (id === '19:forbidden@thread.v2') return HttpResponse.json({ error: { code: 'Forbidden', message: 'Missing role permissions' } }, { status: 403 });
      return HttpResponse.json({ error: { code: 'NotFound', message: 'not found' } }, { status: 404 });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  const directory = new GraphDirectory(createGraphClient({ baseUrl: 'https://graph.microsoft.com', token: async () => 't', maxRetries: 0, retryDelaySeconds: 0 }), { baseUrl: 'https://graph.microsoft.com' });

  it.each([
    ['a meeting chat', '19:meeting_short@thread.v2', SHORT],
    ['a chat that is not a meeting', '19:group@thread.v2', null],
    ['a chat the app may not read', '19:forbidden@thread.v2', null],
    ['no such chat', '19:gone@thread.v2', null],
  ])('%s', async (_label, chatId, url) => {
    expect(await directory.meetingJoinUrl(chatId)).toBe(url);
  });
});
