// The authorize step of the 3-legged dance (protocol.md §3.4), as a service: the EMR's consent page
// calls it once the clinician approves, and tests call it the same way. Approval binds the request
// token to the user, issues the verifier, and gives the redirect to the app's oauth_callback.
import { HttpError } from '../http/errors.js';
import type { Services } from '../services.js';
import type { AppRow, TokenRow } from '../store/schema.js';
import { isExpired, randomToken } from './tokens.js';

export interface RequestTokenInfo {
  token: TokenRow;
  app: AppRow;
  recordId: string;
  /** "same" when this user already launched the app on this record (so no consent is asked). */
  kind: 'new' | 'same';
}

export function requestTokenInfo(services: Services, token: string, email: string): RequestTokenInfo {
  const row = services.store.getToken(token);
  if (!row || row.kind !== 'request') throw new HttpError(400, `Unknown request token "${token}": ask the app to start the authorization again.`);
  if (isExpired(row)) throw new HttpError(400, `The request token expired at ${row.expiresAt}; ask the app to start the authorization again.`);
  if (row.email && row.email.toLowerCase() !== email.toLowerCase()) throw new HttpError(401, 'This request token was already claimed by another user.');
  const app = services.store.getApp(row.appId);
  if (!app) throw new HttpError(400, `The token's app ${row.appId} is no longer registered.`);
  if (!row.recordId) throw new HttpError(400, 'The token contains no record id: the app must send smart_record_id when it asks for a request token.');
  const launched = services.store.data.launches.some((l) => l.appId === app.id && l.recordId === row.recordId && l.email.toLowerCase() === email.toLowerCase());
  return { token: row, app, recordId: row.recordId, kind: launched ? 'same' : 'new' };
}

/** Approves the request token for `email` and returns where to send the browser. */
export async function approveRequestToken(services: Services, token: string, email: string): Promise<string> {
  const info = requestTokenInfo(services, token, email);
  const callback = info.app.manifest.oauth_callback;
  if (!callback) throw new HttpError(400, `The app ${info.app.id} has no oauth_callback in its manifest, so there is nowhere to return to. Add one and reload the app.`);
  const verifier = randomToken();
  await services.store.putToken({ ...info.token, email, approved: true, verifier });
  // Always "?": the reference appended the parameters this way even to callbacks with a query.
  return `${callback}?oauth_token=${encodeURIComponent(token)}&oauth_verifier=${encodeURIComponent(verifier)}`;
}
