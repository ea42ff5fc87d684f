// Bot Framework service tokens on POST /api/messages, validated here with jose rather than by the
// Teams SDK: the SDK's validator (2.0.16: jsonwebtoken + jwks-rsa) fetches its keys from a fixed URL and
// cannot be given a key source, so development tokens could not pass the same check and tests could
// not inject keys. Checked: RS256 signature against the key source (Bot Framework's keys document in
// production, the local issuer's keys in development), issuer https://api.botframework.com, audience =
// the bot's app id, exp/nbf (5 min skew, as Bot Framework specifies), and the serviceurl claim equal to
// the activity's serviceUrl. Not checked: the keys' channel endorsements (jose's key sets do not expose them).
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { IToken } from '@microsoft/teams.api';
import type { Clock, TokenKeySource } from '../deps';
import { HttpError } from '../errors';
import { BOT_FRAMEWORK_ISSUER } from './config';

export function botFrameworkKeySource(keysUrl: string): TokenKeySource {
  return createRemoteJWKSet(new URL(keysUrl), { cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 });
}

const refused = (code: string, message: string) => new HttpError(401, code, message);

export type BotTokenValidator = (authorization: string | undefined, activity: { serviceUrl?: unknown }) => Promise<IToken>;

export function createBotTokenValidator(options: { appId: string; keys: TokenKeySource; clock: Clock }): BotTokenValidator {
  return async (authorization, activity) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!authorization) throw refused('missing-token', 'Bot Framework requests carry "Authorization: Bearer <token>".');
    if (!match) throw refused('invalid-token', 'The Authorization header must be "Bearer <JWT>".');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, options.keys, {
        algorithms: ['RS256'],
        issuer: BOT_FRAMEWORK_ISSUER,
        audience: options.appId,
        requiredClaims: ['exp', 'nbf'],
        clockTolerance: 300,
        currentDate: options.clock.now(),
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw refused('token-expired', 'The Bot Framework token has expired.');
      if (err instanceof errors.JWTClaimValidationFailed) throw refused(err.claim === 'aud' ? 'wrong-audience' : err.claim === 'iss' ? 'wrong-issuer' : 'invalid-token', `The Bot Framework token's ${err.claim} claim is not acceptable.`);
      throw refused('invalid-token', 'The Bot Framework token could not be verified (signature, algorithm or key).');
    }
    const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '';
    if (typeof payload.serviceurl !== 'string' || payload.serviceurl.replace(/\/+$/, '') !== serviceUrl.replace(/\/+$/, '') || serviceUrl === '') {
      throw refused('service-url-mismatch', "The token's serviceurl claim does not match the activity's serviceUrl.");
    }
    const appId = options.appId;
    const expiration = (payload.exp ?? 0) * 1000;
    return {
      appId,
      serviceUrl,
      from: 'azure',
      fromId: typeof payload.sub === 'string' ? payload.sub : '',
      expiration,
      isExpired: (bufferMs = 0) => options.clock.now().getTime() + bufferMs >= expiration,
      toString: () => match[1]!,
    };
  };
}
