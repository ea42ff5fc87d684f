// The Fastify application factory: everything it needs comes in through `deps`, so tests, the bench
// and main.ts build the same server over either database engine.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Role } from '../api/contract';
import { createTokenValidator, type Principal } from './auth/tokens';
import type { ServerDeps } from './deps';
import { HttpError } from './errors';
import { registerRoutes } from './routes';
import { registerDevStandIns } from './dev/graphStandIn';
import { registerWebRoutes } from './web';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { registerBotRoutes } from './bot/routes';

/** Who may call a route: anyone (health, docs, dev sign-in) or a signed-in user with one of the roles. */
export type Access = 'public' | { roles: readonly Role[] };

export interface RouteInfo { method: string; url: string; access: Access }

declare module 'fastify' {
  interface FastifyRequest { principal?: Principal }
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance { routeTable: RouteInfo[] }
}

/** Microsoft 365 hosts that may frame the pages (Teams, Outlook, the Microsoft 365 app). */
export const FRAME_ANCESTORS = [
  'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://*.cloud.microsoft',
  'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com', 'https://*.outlook.com',
  'https://*.office.com', 'https://*.office365.com', 'https://*.microsoft365.com', 'https://www.microsoft365.com',
];

function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'missing-token', 'Sign in first.');
  return request.principal;
}
export { principal as requirePrincipal };

// PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates: refuse them at the door (400), not in the database (500).
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const LONE_SURROGATE_OR_NUL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormedInput(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return !LONE_SURROGATE_OR_NUL.test(value);
  if (Array.isArray(value)) return value.every((v) => isWellFormedInput(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => isWellFormedInput(k, depth + 1) && isWellFormedInput(v, depth + 1));
  }
  return true;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    // HTTPS when certificates are configured (npm start's development certificate, or a host without a TLS proxy).
    ...(config.tls ? { serverFactory: httpsServerFactory(config.tls) } : {}),
    ...(!deps.logger ? { logger: false } : 'child' in deps.logger ? { loggerInstance: deps.logger } : { logger: deps.logger }),
    bodyLimit: config.bodyLimitBytes,
    exposeHeadRoutes: false,
    trustProxy: config.nodeEnv === 'production',
    // Strict schemas: unknown properties are errors, types are never coerced, nothing is filled in.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, strict: true } },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  app.decorate('routeTable', [] as RouteInfo[]);

  app.addHook('onRoute', (route) => {
    const docs = route.url.startsWith('/api/docs');
    route.config = { ...route.config, access: route.config?.access ?? (docs ? 'public' : undefined) };
    if (!route.config.access) throw new Error(`route ${String(route.method)} ${route.url} declares no access: set config.access`);
    for (const method of [route.method].flat()) app.routeTable.push({ method: String(method), url: route.url, access: route.config.access });
  });

  const validateToken = createTokenValidator({ clientId: config.entra.clientId, allowedTenants: config.entra.allowedTenants, keys: deps.keys, clock: deps.clock });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    request.principal = await validateToken(request.headers.authorization);
    if (!access.roles.some((r) => request.principal!.roles.includes(r))) {
      throw new HttpError(403, 'forbidden', `This needs one of the roles ${access.roles.join(', ')}; ask your administrator for access.`);
    }
  });

  app.addHook('preValidation', async (request) => {
    if (!isWellFormedInput(request.body) || !isWellFormedInput(request.query) || !isWellFormedInput(request.params)) {
      throw new HttpError(400, 'invalid-text', 'The request holds text that is not valid Unicode or contains NUL characters.');
    }
  });

  await app.register(helmet, {
    frameguard: false, // frame-ancestors below replaces X-Frame-Options, which cannot name several hosts
    crossOriginEmbedderPolicy: false,
    // MSAL's sign-in popup needs window.opener.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com', 'https://res.cdn.office.net'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'https://login.microsoftonline.com', 'https://graph.microsoft.com'],
        frameAncestors: ["'self'", ...FRAME_ANCESTORS, ...(config.dev ? ['http://localhost:*', 'https://localhost:*'] : [])],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.dev ? null : [],
      },
    },
  });

  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowSeconds * 1000,
    keyGenerator: (request) => request.principal?.oid ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429, code: 'rate-limited', message: `Too many requests: at most ${context.max} per ${config.rateLimit.windowSeconds} s per user. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mötescheck API', version: '0.1.0', description: 'The pre-meeting check for digital meetings in social services. Ids and categories only.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send(error.body());
    if (error.validation) {
      const details = error.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const extra = params.additionalProperty ?? params.missingProperty;
        const where = `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}${extra ? `.${String(extra)}` : ''}`;
        return { path: where, message: params.additionalProperty ? 'unknown property' : (v.message ?? 'invalid') };
      });
      return reply.status(400).send({ code: 'invalid-request', message: `The request does not match the API: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}.`, details });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ code: 'rate-limited', message: error.message });
    if (status === 413) return reply.status(413).send({ code: 'body-too-large', message: `The request body is larger than ${config.bodyLimitBytes} bytes.` });
    if (status === 415) return reply.status(415).send({ code: 'unsupported-media-type', message: 'Send JSON with Content-Type: application/json.' });
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return reply.status(400).send({ code: 'empty-body', message: 'The body is empty: send a JSON document or no Content-Type.' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'invalid-json' : 'bad-request', message: 'The request could not be read: send well-formed JSON that matches the API description at /api/docs.' });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ code: 'internal-error', message: 'Something went wrong on the server; it has been logged. Try again, and report it if it persists.' });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ code: 'not-found', message: `No endpoint ${request.method} ${request.url.split('?')[0]}: see /api/docs.` }));

  await registerRoutes(app, deps);
  await registerBotRoutes(app, deps);
  // Development only: the local Graph and Bot Connector stand-in (config.ts refuses dev mode in production).
  if (config.dev && deps.devIssuer) registerDevStandIns(app, { keys: deps.keys, approvers: config.approvers, clock: deps.clock });
  await registerWebRoutes(app, config);
  return app;
}

function httpsServerFactory(tls: { certFile: string; keyFile: string }) {
  const options = { cert: fs.readFileSync(tls.certFile), key: fs.readFileSync(tls.keyFile) };
  // Fastify's types assume an http.Server; an https.Server serves the same request handler.
  return (handler: http.RequestListener) => https.createServer(options, handler) as unknown as http.Server;
}
