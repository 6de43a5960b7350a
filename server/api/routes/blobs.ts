// User preferences and record scratchpads (protocol.md §4.4): opaque blobs stored verbatim with
// their content type. A write is durable before it is acknowledged.
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Services } from '../../services.js';
import type { BlobRow } from '../../store/schema.js';
import { mayReadScratchpad, mayUsePreferences, mayWriteScratchpad } from '../access.js';
import { authenticate, principalOf, send, type ApiState } from '../http.js';

/** The request's media type, lower-cased without parameters; text/plain when none was sent. */
const mediaType = (ctx: Context) => (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';

function sendBlob(ctx: Context, blob: BlobRow | undefined): void {
  // Never written: an empty text/plain body, not a 404.
  if (!blob) return send(ctx, 200, 'text/plain', '');
  send(ctx, 200, blob.contentType, Buffer.from(blob.body, 'base64'));
}

const body = (ctx: Context) => (ctx.state as ApiState).body ?? Buffer.alloc(0);
const deleted = (ctx: Context) => send(ctx, 200, 'text/html; charset=utf-8', 'ok');

export function blobRoutes(router: Router, services: Services): void {
  const auth = authenticate(services);
  const { store } = services;

  // 0.4 apps used /accounts/…/preferences; 0.5+ /users/…/preferences.
  for (const path of ['/users/:user_id/apps/:app_id/preferences', '/accounts/:user_id/apps/:app_id/preferences']) {
    router.get(path, auth, (ctx) => {
      mayUsePreferences(principalOf(ctx), ctx.params.user_id!, ctx.params.app_id!);
      sendBlob(ctx, store.getPreferences(ctx.params.user_id!, ctx.params.app_id!));
    });
    router.put(path, auth, async (ctx) => {
      mayUsePreferences(principalOf(ctx), ctx.params.user_id!, ctx.params.app_id!);
      sendBlob(ctx, await store.putPreferences(ctx.params.user_id!, ctx.params.app_id!, mediaType(ctx), body(ctx)));
    });
    router.delete(path, auth, async (ctx) => {
      mayUsePreferences(principalOf(ctx), ctx.params.user_id!, ctx.params.app_id!);
      await store.deletePreferences(ctx.params.user_id!, ctx.params.app_id!);
      deleted(ctx);
    });
  }

  const scratchpad = '/records/:record_id/apps/:app_id/scratchpad';
  router.get(scratchpad, auth, (ctx) => {
    mayReadScratchpad(principalOf(ctx), ctx.params.record_id!);
    sendBlob(ctx, store.getScratchpad(ctx.params.record_id!, ctx.params.app_id!));
  });
  router.put(scratchpad, auth, async (ctx) => {
    mayWriteScratchpad(principalOf(ctx), ctx.params.record_id!, ctx.params.app_id!);
    sendBlob(ctx, await store.putScratchpad(ctx.params.record_id!, ctx.params.app_id!, mediaType(ctx), body(ctx)));
  });
  router.delete(scratchpad, auth, async (ctx) => {
    mayWriteScratchpad(principalOf(ctx), ctx.params.record_id!, ctx.params.app_id!);
    await store.deleteScratchpad(ctx.params.record_id!, ctx.params.app_id!);
    deleted(ctx);
  });
}
