// Who may do what (protocol.md §3.3). These rules are the single implementation used by the REST
// API and by SMART Connect's api_call, so a call is allowed or refused the same way on both paths.
// Each refusal names the rule, so a developer sees why.
import { Forbidden, OAuthError } from '../oauth/errors.js';
import type { Principal } from '../oauth/verify.js';

/** Token kinds that carry data access (3-legged, launch, SMART Connect and background tokens). */
const DATA_TOKENS = new Set(['rest', 'access', 'background', 'connect']);

function dataToken(principal: Principal) {
  const token = principal.token;
  if (!token) {
    throw new Forbidden(
      '2-legged calls (consumer key only) cannot read patient data. Use an access token for the record: the 3-legged dance, the oauth_header of a launch, or a background-app record token.',
    );
  }
  if (token.kind === 'request') throw new OAuthError('a request token can only be exchanged at /oauth/access_token; exchange it for an access token first.');
  if (!DATA_TOKENS.has(token.kind)) throw new Forbidden(`a ${token.kind} token cannot call the REST API.`);
  return token;
}

export function mayReadRecord(principal: Principal, recordId: string): void {
  const token = dataToken(principal);
  if (token.recordId !== recordId) throw new Forbidden(`this token is bound to record ${token.recordId ?? '(none)'} and cannot read record ${recordId}.`);
}

/** /records/search: only frame_ui apps and background apps (2- or 3-legged), as in the reference. */
export function maySearchRecords(principal: Principal): void {
  const mode = principal.app.manifest.mode;
  if (mode === 'background') return;
  if (mode === 'frame_ui' && principal.token) return;
  throw new Forbidden(`records/search is open only to frame_ui and background apps; ${principal.app.id} is a "${mode}" app.`);
}

/** Users and app manifests: any token holder. */
export function mayReadContainer(principal: Principal): void {
  dataToken(principal);
}

export function mayUsePreferences(principal: Principal, userId: string, appId: string): void {
  const token = dataToken(principal);
  if (!token.email) throw new Forbidden('this token has no user (background record tokens cannot use preferences).');
  if (token.email.toLowerCase() !== userId.toLowerCase()) throw new Forbidden(`preferences belong to their user: this token is for ${token.email}, not ${userId}.`);
  if (token.appId !== appId) throw new Forbidden(`preferences belong to their app: this token is for ${token.appId}, not ${appId}.`);
}

export function mayReadScratchpad(principal: Principal, recordId: string): void {
  mayReadRecord(principal, recordId);
}

export function mayWriteScratchpad(principal: Principal, recordId: string, appId: string): void {
  const token = dataToken(principal);
  if (token.recordId !== recordId) throw new Forbidden(`this token is bound to record ${token.recordId ?? '(none)'} and cannot write the scratchpad of record ${recordId}.`);
  if (token.appId !== appId) throw new Forbidden(`an app may write only its own scratchpad: this token is for ${token.appId}, not ${appId}.`);
}
