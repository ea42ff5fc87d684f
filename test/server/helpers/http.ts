// Small request helper over fastify.inject, signing in as a demo user.
import type { TestServer } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field in the tests
export interface Res { status: number; body: any; headers: Record<string, unknown> }

export function client(s: TestServer) {
  const tokens = new Map<string, string>();
  return async function call(method: string, url: string, user?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (user) {
      if (!tokens.has(user)) tokens.set(user, await s.token(user));
      h.authorization = `Bearer ${tokens.get(user)}`;
    }
    const res = await s.app.inject({ method: method as 'GET', url, headers: h, ...(body !== undefined ? { payload: body as object } : {}) });
    let parsed: unknown = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
}
