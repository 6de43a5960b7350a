// RFC 3986 percent-encoding as OAuth 1.0a requires (RFC 5849 §3.6): unreserved characters stay,
// everything else is %XX with upper-case hex.
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class MalformedEncoding extends Error {}

/** Decodes %XX sequences; `plusIsSpace` for form bodies and query strings. Throws on bad escapes. */
export function percentDecode(value: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value);
  } catch {
    throw new MalformedEncoding(`malformed percent-encoding in ${JSON.stringify(value.slice(0, 60))}`);
  }
}

/** Splits `a=1&b=2` into decoded pairs, keeping duplicates and order. */
export function parsePairs(raw: string): [string, string][] {
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [percentDecode(key, true), percentDecode(value, true)];
    });
}
