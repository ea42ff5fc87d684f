// A tiny HTTP server for the browser test and the bench: dist/web as static files and the fake
// backend behind the API routes the pane calls (JSON, bearer token from the development sign-in).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ApiRequestError } from '../../src/web/shared/api';
import type { FakeBackend } from './fakeBackend';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain' };

export async function serveFake(root: string, backend: FakeBackend): Promise<{ server: Server; url: string }> {
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
        if (url.pathname === '/api/dev/token' && req.method === 'POST') return send(200, { token: `dev-${body.userId}`, expiresIn: 3600 });
        if (!req.headers.authorization?.startsWith('Bearer dev-')) return send(401, { code: 'unauthorized', message: 'sign in first' });
        const m = /^\/api\/assessments\/([^/]+)(\/submit|\/status)?$/.exec(url.pathname);
        if (url.pathname === '/api/policy') return send(200, await backend.getPublishedPolicy());
        if (url.pathname === '/api/assessments/by-meeting') {
          const found = await backend.findAssessmentByMeeting({ joinUrlHash: url.searchParams.get('joinUrlHash') ?? undefined, eventId: url.searchParams.get('eventId') ?? undefined });
          return found ? send(200, { exists: true, complete: ['approved', 'ready'].includes(found.status), assessment: found }) : send(404, { code: 'not-found', message: 'no assessment for the meeting' });
        }
        if (url.pathname === '/api/assessments' && req.method === 'POST') return send(201, await backend.createAssessment(body));
        if (m && req.method === 'PUT' && !m[2]) {
          const { revision, ...input } = body;
          return send(200, await backend.reviseAssessment(m[1]!, input, revision));
        }
        if (m && m[2] === '/submit') return send(200, await backend.submitAssessment(m[1]!, body.revision));
        if (m && req.method === 'GET' && !m[2]) return send(200, await backend.getAssessment(m[1]!));
        return send(404, { code: 'not-found', message: `${req.method} ${url.pathname}` });
      }
      const path = normalize(join(root, url.pathname)).startsWith(root) ? join(root, url.pathname) : root;
      const file = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(file);
    } catch (error) {
      if (error instanceof ApiRequestError) return send(error.status, { code: error.code, message: error.message });
      send(404, { code: 'not-found', message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
