// Browser sessions of the EMR. The cookie carries only a random id (signed, httpOnly, SameSite);
// the session lives in memory, so a restart logs everyone out, which also invalidates the SMART
// Connect tokens bound to those sessions.
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';

export const SESSION_COOKIE = 'smart_sandbox_session';
const IDLE_LIMIT_MS = 12 * 60 * 60 * 1000;

export interface Session {
  id: string;
  email: string;
  createdAt: number;
  lastSeen: number;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  create(email: string): Session {
    const now = Date.now();
    const session = { id: randomBytes(24).toString('base64url'), email, createdAt: now, lastSeen: now };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.byId.get(id);
    if (!session) return undefined;
    const now = Date.now();
    if (now - session.lastSeen > IDLE_LIMIT_MS) {
      this.byId.delete(id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  destroy(id: string): void {
    this.byId.delete(id);
  }

  /** The session of the request's cookie, if any. */
  fromRequest(ctx: Context): Session | undefined {
    return this.get(ctx.cookies.get(SESSION_COOKIE, { signed: true }));
  }

  start(ctx: Context, email: string): Session {
    const session = this.create(email);
    ctx.cookies.set(SESSION_COOKIE, session.id, { signed: true, httpOnly: true, sameSite: 'lax', path: '/', overwrite: true });
    return session;
  }

  end(ctx: Context): void {
    const id = ctx.cookies.get(SESSION_COOKIE, { signed: true });
    if (id) this.destroy(id);
    ctx.cookies.set(SESSION_COOKIE, '', { signed: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, overwrite: true });
  }
}
