// The REST API surface, mounted at /api: one route table per concern, CORS as the reference sent
// it, and a 404 that points at the container manifest.
import Router from '@koa/router';
import Koa from 'koa';
import type { Middleware } from 'koa';
import type { Services } from '../services.js';
import { readBody, send } from './http.js';
import { blobRoutes } from './routes/blobs.js';
import { containerRoutes } from './routes/container.js';
import { oauthRoutes } from './routes/oauth.js';
import { recordRoutes } from './routes/records.js';
import { userRoutes } from './routes/users.js';

function cors(services: Services): Middleware {
  const origin = new URL(services.config.baseUrl).origin;
  return async function allowUiOrigin(ctx, next) {
    ctx.set('Access-Control-Allow-Origin', origin);
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'POST, GET, PUT, DELETE');
      ctx.set('Access-Control-Allow-Headers', 'authorization,x-requested-with,content-type');
      ctx.set('Access-Control-Max-Age', '60');
      return send(ctx, 200, 'text/plain', '');
    }
    return next();
  };
}

/** The API as a Koa app of its own, mounted by the EMR app under /api (whose error handler it shares). */
export function createApi(services: Services): Koa {
  const api = new Koa();
  api.use(cors(services));
  api.use(readBody);
  // One route table: a single match per request, whatever the number of calls.
  const router = new Router();
  for (const register of [containerRoutes, oauthRoutes, userRoutes, blobRoutes, recordRoutes]) register(router, services);
  api.use(router.routes());
  api.use(router.allowedMethods());
  api.use((ctx) => {
    if (ctx.status === 404 && ctx.body === undefined) {
      send(ctx, 404, 'text/plain', `No such API call: ${ctx.method} /api${ctx.path}. GET /api/manifest lists the capabilities; the paths are those of SMART 0.6.1.\n`);
    }
  });
  return api;
}
