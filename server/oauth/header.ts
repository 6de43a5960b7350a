// Parsing the OAuth `Authorization` header (RFC 5849 §3.5.1). Parameters are read only from the
// header, as the reference server did; `realm` is ignored.
import { percentDecode } from './encoding.js';

export class HeaderError extends Error {}

export function parseAuthorizationHeader(header: string): Map<string, string> {
  const match = /^\s*OAuth\s+(.*)$/is.exec(header);
  if (!match) throw new HeaderError('the Authorization header does not start with "OAuth "');
  const params = new Map<string, string>();
  const body = match[1]!.trim();
  if (body === '') return params;
  // name="value" pairs separated by commas; values never contain raw quotes (they are percent-encoded).
  const pair = /\s*([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"\s*(,|$)/y;
  let index = 0;
  while (index < body.length) {
    pair.lastIndex = index;
    const m = pair.exec(body);
    if (!m) throw new HeaderError(`cannot read the parameter starting at ${JSON.stringify(body.slice(index, index + 30))}; expected name="percent-encoded value"`);
    const name = percentDecode(m[1]!);
    if (name !== 'realm') {
      if (params.has(name)) throw new HeaderError(`the parameter ${name} appears twice`);
      params.set(name, percentDecode(m[2]!));
    }
    index = pair.lastIndex;
  }
  return params;
}
