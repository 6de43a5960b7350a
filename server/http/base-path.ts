// Behind a proxy, --base-url may carry a path prefix (https://ehr.example.org/sandbox). Requests may
// arrive with the prefix (a proxy that forwards paths unchanged) or without it (one that strips
// it); both are routed the same way.
import type { Middleware } from 'koa';

const prefixes = new Map<string, string>();

/** The path prefix of a base URL ('' for none); remembered, as it is needed on every API request. */
export function basePathOf(baseUrl: string): string {
  let prefix = prefixes.get(baseUrl);
  if (prefix === undefined) prefixes.set(baseUrl, (prefix = new URL(baseUrl).pathname.replace(/\/+$/, '')));
  return prefix;
}

export function stripBasePath(baseUrl: string): Middleware {
  const prefix = basePathOf(baseUrl);
  if (!prefix) return (_ctx, next) => next();
  return async function basePath(ctx, next) {
    if (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`)) ctx.path = ctx.path.slice(prefix.length) || '/';
    return next();
  };
}

/** The request path as seen under the public base URL (prefix removed, mounts ignored). */
export function publicPath(originalUrl: string, baseUrl: string): string {
  const q = originalUrl.indexOf('?');
  const path = q < 0 ? originalUrl : originalUrl.slice(0, q);
  const prefix = basePathOf(baseUrl);
  return prefix && (path === prefix || path.startsWith(`${prefix}/`)) ? path.slice(prefix.length) || '/' : path;
}
