// GET /healthz: liveness for CI scripts and the start-up benchmark. The server only listens once
// the world and the store are loaded, so a 200 here means "ready".
import Router from '@koa/router';
import { packageVersion } from './paths.js';
import type { World } from './world/world.js';

export function healthRoutes(world: World, startedAt: number): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      status: 'ok',
      name: 'smart-sandbox',
      version: packageVersion,
      patients: world.count,
      today: world.today,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
      rssBytes: process.memoryUsage.rss(),
    };
  });
  return router;
}
