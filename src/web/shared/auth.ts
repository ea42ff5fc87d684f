// How a front-end gets its API token. Two implementations: nested app auth inside Microsoft 365 hosts
// (naaAuth.ts, MSAL loaded lazily) and the development sign-in against the server's local issuer.
import { requestJson } from './api';

export interface AuthProvider {
  /** A bearer token for the Mötescheck API; rejects when none can be had. */
  getToken(): Promise<string>;
}

export interface DemoUser {
  userId: string;
  oid: string;
  name: string;
  roles: string[];
}

/**
 * The server's development users (src/server/auth/devUsers.ts; its local issuer signs tokens for these
 * user ids only). Mirrored here because the web layer never imports the server.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { userId: 'caseworker', oid: 'd0000000-0000-4000-8000-000000000101', name: 'Demo Handläggare 1', roles: ['Caseworker'] },
  { userId: 'caseworker2', oid: 'd0000000-0000-4000-8000-000000000102', name: 'Demo Handläggare 2', roles: ['Caseworker'] },
  { userId: 'manager', oid: 'd0000000-0000-4000-8000-000000000201', name: 'Demo Chef', roles: ['Manager'] },
  { userId: 'manager2', oid: 'd0000000-0000-4000-8000-000000000202', name: 'Demo Chef (ersättare)', roles: ['Manager'] },
  { userId: 'policyadmin', oid: 'd0000000-0000-4000-8000-000000000301', name: 'Demo Förvaltare', roles: ['PolicyAdmin'] },
  { userId: 'auditor', oid: 'd0000000-0000-4000-8000-000000000401', name: 'Demo Dataskyddsombud', roles: ['Auditor'] },
];

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
