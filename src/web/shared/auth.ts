// How a front-end gets its API token. Two implementations: nested app auth inside Microsoft 365 hosts
// (naaAuth.ts, MSAL loaded lazily) and the development sign-in against the server's local issuer.
import { DEMO_USERS } from '../../api/demoUsers';
import { requestJson } from './api';

export interface AuthProvider {
  /** A bearer token for the Mötescheck API; rejects when none can be had. */
  getToken(): Promise<string>;
}

export { DEMO_USERS, type DemoUser } from '../../api/demoUsers';

/** A demo user's display name by object id (the standalone host's stand-in for a directory look-up). */
export function demoUserName(oid: string): string | undefined {
  return DEMO_USERS.find((u) => u.oid === oid)?.name;
}

interface DevTokenResponse { token?: string; access_token?: string; expiresIn?: number; expires_in?: number }

/**
 * The standalone host's sign-in: `POST /api/dev/token {userId}` on a server started in development
 * mode. The token is kept in memory only and fetched again shortly before it expires.
 */
export class DevSignIn implements AuthProvider {
  private cached: { userId: string; token: string; expiresAt: number } | null = null;

  constructor(
    private readonly options: { baseUrl: string; userId: string; fetch?: typeof fetch; now?: () => number },
  ) {}

  get userId(): string {
    return this.options.userId;
  }

  /** Switches the demo user; the next call fetches that user's token. */
  switchUser(userId: string): void {
    this.options.userId = userId;
  }

  async getToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const { userId } = this.options;
    if (this.cached && this.cached.userId === userId && this.cached.expiresAt > now) return this.cached.token;
    const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const body = await requestJson<DevTokenResponse>(fetchImpl, `${this.options.baseUrl.replace(/\/$/, '')}/api/dev/token`, {
      method: 'POST', body: { userId },
    });
    const token = body.token ?? body.access_token;
    if (!token) throw new Error('the development sign-in answered without a token');
    const lifetimeSeconds = body.expiresIn ?? body.expires_in ?? 3600;
    // Renew a minute early so a request never leaves with a token about to expire.
    this.cached = { userId, token, expiresAt: now + Math.max(0, lifetimeSeconds - 60) * 1000 };
    return token;
  }
}
