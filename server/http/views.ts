// One shared nunjucks Environment (autoescape on) behind koa-views. Rendering through koa-views'
// default consolidate path re-reads and recompiles templates per request, about 3x slower
// (peers.md §5.2), so koa-views gets an engine that renders through the cached Environment.
import views from 'koa-views';
import nunjucks from 'nunjucks';
import type { Middleware } from 'koa';
import { paths } from '../paths.js';

export function createViewEnvironment(): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(paths.views, { noCache: false }), { autoescape: true, throwOnUndefined: false });
}

export function viewsMiddleware(env: nunjucks.Environment): Middleware {
  const engineSource = {
    nunjucks: (file: string, state: object) =>
      new Promise<string>((resolve, reject) => env.render(file, state, (err, html) => (err ? reject(err) : resolve(html ?? '')))),
  };
  const withViews = views(paths.views, { extension: 'njk', map: { njk: 'nunjucks' }, engineSource } as Parameters<typeof views>[1]) as unknown as Middleware;
  // koa-views resolves a name by stat-ing the file on every render; a name without its extension
  // is stat-ed twice and throws ENOENT in between. Handlers name templates short ('emr/index'), so
  // the extension is added here, once for all of them.
  return (ctx, next) =>
    withViews(ctx, () => {
      const render = ctx.render;
      ctx.render = (name: string, locals?: object) => render(name.endsWith('.njk') ? name : `${name}.njk`, locals);
      return next();
    });
}
