// Token issuance. Tokens and secrets are 20 random alphanumerics, as the reference issued them;
// every token is bound to its app and, as its kind requires, to a user, a record and a browser
// session, and expires after the configured lifetime.
import { randomInt } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { TokenKind, TokenRow } from '../store/schema.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomToken(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export interface TokenBinding {
  appId: string;
  email?: string;
  recordId?: string;
  sessionId?: string;
}

export async function issueToken(store: Store, kind: TokenKind, binding: TokenBinding, lifetimeMinutes: number): Promise<TokenRow> {
  const now = Date.now();
  const row: TokenRow = {
    token: randomToken(),
    secret: randomToken(),
    kind,
    appId: binding.appId,
    ...(binding.email ? { email: binding.email } : {}),
    ...(binding.recordId ? { recordId: binding.recordId } : {}),
    ...(binding.sessionId ? { sessionId: binding.sessionId } : {}),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + lifetimeMinutes * 60_000).toISOString(),
  };
  await store.putToken(row);
  return row;
}

export const isExpired = (token: TokenRow, now = Date.now()): boolean => Date.parse(token.expiresAt) <= now;

/** `a=1&b=2` with values percent-encoded: the token endpoints' response format. */
export function formEncode(pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`)
    .join('&');
}
