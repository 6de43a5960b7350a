// RFC 3986 percent-encoding as OAuth 1.0a requires (RFC 5849 §3.6): unreserved characters stay,
// everything else is %XX with upper-case hex. Every signed request runs these on each of its
// parameters, so values that need no work (the common case) are returned untouched.
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

export function percentEncode(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class MalformedEncoding extends Error {}

/** Decodes %XX sequences; `plusIsSpace` for form bodies and query strings. Throws on bad escapes. */
export function percentDecode(value: string, plusIsSpace = false): string {
  const spaced = plusIsSpace && value.includes('+') ? value.replace(/\+/g, ' ') : value;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new MalformedEncoding(`malformed percent-encoding in ${JSON.stringify(value.slice(0, 60))}`);
  }
}

/** Splits `a=1&b=2` into decoded pairs, keeping duplicates and order. */
export function parsePairs(raw: string): [string, string][] {
  if (raw === '') return [];
  const pairs: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? [percentDecode(part, true), ''] : [percentDecode(part.slice(0, eq), true), percentDecode(part.slice(eq + 1), true)]);
  }
  return pairs;
}
