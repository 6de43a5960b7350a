// Behind a proxy, --base-url may carry a path prefix (https://ehr.example.org/sandbox). Requests may
// arrive with the prefix (a proxy that forwards paths unchanged) or without it (one that strips
// it); both are routed the same way.
import type { Middleware } from 'koa';

export const basePathOf = (baseUrl: string): string => new URL(baseUrl).pathname.replace(/\/+$/, '');

export function stripBasePath(baseUrl: string): Middleware {
  const prefix = basePathOf(baseUrl);
  return async function basePath(ctx, next) {
    if (prefix && (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) ctx.path = ctx.path.slice(prefix.length) || '/';
    return next();
  };
}

/** The request path as seen under the public base URL (prefix removed, mounts ignored). */
export function publicPath(originalUrl: string, baseUrl: string): string {
  const path = originalUrl.split('?')[0]!;
  const prefix = basePathOf(baseUrl);
  return prefix && (path === prefix || path.startsWith(`${prefix}/`)) ? path.slice(prefix.length) || '/' : path;
}
