// HTTP plumbing shared by the API routes: exact content types, bounded raw bodies, the signed
// request as the OAuth verifier needs it, and the authentication step.
import type { Context, Middleware, Next } from 'koa';
import { connectPrincipal, connectTokenOf } from '../connect/principal.js';
import { publicPath } from '../http/base-path.js';
import { BadRequest, HttpError } from '../http/errors.js';
import { MalformedEncoding, parsePairs } from '../oauth/encoding.js';
import { verifyRequest, type Principal, type SignedRequest } from '../oauth/verify.js';
import type { Services } from '../services.js';

/** Bodies above this size are refused with 413: preferences, scratchpads and notes are small. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ApiState {
  body?: Buffer;
  principal?: Principal;
}

/**
 * Sets the body with exactly this Content-Type: clients such as the API Verifier compare the
 * header as a string, so Koa must not append "; charset=utf-8".
 */
export function send(ctx: Context, status: number, contentType: string, body: string | Buffer): void {
  ctx.status = status;
  // Set first, so that Koa does not guess a type for the body (a MIME lookup per response).
  ctx.set('Content-Type', contentType);
  ctx.body = body;
}

const NO_BODY = Buffer.alloc(0);

/** Reads the raw body (bounded) into ctx.state.body. */
export function readBody(ctx: Context, next: Next): Promise<void> {
  if (ctx.method === 'GET' || ctx.method === 'HEAD' || ctx.method === 'OPTIONS') {
    (ctx.state as ApiState).body = NO_BODY;
    return next();
  }
  return readRawBody(ctx, next);
}

async function readRawBody(ctx: Context, next: Next): Promise<void> {
  // Loaded on first use: most API traffic is GET.
  const { default: getRawBody } = await import('raw-body');
  try {
    (ctx.state as ApiState).body = await getRawBody(ctx.req, { limit: BODY_LIMIT_BYTES, length: ctx.get('content-length') || undefined });
  } catch (err) {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') throw new HttpError(413, `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB; send less data.`);
    throw new BadRequest(`The request body could not be read (${(err as Error).message}).`);
  }
  return next();
}

/** The query string's pairs, decoded; bad percent-encoding is the client's error. */
export function queryPairs(ctx: Context): [string, string][] {
  try {
    return parsePairs(ctx.querystring);
  } catch (err) {
    if (err instanceof MalformedEncoding) throw new BadRequest(`The query string has ${err.message}.`);
    throw err;
  }
}

export function queryParams(ctx: Context): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of queryPairs(ctx)) params.append(k, v);
  return params;
}

/** The request as signed: URL candidates are the public one (--base-url) and the one the Host header gives. */
export function signedRequest(ctx: Context, services: Services): SignedRequest {
  const publicUrl = `${services.config.baseUrl}${publicPath(ctx.originalUrl, services.config.baseUrl)}`;
  const hostUrl = `${ctx.protocol}://${ctx.get('host') || 'localhost'}${ctx.originalUrl.split('?')[0]}`;
  return {
    method: ctx.method,
    urls: [publicUrl, hostUrl],
    query: queryPairs(ctx),
    body: (ctx.state as ApiState).body ?? Buffer.alloc(0),
    contentType: ctx.get('content-type') || undefined,
    authorization: ctx.get('authorization') || undefined,
  };
}

/**
 * Verifies OAuth (or, for SMART Connect calls from the EMR page, the connect token and session)
 * and leaves the principal in ctx.state.principal; a failure is a 401 saying why.
 */
export function authenticate(services: Services): Middleware {
  return async function verifyOAuth(ctx, next) {
    const connectToken = connectTokenOf(ctx.get('authorization'));
    (ctx.state as ApiState).principal =
      connectToken !== undefined ? connectPrincipal(services, ctx, connectToken) : await verifyRequest(signedRequest(ctx, services), { store: services.store, nonces: services.nonces });
    return next();
  };
}

export const principalOf = (ctx: Context): Principal => {
  const principal = (ctx.state as ApiState).principal;
  if (!principal) throw new Error('route used principalOf without authenticate');
  return principal;
};
