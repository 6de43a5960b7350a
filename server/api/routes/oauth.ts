// The token endpoints apps call (protocol.md §3.4–3.5): request and access tokens for the 3-legged
// dance, and the record tokens background apps iterate with.
import type { Router, RouterContext } from '@koa/router';
import { BadRequest, NotFound } from '../../http/errors.js';
import { Forbidden, OAuthError } from '../../oauth/errors.js';
import { safeEqual } from '../../oauth/base-string.js';
import { formEncode, isExpired, issueToken } from '../../oauth/tokens.js';
import { formParameters } from '../../oauth/verify.js';
import type { Services } from '../../services.js';
import { authenticate, principalOf, send, type ApiState } from '../http.js';

export function oauthRoutes(router: Router, services: Services): void {
  const { store, world, config } = services;
  const lifetime = config.tokenLifetimeMinutes;
  const auth = authenticate(services);

  const form = (ctx: RouterContext) =>
    new Map(formParameters({ body: (ctx.state as ApiState).body ?? Buffer.alloc(0), contentType: ctx.get('content-type') || undefined }));

  router.post('/oauth/request_token', auth, async function requestToken(ctx) {
    const principal = principalOf(ctx);
    if (principal.token) throw new OAuthError('a request token is asked for with a 2-legged call: sign with your consumer key and secret only, without oauth_token.');
    if (principal.app.manifest.mode === 'background') throw new Forbidden('background apps do not use the 3-legged dance; use the record token endpoints /apps/{app_id}/tokens/records/….');
    const params = form(ctx);
    // The Java client posts record_id instead of smart_record_id.
    const recordId = params.get('smart_record_id') ?? params.get('record_id');
    if (!recordId) throw new BadRequest('smart_record_id is required: post the record the app wants to open (form body smart_record_id=<record id>).');
    if (!world.summary(recordId)) throw new BadRequest(`smart_record_id ${recordId} is not a record of this sandbox.`);
    const token = await issueToken(store, 'request', { appId: principal.app.id, recordId }, lifetime);
    send(ctx, 200, 'text/plain', formEncode({ oauth_token: token.token, oauth_token_secret: token.secret }));
  });

  router.all('/oauth/access_token', auth, async function accessToken(ctx) {
    const principal = principalOf(ctx);
    const request = principal.token;
    if (!request || request.kind !== 'request') throw new OAuthError('sign the exchange with the request token (oauth_token) you got from /oauth/request_token and authorized.');
    if (!request.approved || !request.verifier || !request.email) throw new OAuthError('this request token has not been authorized yet: send the user to the authorize_token URL of the container manifest first.');
    const verifier = principal.oauth.get('oauth_verifier') ?? form(ctx).get('oauth_verifier');
    if (!verifier || !safeEqual(verifier, request.verifier)) throw new OAuthError('oauth_verifier is missing or does not match the one given to the oauth_callback.');
    // Request tokens are single use.
    await store.deleteToken(request.token);
    if (isExpired(request)) throw new OAuthError(`the request token expired at ${request.expiresAt}.`);
    const access = await issueToken(store, 'access', { appId: request.appId, email: request.email, recordId: request.recordId! }, lifetime);
    // user_id is the e-mail, not the reference's internal key, so the Python client's user calls work.
    send(ctx, 200, 'text/plain', formEncode({ oauth_token: access.token, oauth_token_secret: access.secret, record_id: access.recordId, user_id: access.email }));
  });

  const recordIds = () => world.summaries.map((s) => s.id).sort();

  async function backgroundToken(ctx: RouterContext, pick: (ids: string[]) => string | undefined) {
    const principal = principalOf(ctx);
    const appId = ctx.params.app_id!;
    if (principal.token) throw new OAuthError('record tokens are asked for with a 2-legged call: sign with your consumer key and secret only.');
    if (principal.app.id !== appId) throw new Forbidden(`${principal.app.id} cannot get record tokens for ${appId}; sign with the consumer key of ${appId}.`);
    if (principal.app.manifest.mode !== 'background') throw new Forbidden(`only background apps get record tokens; ${appId} is a "${principal.app.manifest.mode}" app.`);
    const recordId = pick(recordIds());
    if (!recordId) throw new NotFound('No more records.');
    const token = await issueToken(store, 'background', { appId, recordId }, lifetime);
    send(ctx, 200, 'application/x-www-form-urlencoded', formEncode({ oauth_token: token.token, oauth_token_secret: token.secret, smart_record_id: recordId }));
  }

  router.all('/apps/:app_id/tokens/records/first', auth, (ctx) => backgroundToken(ctx, (ids) => ids[0]));
  router.all('/apps/:app_id/tokens/records/:record_id/next', auth, (ctx) =>
    backgroundToken(ctx, (ids) => {
      if (!world.summary(ctx.params.record_id!)) return undefined;
      return ids.find((id) => id > ctx.params.record_id!);
    }),
  );
  router.all('/apps/:app_id/tokens/records/:record_id', auth, (ctx) => backgroundToken(ctx, () => (world.summary(ctx.params.record_id!) ? ctx.params.record_id : undefined)));
}
