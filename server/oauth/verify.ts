// Verifying an OAuth 1.0a request (protocol.md §3.1): parse the header, check consumer, signature
// method, timestamp window and nonce, resolve the token, then compare the HMAC-SHA1 signature in
// constant time. Each failure is an OAuthError that says which check failed; a signature mismatch
// includes the base string the server computed, so the developer can diff it against theirs.
import { createHash } from 'node:crypto';
import type { AppRow, TokenRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { MalformedEncoding, parsePairs } from './encoding.js';
import { OAuthError } from './errors.js';
import { HeaderError, parseAuthorizationHeader } from './header.js';
import { baseUri, hmacSha1, safeEqual, signatureBaseString } from './base-string.js';
import { TIMESTAMP_WINDOW_SECONDS, type NonceStore } from './nonces.js';
import { isExpired } from './tokens.js';
import { BadRequest } from '../http/errors.js';

export interface SignedRequest {
  method: string;
  /** The request URL (no query) as the client may have seen it; the first is shown in errors. */
  urls: string[];
  /** Decoded query parameters, in order, duplicates kept. */
  query: [string, string][];
  body: Buffer;
  contentType: string | undefined;
  authorization: string | undefined;
}

export interface Principal {
  app: AppRow;
  /** Absent for 2-legged (consumer-only) requests. */
  token?: TokenRow;
  /** All oauth_* parameters of the header, e.g. oauth_verifier. */
  oauth: Map<string, string>;
}

export interface VerifyDeps {
  store: Store;
  nonces: NonceStore;
  now?: () => number;
}

const REQUIRED = ['oauth_consumer_key', 'oauth_signature_method', 'oauth_signature', 'oauth_timestamp', 'oauth_nonce'];

const isForm = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';

/** Form parameters that belong in the base string: a form body, or any body sent without a type. */
export function formParameters(request: Pick<SignedRequest, 'body' | 'contentType'>): [string, string][] {
  if (request.body.length === 0) return [];
  if (!isForm(request.contentType) && request.contentType) return [];
  try {
    return parsePairs(request.body.toString('utf8'));
  } catch (err) {
    if (err instanceof MalformedEncoding) throw new BadRequest(`The form body has ${err.message}; percent-encode it as application/x-www-form-urlencoded.`);
    throw err;
  }
}

/**
 * The base strings the client may have signed, most likely first, built only as far as they are
 * needed (almost every request matches the first). URL readings: each candidate URL without and
 * with an explicit default port. Parameter readings: GET signs the query; for other methods
 * clients differ (the reference left the query out, RFC 5849 and oauth-1.0a put it in), so both
 * are tried; and oauth-1.0a copies oauth_* body fields (oauth_callback, oauth_verifier) into the
 * header and signs them once where RFC 5849 would count them twice, so the de-duplicated reading is
 * tried as well.
 */
function* baseStrings(request: SignedRequest, headerPairs: [string, string][], form: [string, string][]): Generator<string> {
  const signed = [...headerPairs, ...request.query, ...form];
  const firstUri = baseUri(request.urls[0]!);
  yield signatureBaseString(request.method, firstUri, signed);
  // The rarer readings, built only when the first did not match.
  const parameterSets = request.method === 'GET' || request.query.length === 0 ? [signed] : [signed, [...headerPairs, ...form]];
  if (request.query.length > 0 || form.length > 0) {
    for (const pairs of [...parameterSets]) {
      const unique = [...new Map(pairs.map((p) => [`${p[0]}\u0000${p[1]}`, p])).values()];
      if (unique.length !== pairs.length) parameterSets.push(unique);
    }
  }
  const tried = new Set<string>();
  for (const url of request.urls) {
    for (const keepDefaultPort of [false, true]) {
      const uri = baseUri(url, keepDefaultPort);
      if (tried.has(uri)) continue;
      tried.add(uri);
      for (const pairs of parameterSets) if (uri !== firstUri || pairs !== signed) yield signatureBaseString(request.method, uri, pairs);
    }
  }
}

export async function verifyRequest(request: SignedRequest, deps: VerifyDeps): Promise<Principal> {
  if (!request.authorization) {
    throw new OAuthError('this call needs an OAuth 1.0a Authorization header (HMAC-SHA1, consumer key = your app id, consumer secret = the secret it was registered with).');
  }
  let oauth: Map<string, string>;
  try {
    oauth = parseAuthorizationHeader(request.authorization);
  } catch (err) {
    if (err instanceof HeaderError || err instanceof MalformedEncoding) throw new OAuthError(`cannot parse the Authorization header: ${err.message}.`);
    throw err;
  }
  const missing = REQUIRED.filter((name) => !oauth.get(name));
  if (missing.length > 0) throw new OAuthError(`the Authorization header lacks ${missing.join(', ')}.`);
  const method = oauth.get('oauth_signature_method')!;
  if (method !== 'HMAC-SHA1') throw new OAuthError(`unsupported signature method "${method}"; this container supports only HMAC-SHA1.`);
  const version = oauth.get('oauth_version');
  if (version !== undefined && version !== '1.0') throw new OAuthError(`oauth_version must be 1.0, got "${version}".`);

  const consumerKey = oauth.get('oauth_consumer_key')!;
  const app = deps.store.getApp(consumerKey);
  if (!app) throw new OAuthError(`unknown consumer "${consumerKey}": no app with that id is registered. Check oauth_consumer_key, or register the app (apps/ or --apps DIR).`);

  const nowSeconds = Math.floor((deps.now?.() ?? Date.now()) / 1000);
  const timestampText = oauth.get('oauth_timestamp')!;
  const timestamp = /^\d+$/.test(timestampText) ? Number(timestampText) : NaN;
  if (Number.isNaN(timestamp)) throw new OAuthError(`oauth_timestamp must be whole seconds since 1970, got "${timestampText}".`);
  if (nowSeconds - timestamp > TIMESTAMP_WINDOW_SECONDS) {
    throw new OAuthError(`stale timestamp: oauth_timestamp ${timestamp} is ${nowSeconds - timestamp} s old and requests older than ${TIMESTAMP_WINDOW_SECONDS} s are refused. Check the client's clock.`);
  }
  // Like the reference, the nonce is used up even if the signature then fails.
  const nonce = oauth.get('oauth_nonce')!;
  if (!deps.nonces.use(consumerKey, nonce, timestamp, nowSeconds)) throw new OAuthError(`reused nonce "${nonce}": every request needs a fresh oauth_nonce.`);

  let token: TokenRow | undefined;
  const tokenKey = oauth.get('oauth_token');
  if (tokenKey) {
    token = deps.store.getToken(tokenKey);
    if (!token) throw new OAuthError(`unknown token "${tokenKey}": it was never issued, was already exchanged, or the sandbox state was reset.`);
    if (token.appId !== app.id) throw new OAuthError(`token "${tokenKey}" was issued to another app; sign with the consumer key of the app it was issued to.`);
    // The reference refused a SMART Connect token presented directly by an app: it belongs to the
    // browser session that launched the app and is only usable through the container.
    if (token.kind === 'connect') throw new OAuthError(`token "${tokenKey}" is a SMART Connect token, usable only through the container in the browser; use the REST token of the launch (oauth_header) instead.`);
  }

  const bodyHash = oauth.get('oauth_body_hash');
  if (bodyHash !== undefined) {
    const actual = createHash('sha1').update(request.body).digest('base64');
    if (!safeEqual(actual, bodyHash)) throw new OAuthError(`oauth_body_hash does not match the request body (expected base64(SHA-1(body)) = ${actual}).`);
  }

  const headerPairs = [...oauth].filter(([name]) => name !== 'oauth_signature');
  const signature = oauth.get('oauth_signature')!;
  let firstBase: string | undefined;
  let matched = false;
  // Each comparison is constant-time; the readings are tried in order until one matches.
  for (const base of baseStrings(request, headerPairs, formParameters(request))) {
    firstBase ??= base;
    if (safeEqual(hmacSha1(base, app.consumerSecret, token?.secret ?? ''), signature)) {
      matched = true;
      break;
    }
  }
  if (!matched) {
    throw new OAuthError(
      `signature mismatch. The server computed this signature base string:\n${firstBase}\n` +
        'Diff it against the one your client signed. The key is percent-encoded consumer secret & token secret (empty for 2-legged calls).',
    );
  }
  if (token && isExpired(token, deps.now?.())) throw new OAuthError(`token "${token.token}" expired at ${token.expiresAt}; get a new one.`);
  return { app, ...(token ? { token } : {}), oauth };
}
