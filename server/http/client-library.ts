// Both origins serve the app-side client library at the path the original sample apps used,
// because the hosted copy is gone and apps must load it offline.
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Router from '@koa/router';
import send from 'koa-send';
import { paths } from '../paths.js';
import { HttpError } from './errors.js';

export const CLIENT_LIBRARY_PATH = '/framework/smart/scripts/smart-api-client.js';

export function clientLibraryRoutes(): Router {
  const router = new Router();
  router.get(CLIENT_LIBRARY_PATH, async (ctx) => {
    if (!existsSync(paths.clientBundle)) throw new HttpError(404, 'The client library is not built: run "npm run build".');
    ctx.set('Access-Control-Allow-Origin', '*');
    await send(ctx, basename(paths.clientBundle), { root: dirname(paths.clientBundle), maxage: 60_000 });
  });
  return router;
}
