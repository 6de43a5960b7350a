// OAuth 1.0a HMAC-SHA1 signing of one fixed GET URL, with the constant parts of the signature base
// string precomputed (the query string's parameters included), for load generation.
import { createHmac } from 'node:crypto';

const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class FastSigner {
  private readonly key: string;
  private readonly prefix: string;
  private readonly pairs: [string, string][];
  private counter = 0;
  private readonly session = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly method: string,
    url: string,
    private readonly consumerKey: string,
    consumerSecret: string,
    private readonly token?: { key: string; secret: string },
  ) {
    const u = new URL(url);
    this.prefix = `${method}&${encode(`${u.protocol}//${u.host}${u.pathname}`)}&`;
    this.pairs = [...u.searchParams].map(([k, v]) => [encode(k), encode(v)]);
    this.key = `${encode(consumerSecret)}&${encode(token?.secret ?? '')}`;
  }

  /** A fresh Authorization header: unique nonce, current timestamp. */
  header(nonce = `${this.session}${(this.counter++).toString(36)}`, timestamp = String(Math.floor(Date.now() / 1000))): string {
    const oauth: [string, string][] = [
      ['oauth_consumer_key', encode(this.consumerKey)],
      ['oauth_nonce', encode(nonce)],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', timestamp],
      ...(this.token ? ([['oauth_token', encode(this.token.key)]] as [string, string][]) : []),
      ['oauth_version', '1.0'],
    ];
    const params = [...oauth, ...this.pairs]
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const signature = createHmac('sha1', this.key).update(`${this.prefix}${encode(params)}`).digest('base64');
    return `OAuth ${oauth.map(([k, v]) => `${k}="${v}"`).join(', ')}, oauth_signature="${encode(signature)}"`;
  }
}
