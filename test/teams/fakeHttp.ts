// The built Teams pages and the in-memory API behind the routes of src/api/contract.ts, over HTTP,
// for the browser tests. Shapes follow the server's routes ({assessments}, {versions}, the
// by-meeting answer, a 412 with the current draft); the user comes from the development token.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ApiRequestError } from '../../src/web/shared/api';
import { DraftConflict } from '../../src/web/shared/policyApi';
import type { FakeTeamsApi, UserName } from './fakeTeamsApi';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const USER_BY_DEMO_ID: Record<string, UserName> = { caseworker: 'caseworker', caseworker2: 'guest', manager: 'manager', manager2: 'guest', policyadmin: 'policyadmin', auditor: 'auditor' };

type Handler = (m: RegExpExecArray, q: URLSearchParams, body: any, headers: Record<string, string | string[] | undefined>) => Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function serveTeams(root: string, api: FakeTeamsApi): Promise<{ server: Server; url: string }> {
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/api\/me$/, () => api.me()],
    ['GET', /^\/api\/policy$/, () => api.getPublishedPolicy()],
    ['GET', /^\/api\/policy\/draft$/, () => api.getDraft()],
    ['PUT', /^\/api\/policy\/draft$/, (_m, _q, body, headers) => api.saveDraft(body.policy, String(headers['if-match'] ?? ''))],
    ['POST', /^\/api\/policy\/preview$/, (_m, _q, body) => api.preview(body.request, body.policy)],
    ['POST', /^\/api\/policy\/publish$/, (_m, _q, body) => api.publish(body.changeNote, body.etag)],
    ['GET', /^\/api\/policy\/versions$/, async () => ({ versions: await api.versions() })],
    ['GET', /^\/api\/policy\/versions\/(\d+)$/, (m) => api.version(Number(m[1]))],
    ['GET', /^\/api\/policy\/diff$/, (_m, q) => api.diff(Number(q.get('from')), Number(q.get('to')))],
    ['GET', /^\/api\/review-reminders$/, () => api.reviewReminders()],
    ['GET', /^\/api\/assessments$/, async (_m, q) => ({ assessments: await api.listAssessments((q.get('scope') ?? 'mine') as 'mine') })],
    ['POST', /^\/api\/assessments$/, (_m, _q, body) => api.createAssessment(body)],
    ['GET', /^\/api\/assessments\/by-meeting$/, async (_m, q) => {
      const found = await api.findMeetingCheck({ teamsMeetingId: q.get('teamsMeetingId') ?? undefined, teamsChatId: q.get('teamsChatId') ?? undefined });
      if (!found.exists) throw new ApiRequestError(404, 'not-found', 'A check for this meeting does not exist.');
      return found;
    }],
    ['GET', /^\/api\/assessments\/([^/]+)$/, (m) => api.getAssessment(m[1]!)],
    ['PUT', /^\/api\/assessments\/([^/]+)$/, (m, _q, body) => {
      const { revision, ...input } = body;
      return api.reviseAssessment(m[1]!, input, revision);
    }],
    ['POST', /^\/api\/assessments\/([^/]+)\/submit$/, (m, _q, body) => api.submitAssessment(m[1]!, body?.revision)],
    ['POST', /^\/api\/assessments\/([^/]+)\/withdraw$/, (m) => api.withdrawAssessment(m[1]!)],
    ['POST', /^\/api\/assessments\/([^/]+)\/decision$/, (m, _q, body) => api.decideAssessment(m[1]!, body)],
    ['POST', /^\/api\/assessments\/([^/]+)\/checklist$/, (m, _q, body) => api.confirmChecklistItem(m[1]!, body.itemId, body.confirmed)],
    ['POST', /^\/api\/assessments\/([^/]+)\/identity-checks$/, (m, _q, body) => api.recordIdentityCheck(m[1]!, body)],
  ];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        if (url.pathname === '/api/dev/token' && req.method === 'POST') return send(200, { token: `dev-${body.userId}`, tokenType: 'Bearer', expiresIn: 3600 });
        const token = /^Bearer dev-(\w+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!token) return send(401, { code: 'missing-token', message: 'Sign in first.' });
        api.user = USER_BY_DEMO_ID[token] ?? 'guest';
        for (const [method, pattern, handler] of routes) {
          const m = pattern.exec(url.pathname);
          if (m && method === req.method) return send(200, await handler(m, url.searchParams, body, req.headers));
        }
        return send(404, { code: 'not-found', message: `No endpoint ${req.method} ${url.pathname}` });
      }
      const path = normalize(join(root, url.pathname));
      if (!path.startsWith(root)) return send(404, { code: 'not-found', message: 'outside the build' });
      const file = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(file);
    } catch (error) {
      if (error instanceof DraftConflict) return send(412, { code: 'draft-changed', message: error.message, current: error.current });
      if (error instanceof ApiRequestError) return send(error.status, { code: error.code, message: error.message });
      send(404, { code: 'not-found', message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
