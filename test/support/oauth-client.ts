// A SMART REST client for tests, signing with the `oauth-1.0a` package exactly as app backends do.
import { createHash, createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

export interface Token {
  key: string;
  secret: string;
}

export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

export interface SignedCall {
  method?: string;
  /** Form data (signed) for POST bodies. */
  form?: Record<string, string>;
  /** A raw body (not form encoded) with its content type; signed with oauth_body_hash. */
  body?: { data: string | Buffer; contentType: string };
  token?: Token;
  headers?: Record<string, string>;
}

export class RestClient {
  readonly oauth: OAuth;

  constructor(
    readonly consumerKey: string,
    consumerSecret = 'smartapp-secret',
  ) {
    this.oauth = new OAuth({
      consumer: { key: consumerKey, secret: consumerSecret },
      signature_method: 'HMAC-SHA1',
      hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
      // oauth_body_hash is a plain SHA-1 of the body (OAuth Request Body Hash), not an HMAC.
      body_hash_function: (data: string) => createHash('sha1').update(data).digest('base64'),
    } as OAuth.Options);
  }

  /** The Authorization header for a request. */
  sign(url: string, call: SignedCall = {}): string {
    const method = call.method ?? (call.form ? 'POST' : 'GET');
    const request: OAuth.RequestOptions = { url, method, ...(call.form ? { data: call.form } : {}) };
    // oauth-1.0a hashes string bodies only; a binary body is sent without the (optional) body hash.
    if (call.body && typeof call.body.data === 'string') Object.assign(request, { data: call.body.data, includeBodyHash: true });
    const data = this.oauth.authorize(request, call.token);
    return this.oauth.toHeader(data).Authorization;
  }

  async call(url: string, call: SignedCall = {}): Promise<Reply> {
    const method = call.method ?? (call.form ? 'POST' : 'GET');
    const headers: Record<string, string> = { Authorization: this.sign(url, call), ...call.headers };
    let body: string | Uint8Array | undefined;
    if (call.form) {
      body = new URLSearchParams(call.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (call.body) {
      body = typeof call.body.data === 'string' ? call.body.data : new Uint8Array(call.body.data);
      headers['Content-Type'] = call.body.contentType;
    }
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}) });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
  }

  get(url: string, token?: Token): Promise<Reply> {
    return this.call(url, token ? { token } : {});
  }
}

export const parseForm = (body: string): Record<string, string> => Object.fromEntries(new URLSearchParams(body));
