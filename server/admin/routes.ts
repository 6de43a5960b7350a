// The local admin endpoint `smart-sandbox apps …` uses while a server runs: loopback only, and only
// with the token the server wrote to its data directory.
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { readJson } from '../emr/forms.js';
import { BadRequest, HttpError } from '../http/errors.js';
import { safeEqual } from '../oauth/base-string.js';
import { describeProblems, validateManifest } from '../registry/manifest.js';
import { RegistrationError, registerApp, unregisterApp } from '../registry/register.js';
import type { Services } from '../services.js';

export function adminRoutes(services: Services, token: string): Router {
  const router = new Router({ prefix: '/admin' });
  const guard = async (ctx: Context, next: Next) => {
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(ctx.request.socket.remoteAddress ?? '');
    if (!loopback || !safeEqual(ctx.get('x-admin-token'), token)) throw new HttpError(403, 'The admin endpoint is for the smart-sandbox command on this machine.');
    try {
      await next();
    } catch (err) {
      if (err instanceof RegistrationError) throw new BadRequest(err.message);
      throw err;
    }
  };
  router.post('/apps', guard, async (ctx) => {
    const body = await readJson(ctx);
    const check = validateManifest(body.manifest);
    if (!check.ok) throw new BadRequest(`Invalid manifest: ${describeProblems(check.errors)}`);
    const row = await registerApp(services.store, {
      manifest: check.manifest,
      ...(typeof body.secret === 'string' ? { secret: body.secret } : {}),
      enabledByDefault: body.enabledByDefault === true,
    });
    ctx.body = { id: row.id };
  });
  router.delete('/apps/:id', guard, async (ctx) => {
    await unregisterApp(services.store, ctx.params.id!);
    ctx.body = { removed: ctx.params.id };
  });
  return router;
}
