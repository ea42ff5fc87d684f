// POST /api/messages: the bot's endpoint on the server's one port. Access is 'public' in the route
// table because Entra tokens do not apply here: every request must carry a Bot Framework token, checked
// below before the activity reaches the Teams SDK. Development adds POST /api/dev/bot-token for the
// local card page (docs/approvals.md).
import fs from 'node:fs';
import path from 'node:path';
import type { Activity } from '@microsoft/teams.api';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps';
import { HttpError, badRequest } from '../errors';
import * as s from '../schemas';

const activitySchema = {
  type: 'object', required: ['type', 'serviceUrl', 'from', 'conversation'],
  properties: { type: { type: 'string', maxLength: 64 }, serviceUrl: { type: 'string', maxLength: 2048 }, from: { type: 'object' }, conversation: { type: 'object' } },
} as const;

/** The built front-ends (webpack.config.js). */
const WEB_DIR = path.resolve(__dirname, '../../../dist/web');
const ASSETS = '/dev/approval-assets/';

const devBotTokenBody = {
  type: 'object', additionalProperties: false, required: ['serviceUrl'],
  properties: { serviceUrl: { type: 'string', minLength: 1, maxLength: 2048 } },
} as const;

export async function registerBotRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const bot = deps.bot;
  if (!bot) return;
  const allowedTenants = new Set(deps.config.entra.allowedTenants.map((t) => t.toLowerCase()));

  app.post('/api/messages', { config: { access: 'public' }, schema: { body: activitySchema, querystring: s.emptyQuery, security: [] } }, async (req, reply) => {
    const activity = req.body as Activity & { channelData?: { tenant?: { id?: string } } };
    const token = await bot.validate(req.headers.authorization, activity);
    const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    if (!tenant || !allowedTenants.has(tenant.toLowerCase())) {
      throw new HttpError(403, 'tenant-not-allowed', 'The activity comes from an organisation (tenant) that may not use this bot.');
    }
    if (activity.from?.aadObjectId !== undefined && typeof activity.from.aadObjectId !== 'string') throw badRequest('invalid-activity', 'from.aadObjectId must be a string.');
    const res = await bot.app.process({ token, body: activity });
    return reply.status(res.status ?? 200).send(res.body ?? undefined);
  });

  const devSign = bot.devSign;
  if (deps.config.dev && devSign) {
    app.post('/api/dev/bot-token', { config: { access: 'public' }, schema: { body: devBotTokenBody, querystring: s.emptyQuery, security: [] } }, async (req) => {
      const { serviceUrl } = req.body as { serviceUrl: string };
      return { token: await devSign(serviceUrl), tokenType: 'Bearer', expiresIn: 3600, appId: deps.config.integration.bot.appId };
    });

    // The card page (src/web/approval), served here in development: its scripts are the built bundle's.
    app.get('/dev/approval', { config: { access: 'public' }, schema: { querystring: s.emptyQuery, hide: true } }, async (_req, reply) => {
      const file = path.join(bot.webDir ?? WEB_DIR, 'approval.html');
      if (!fs.existsSync(file)) throw new HttpError(404, 'not-built', 'The card page is not built: run npm run build (or npx webpack --mode development) and reload.');
      const html = fs.readFileSync(file, 'utf8').replace(/(src|href)="\/(?!\/)/g, `$1="${ASSETS}`);
      return reply.type('text/html; charset=utf-8').send(html);
    });
    app.get(`${ASSETS}*`, { config: { access: 'public' }, schema: { querystring: s.emptyQuery, hide: true } }, async (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      const dir = path.resolve(bot.webDir ?? WEB_DIR);
      const file = path.resolve(dir, rel);
      if (!file.startsWith(`${dir}${path.sep}`) || !file.endsWith('.js') || !fs.existsSync(file)) throw new HttpError(404, 'not-found', `No built file ${rel}.`);
      return reply.type('text/javascript; charset=utf-8').send(fs.readFileSync(file));
    });
  }
}
