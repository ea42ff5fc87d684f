// Request helper for the accountability tests: these move the test clock by days and months, so a
// token is signed for every call (a cached one would expire as the clock moves).
import type { TestServer } from '../server/helpers/harness';
import type { Res } from '../server/helpers/http';

export function caller(s: TestServer) {
  return async function call(method: string, url: string, user?: string, body?: unknown): Promise<Res & { text: string }> {
    const headers: Record<string, string> = user ? { authorization: `Bearer ${await s.token(user)}` } : {};
    const res = await s.app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, body: parsed as Res['body'], headers: res.headers, text: res.body };
  };
}

/** A fictitious personal identity number with a valid check digit (Skatteverket's well-known test number). */
export const TEST_PERSONAL_NUMBER = '19121212-1212';
