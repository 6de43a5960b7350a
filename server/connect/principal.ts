// SMART Connect api_calls reach the REST API from the EMR page with
// `Authorization: OAuth smart_connect_token="…"` (as the reference's passthrough received them).
// The token must belong to this browser's EMR session; the principal is then the token, so the
// same access rules and serializers answer as for a signed REST call.
import type { Context } from 'koa';
import { HttpError } from '../http/errors.js';
import { OAuthError } from '../oauth/errors.js';
import { isExpired } from '../oauth/tokens.js';
import type { Principal } from '../oauth/verify.js';
import type { Services } from '../services.js';

const CONNECT_HEADER = /^\s*OAuth\s+smart_connect_token="([^"]*)"\s*$/i;

export const connectTokenOf = (authorization: string | undefined): string | undefined => {
  const m = authorization ? CONNECT_HEADER.exec(authorization) : null;
  return m ? decodeURIComponent(m[1]!) : undefined;
};

export function connectPrincipal(services: Services, ctx: Context, tokenKey: string): Principal {
  const session = services.sessions.fromRequest(ctx);
  if (!session) throw new HttpError(403, 'SMART Connect calls go through the EMR session that launched the app; log in to the EMR again.');
  const token = services.store.getToken(tokenKey);
  if (!token || token.kind !== 'connect' || token.sessionId !== session.id) throw new OAuthError('unknown SMART Connect token for this EMR session; relaunch the app.');
  if (isExpired(token)) throw new OAuthError(`the SMART Connect token expired at ${token.expiresAt}; relaunch the app.`);
  const app = services.store.getApp(token.appId);
  if (!app) throw new OAuthError(`the app ${token.appId} is no longer registered.`);
  return { app, token, oauth: new Map() };
}
