// Entra ID v2 access tokens: signature (RS256 only, keys from the key source), issuer derived from the
// token's own tenant and checked against the allowed tenants, audience = the API's client id,
// exp/nbf. The user is the token's oid; roles come from the `roles` claim. The development issuer's
// tokens pass through this same function with the local keys.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { Role } from '../../api/contract';
import type { Clock, TokenKeySource } from '../deps';
import { HttpError } from '../errors';

export const ROLES: readonly Role[] = ['Caseworker', 'Manager', 'PolicyAdmin', 'Auditor'];

export interface Principal { oid: string; tid: string; roles: Role[] }

export const issuerFor = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** Microsoft's signing keys, shared by every tenant's v2 tokens. */
export function entraKeySource(): TokenKeySource {
  return createRemoteJWKSet(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'), { cooldownDuration: 30_000, cacheMaxAge: 6 * 3600_000 });
}

const unauthorized = (code: string, message: string) => new HttpError(401, code, message);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenValidatorOptions {
  clientId: string;
  allowedTenants: readonly string[];
  keys: TokenKeySource;
  clock: Clock;
}

/** How many verified tokens are remembered (oldest forgotten first). */
const VERIFIED_CACHE_SIZE = 5000;

export function createTokenValidator(options: TokenValidatorOptions): (authorization: string | undefined) => Promise<Principal> {
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  // A token that passed every check is remembered until it expires, so a client's repeated calls skip the
  // RSA verification; the time window is still checked on every use. Only successes are remembered.
  const verified = new Map<string, { principal: Principal; nbf: number; exp: number }>();
  return async (authorization) => {
    const hit = authorization ? verified.get(authorization) : undefined;
    if (hit) {
      const now = options.clock.now().getTime() / 1000;
      if (now >= hit.nbf - 30 && now <= hit.exp + 30) return hit.principal;
      verified.delete(authorization!);
    }
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
    if (!authorization) throw unauthorized('missing-token', 'Sign in: send an Entra ID access token as "Authorization: Bearer <token>".');
    if (!match) throw unauthorized('invalid-token', 'The Authorization header must be "Bearer <token>" with a JWT.');
    const token = match[1]!;
    let tid: unknown;
    try {
      tid = decodeJwt(token).tid;
    } catch {
      throw unauthorized('invalid-token', 'The token is not a readable JWT.');
    }
    if (typeof tid !== 'string' || !GUID.test(tid)) throw unauthorized('invalid-token', 'The token has no tenant id (tid).');
    if (!allowed.has(tid.toLowerCase())) throw unauthorized('tenant-not-allowed', 'Your organisation (tenant) is not allowed to use this service.');
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        algorithms: ['RS256'],
        audience: options.clientId,
        issuer: issuerFor(tid),
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: 30,
        currentDate: options.clock.now(),
      });
      if (typeof payload.oid !== 'string' || payload.oid.length === 0 || payload.oid.length > 64) throw unauthorized('invalid-token', 'The token has no user object id (oid).');
      const roles = Array.isArray(payload.roles) ? ROLES.filter((r) => (payload.roles as unknown[]).includes(r)) : [];
      const principal: Principal = { oid: payload.oid, tid, roles };
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(authorization, { principal, nbf: payload.nbf ?? 0, exp: payload.exp! });
      return principal;
    } catch (err) {
      if (err instanceof HttpError) throw err;
      if (err instanceof errors.JWTExpired) throw unauthorized('token-expired', 'The token has expired: sign in again.');
      if (err instanceof errors.JWTClaimValidationFailed) {
        if (err.claim === 'nbf') throw unauthorized('token-not-yet-valid', 'The token is not valid yet (nbf): check the clock.');
        if (err.claim === 'aud') throw unauthorized('wrong-audience', "The token was issued for another application: request one for this API's client id.");
        if (err.claim === 'iss') throw unauthorized('wrong-issuer', "The token's issuer does not match its tenant.");
        throw unauthorized('invalid-token', `The token's ${err.claim} claim is not acceptable.`);
      }
      throw unauthorized('invalid-token', 'The token could not be verified (signature, algorithm or key).');
    }
  };
}
