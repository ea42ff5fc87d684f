// The development issuer: its own RSA key pair signs real Entra-shaped v2 tokens for the demo users.
// The server checks them with createTokenValidator like any other token, only with these keys.
// Created only when MOTESCHECK_DEV is on (main.ts); config.ts refuses that with NODE_ENV=production.
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { Clock, TokenKeySource } from '../deps';
import { devUser } from './devUsers';
import { issuerFor } from './tokens';

export interface DevIssuer {
  keys: TokenKeySource;
  /** A one-hour token for a demo user, or undefined for an unknown user id. */
  sign(userId: string): Promise<string | undefined>;
  /** Any claims and timing, for tests of the validator. */
  signClaims(claims: JWTPayload, options?: { issuedAt?: number; notBefore?: number; expiresAt?: number }): Promise<string>;
}

export async function createDevIssuer(options: { tenantId: string; clientId: string; clock: Clock }): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `dev-${randomUUID()}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });

  const signClaims: DevIssuer['signClaims'] = async (claims, timing = {}) => {
    const now = Math.floor(options.clock.now().getTime() / 1000);
    return new SignJWT({ ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt(timing.issuedAt ?? now)
      .setNotBefore(timing.notBefore ?? now)
      .setExpirationTime(timing.expiresAt ?? now + 3600)
      .sign(privateKey);
  };

  return {
    keys,
    signClaims,
    async sign(userId) {
      const user = devUser(userId);
      if (!user) return undefined;
      return signClaims({
        iss: issuerFor(options.tenantId), aud: options.clientId, tid: options.tenantId, oid: user.oid, roles: user.roles, name: user.name,
      });
    },
  };
}
