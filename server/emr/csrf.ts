// CSRF protection for every EMR form and state-changing XHR: a double-submit token derived with
// HMAC from a per-browser random cookie, so it works before login (the login form) and after.
// Forms send it as `_csrf`, scripts as the X-CSRF-Token header; comparison is constant-time.
import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { HttpError } from '../http/errors.js';
import { safeEqual } from '../oauth/base-string.js';

const CSRF_COOKIE = 'smart_sandbox_csrf';

export class Csrf {
  constructor(private readonly key: Buffer) {}

  private browserId(ctx: Context): string {
    let id = ctx.cookies.get(CSRF_COOKIE, { signed: true });
    if (!id) {
      id = randomBytes(18).toString('base64url');
      ctx.cookies.set(CSRF_COOKIE, id, { signed: true, httpOnly: true, sameSite: 'strict', path: '/', overwrite: true });
    }
    return id;
  }

  /** The token to embed in this browser's forms. */
  token(ctx: Context): string {
    return createHmac('sha256', this.key).update(this.browserId(ctx)).digest('base64url');
  }

  /** Throws 403 unless the request carries this browser's token. */
  check(ctx: Context, submitted: string | undefined): void {
    const id = ctx.cookies.get(CSRF_COOKIE, { signed: true });
    const expected = id ? createHmac('sha256', this.key).update(id).digest('base64url') : undefined;
    if (!expected || !submitted || !safeEqual(expected, submitted)) {
      throw new HttpError(403, 'This form has expired or did not come from this site (CSRF token missing or wrong). Reload the page and try again.');
    }
  }
}
