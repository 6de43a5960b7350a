// The signed "launch header" (protocol.md §2.6): the REST token of a launch and its context,
// signed 2-legged with the app's consumer secret over GET and the app's index URL, so the app's
// backend can trust the parameters. Built with the same base-string code the API verifies with.
import { randomToken } from '../oauth/tokens.js';
import { baseUri, hmacSha1, signatureBaseString } from '../oauth/base-string.js';
import { percentEncode } from '../oauth/encoding.js';

export interface LaunchHeaderInput {
  apiBase: string;
  index: string;
  appId: string;
  consumerSecret: string;
  restToken: string;
  restSecret: string;
  userId: string;
  recordId?: string;
  now?: number;
}

export function oauthHeader(input: LaunchHeaderInput): string {
  const params: [string, string][] = [
    ['smart_container_api_base', input.apiBase],
    ['smart_oauth_token', input.restToken],
    ['smart_oauth_token_secret', input.restSecret],
    ['smart_user_id', input.userId],
    ['smart_app_id', input.appId],
    ...(input.recordId ? ([['smart_record_id', input.recordId]] as [string, string][]) : []),
    ['oauth_consumer_key', input.appId],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_version', '1.0'],
    ['oauth_nonce', randomToken()],
    ['oauth_timestamp', String(Math.floor((input.now ?? Date.now()) / 1000))],
  ];
  // The index's own query is not part of the signed URL.
  const signature = hmacSha1(signatureBaseString('GET', baseUri(input.index), params), input.consumerSecret);
  return `OAuth realm=""${params.map(([k, v]) => `, ${k}="${percentEncode(v)}"`).join('')}, oauth_signature="${percentEncode(signature)}"`;
}
