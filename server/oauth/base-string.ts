// The OAuth 1.0a signature base string and HMAC-SHA1 signature (RFC 5849 §3.4).
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { BoundedCache } from '../bounded-cache.js';
import { percentEncode } from './encoding.js';

/**
 * `scheme://host[:port]/path`: lower-case scheme and host, no query or fragment (RFC 5849 §3.4.1.2).
 * Parsed by hand because the WHATWG URL parser silently drops a default port, and a client that
 * signed "http://localhost:80/…" (the reference kept the raw Host header) must still verify.
 */
export function baseUri(url: string, keepDefaultPort = false): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (!m) throw new Error(`not an absolute URL: ${url}`);
  const scheme = m[1]!.toLowerCase();
  let authority = m[2]!.toLowerCase();
  if (!keepDefaultPort && ((scheme === 'http' && authority.endsWith(':80')) || (scheme === 'https' && authority.endsWith(':443')))) {
    authority = authority.slice(0, authority.lastIndexOf(':'));
  }
  return `${scheme}://${authority}${m[3] || '/'}`;
}

/** The normalized parameter string: encoded pairs sorted by name, then value (§3.4.1.3.2). */
export function normalizeParameters(pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function signatureBaseString(method: string, uri: string, pairs: readonly (readonly [string, string])[]): string {
  return `${method.toUpperCase()}&${percentEncode(uri)}&${percentEncode(normalizeParameters(pairs))}`;
}

/** Signing keys by their text: preparing a key costs a quarter of an HMAC, and apps reuse theirs. */
const signingKeys = new BoundedCache<string, KeyObject>(1024, { refreshOnRead: true });

export function hmacSha1(baseString: string, consumerSecret: string, tokenSecret = ''): string {
  const text = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  let key = signingKeys.get(text);
  if (!key) signingKeys.set(text, (key = createSecretKey(Buffer.from(text))));
  return createHmac('sha1', key).update(baseString).digest('base64');
}

/** Constant-time comparison of two signatures (or any two strings). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // timingSafeEqual needs equal lengths; compare against itself to spend the same time anyway.
  return x.length === y.length ? timingSafeEqual(x, y) : (timingSafeEqual(x, x), false);
}
