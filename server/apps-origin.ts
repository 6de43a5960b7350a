// The sample-apps origin (http://localhost:8001 by default): a second origin, as SMART Connect
// needs apps on another origin than the EMR. It serves the bundled apps/ directory as static files
// and, at `/`, a catalogue of the bundled apps with their manifests.
import Koa from 'koa';
import Router from '@koa/router';
import mount from 'koa-mount';
import serve from 'koa-static';
import type nunjucks from 'nunjucks';
import type { ResolvedConfig } from './config.js';
import { clientLibraryRoutes } from './http/client-library.js';
import { errorHandler, reportAppErrors, requestLog } from './http/errors.js';
import { viewsMiddleware } from './http/views.js';
import type { Logger } from './log.js';
import { paths } from './paths.js';
import type { Store } from './store/store.js';

export function createAppsOrigin(config: ResolvedConfig, store: Store, env: nunjucks.Environment, log: Logger): Koa {
  const app = new Koa();
  reportAppErrors(app, log);
  const router = new Router();
  router.get('/', async (ctx) => {
    const apps = store
      .listApps()
      .filter((a) => a.source === 'bundled')
      .map((a) => a.manifest)
      .sort((a, b) => a.name.localeCompare(b.name));
    await ctx.render('apps-origin/index', { apps, emrUrl: `${config.baseUrl}/`, appsBaseUrl: config.appsBaseUrl });
  });
  app.use(errorHandler(log));
  app.use(requestLog(log));
  app.use(viewsMiddleware(env));
  app.use(router.routes());
  app.use(router.allowedMethods());
  const client = clientLibraryRoutes();
  app.use(client.routes());
  // Apps on this origin are framed by the EMR on another origin; nothing here is secret.
  app.use(serve(paths.bundledApps, { hidden: false, index: 'index.html' }));
  // frame_ui apps host apps themselves: they load the sandbox's SMART Connect host from here.
  app.use(mount('/framework/smart/host', serve(paths.public)));
  return app;
}
