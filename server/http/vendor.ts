// Browser libraries served from their npm packages (never copied into the repository): the
// jschannel postMessage library that SMART Connect's wire format is defined by.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Router from '@koa/router';
import send from 'koa-send';

const require = createRequire(import.meta.url);
const JSCHANNEL = require.resolve('jschannel/src/jschannel.js');

export function vendorRoutes(): Router {
  const router = new Router();
  router.get('/static/vendor/jschannel.js', async (ctx) => {
    await send(ctx, 'jschannel.js', { root: dirname(JSCHANNEL), maxage: 60_000 });
  });
  return router;
}
