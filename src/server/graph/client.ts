// The Microsoft Graph client: @microsoft/microsoft-graph-client with its retry handling (429/503/504,
// Retry-After honoured) against a configurable base URL, so a local Graph stand-in can take its place.
import {
  AuthenticationHandler, Client, HTTPMessageHandler, RedirectHandler, RetryHandler, RetryHandlerOptions, TelemetryHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';

export interface GraphClientOptions {
  /** Graph's root without the version: https://graph.microsoft.com, or a stand-in's. */
  baseUrl: string;
  /** An app-only access token for Graph. */
  token: () => Promise<string>;
  maxRetries: number;
  retryDelaySeconds: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: options.token };
  const auth = new AuthenticationHandler(authProvider);
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds, options.maxRetries));
  const redirect = new RedirectHandler();
  const telemetry = new TelemetryHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(telemetry);
  telemetry.setNext(http);
  const host = new URL(options.baseUrl).host;
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${options.baseUrl}/`,
    defaultVersion: 'v1.0',
    // The client only sends the token to Graph's own hosts unless told otherwise (a stand-in's host).
    ...(host !== 'graph.microsoft.com' ? { customHosts: new Set([new URL(options.baseUrl).hostname]) } : {}),
  });
}

/**
 * App-only tokens by the client-credentials grant, cached until shortly before they expire.
 * `fetchImpl` is the global fetch (intercepted in tests).
 */
export function clientCredentialsToken(options: { tenantId: string; clientId: string; clientSecret: string; scope: string; loginBaseUrl?: string }): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && Date.now() < cached.until) return cached.token;
    const res = await fetch(`${options.loginBaseUrl ?? 'https://login.microsoftonline.com'}/${options.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret, scope: options.scope }),
    });
    if (!res.ok) throw new Error(`token request for ${options.scope} failed with HTTP ${res.status}`);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error(`token response for ${options.scope} has no access_token`);
    cached = { token: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 3600) - 300) * 1000 };
    return cached.token;
  };
}

/**
 * The HTTP status of a failed Graph call (0 when it never got an answer) and its Retry-After in seconds.
 * The client (3.0.7) keeps the response headers only when the error has a body (Graph's JSON error,
 * which its 429s carry); without one the outbox falls back to its own backoff.
 */
export function graphFailure(err: unknown): { status: number; retryAfterSeconds?: number; code?: string } {
  const e = err as { statusCode?: unknown; headers?: { get?(name: string): string | null }; code?: unknown };
  const status = typeof e?.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : 0;
  const header = e?.headers?.get?.('retry-after') ?? null;
  let retryAfterSeconds: number | undefined;
  if (header !== null) {
    const n = Number(header);
    if (Number.isFinite(n) && n >= 0) retryAfterSeconds = n;
    else if (!Number.isNaN(Date.parse(header))) retryAfterSeconds = Math.max(0, (Date.parse(header) - Date.now()) / 1000);
  }
  return { status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}
