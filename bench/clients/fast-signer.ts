// OAuth 1.0a HMAC-SHA1 signing of one fixed GET URL for load generation. Parameter names sort the
// same whatever the nonce and timestamp are, and both are unreserved characters that percent-
// encoding leaves alone, so the whole signature base string is a template with two holes: per
// request only the holes are filled and one HMAC is computed.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;
const NONCE = 'NONCExHOLE';
const TIMESTAMP = 'TIMESTAMPxHOLE';

/** `text` split around the two holes: [before nonce, between, after timestamp] (the nonce sorts first). */
function template(text: string): [string, string, string] {
  const [before, rest] = text.split(NONCE) as [string, string];
  const [between, after] = rest.split(TIMESTAMP) as [string, string];
  return [before, between, after];
}

export class FastSigner {
  private readonly key: KeyObject;
  private readonly base: [string, string, string];
  private readonly header_: [string, string, string];
  private counter = 0;
  private readonly session = Math.random().toString(36).slice(2, 10);

  constructor(method: string, url: string, consumerKey: string, consumerSecret: string, token?: { key: string; secret: string }) {
    const u = new URL(url);
    const oauth: [string, string][] = [
      ['oauth_consumer_key', consumerKey],
      ['oauth_nonce', NONCE],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', TIMESTAMP],
      ...(token ? ([['oauth_token', token.key]] as [string, string][]) : []),
      ['oauth_version', '1.0'],
    ];
    const params = [...oauth, ...u.searchParams]
      .map(([k, v]) => [encode(k), encode(v)] as const)
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    this.base = template(`${method}&${encode(`${u.protocol}//${u.host}${u.pathname}`)}&${encode(params)}`);
    this.header_ = template(`OAuth ${oauth.map(([k, v]) => `${k}="${encode(v)}"`).join(', ')}, oauth_signature="`);
    this.key = createSecretKey(Buffer.from(`${encode(consumerSecret)}&${encode(token?.secret ?? '')}`));
  }

  /** A fresh Authorization header: unique nonce, current timestamp (both must be unreserved characters). */
  header(nonce = `${this.session}${(this.counter++).toString(36)}`, timestamp = String(Math.floor(Date.now() / 1000))): string {
    if (!UNRESERVED.test(nonce) || !UNRESERVED.test(timestamp)) throw new Error('nonce and timestamp must be unreserved characters');
    const [b0, b1, b2] = this.base;
    const signature = createHmac('sha1', this.key).update(`${b0}${nonce}${b1}${timestamp}${b2}`).digest('base64');
    const [h0, h1, h2] = this.header_;
    return `${h0}${nonce}${h1}${timestamp}${h2}${encode(signature)}"`;
  }
}
