// Errors as classes that know their status. Handlers throw them; `errorHandler` renders them as a
// short text/plain message that says what was wrong and how to fix it. Anything else is a bug:
// logged with its stack and answered with a generic 500 that leaks nothing.
import type { Middleware } from 'koa';
import type { Logger } from '../log.js';
import { API_PREFIX } from '../services.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class BadRequest extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

export class NotFound extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export class MethodNotAllowed extends HttpError {
  constructor(allowed: readonly string[]) {
    super(405, `Method not allowed here; use ${allowed.join(', ')}.`, { Allow: allowed.join(', ') });
  }
}

export function errorHandler(log: Logger): Middleware {
  return async function renderErrors(ctx, next) {
    try {
      await next();
    } catch (err) {
      const status = err instanceof HttpError ? err.status : typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
      if (status >= 500) {
        log.error(`${ctx.method} ${ctx.path} failed: ${(err as Error).stack ?? String(err)}`);
        ctx.status = 500;
        ctx.type = 'text/plain';
        ctx.body = 'Internal Server Error';
        return;
      }
      ctx.status = status;
      if (err instanceof HttpError) ctx.set(err.headers);
      // Koa's own 4xx errors (oversized or malformed bodies) carry safe messages too.
      const message = (err as Error).message;
      // People in a browser get a page; apps and scripts get the message as text.
      const render = (ctx as { render?: (view: string, locals: object) => Promise<unknown> }).render;
      if (render && !ctx.path.startsWith(API_PREFIX) && !ctx.path.startsWith('/emr/') && ctx.accepts('html', 'text') === 'html') {
        await render('error', { status, message });
        ctx.status = status;
        return;
      }
      ctx.type = 'text/plain';
      ctx.body = `${message}\n`;
    }
  };
}

/** Errors Koa reports after a response began: a browser that navigates away mid-download is not a fault. */
const CLIENT_ABORTS = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export function reportAppErrors(app: { on(event: 'error', listener: (err: Error) => void): unknown }, log: Logger): void {
  app.on('error', (err: Error) => {
    if (CLIENT_ABORTS.has((err as NodeJS.ErrnoException).code ?? '')) return;
    const status = (err as Error & { status?: number }).status;
    if (typeof status === 'number' && status < 500) return;
    log.error(`unhandled: ${err.stack ?? String(err)}`);
  });
}

/** Logs each request at debug level (and costs nothing at other levels). */
export function requestLog(log: Logger): Middleware {
  if (!log.enabled('debug')) return (_ctx, next) => next();
  return async function logRequest(ctx, next) {
    const started = performance.now();
    await next();
    log.debug(`${ctx.method} ${ctx.url} -> ${ctx.status} (${(performance.now() - started).toFixed(1)} ms)`);
  };
}
