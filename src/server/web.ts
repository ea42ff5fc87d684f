// The built front-ends (WEB_DIR, dist/web by default) and the add-in's icons, served on the API's port
// so the manifest names one origin. The start page and the local approval-card page are development
// conveniences: without the development setting they are not served.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

const DEV_ONLY_PAGES = new Set(['index.html', 'approval.html']);
const ASSETS_DIR = path.resolve(__dirname, '../../assets');

export async function registerWebRoutes(app: FastifyInstance, config: Config): Promise<void> {
  if (!fs.existsSync(config.webDir)) {
    app.log.warn({ webDir: config.webDir }, 'no built front-ends to serve: run npm run build (npm start does)');
    return;
  }
  // serve: false — only reply.sendFile, from routes declared here with their access, like every route.
  await app.register(fastifyStatic, { root: config.webDir, serve: false, index: false });
  const publicRoute = { config: { access: 'public' as const }, schema: { hide: true } };

  app.get('/', publicRoute, async (_req, reply) => (config.dev ? reply.sendFile('index.html') : reply.callNotFound()));
  app.get('/assets/:file', publicRoute, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    return /^[\w.-]+\.png$/.test(file) ? reply.sendFile(file, ASSETS_DIR) : reply.callNotFound();
  });
  app.get('/*', publicRoute, async (req, reply) => {
    const file = (req.params as { '*': string })['*'];
    if (file.startsWith('api/') || (!config.dev && DEV_ONLY_PAGES.has(file))) return reply.callNotFound();
    return reply.sendFile(file);
  });
}
