// The REST API surface under /api: one route table per concern, CORS as the reference sent
// it, and a 404 that points at the container manifest.
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import compose from 'koa-compose';
import { API_PREFIX, type Services } from '../services.js';
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

/**
 * The API as one middleware of the EMR app, answering everything under /api (and sharing the EMR's
 * error handler). Routes carry the /api prefix rather than running in a mounted sub-app: a mount
 * rewrites the request URL twice per request (parse and format), a measurable share of a call.
 */
export function createApi(services: Services): Middleware {
  // One route table: a single match per request, whatever the number of calls.
  const router = new Router({ prefix: API_PREFIX });
  for (const register of [containerRoutes, oauthRoutes, userRoutes, blobRoutes, recordRoutes]) register(router, services);
  const api = compose<Context>([
    cors(services),
    readBody,
    router.routes() as Middleware,
    router.allowedMethods() as Middleware,
    (ctx: Context) => {
      if (ctx.status === 404 && ctx.body === undefined) {
        send(ctx, 404, 'text/plain', `No such API call: ${ctx.method} ${ctx.path}. GET /api/manifest lists the capabilities; the paths are those of SMART 0.6.1.\n`);
      }
    },
  ]);
  return function apiScope(ctx, next) {
    if (ctx.path !== API_PREFIX && !ctx.path.startsWith(`${API_PREFIX}/`)) return next();
    return api(ctx, next);
  };
}
