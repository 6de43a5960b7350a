// Launching an app (protocol.md §2.4, §1.10): a SMART Connect token bound to the browser session
// and a REST token for the app's backend, both bound to (app, user, record); the signed
// oauth_header; and the iframe URL with api_base and record_id appended.
import { randomUUID } from 'node:crypto';
import { BadRequest, NotFound } from '../http/errors.js';
import { issueToken } from '../oauth/tokens.js';
import type { AppManifest } from '../registry/manifest.js';
import { apiBase, type Services } from '../services.js';
import type { AccountRow } from '../store/schema.js';
import { oauthHeader } from './oauth-header.js';

export interface LaunchContext {
  browser_environment: 'desktop';
  user: { id: string; full_name: string };
  record?: { id: string; full_name: string };
}

export interface Credentials {
  app_id: string;
  connect_token: string;
  api_base: string;
  rest_token: string;
  rest_secret: string;
  oauth_header: string;
}

export interface Launch {
  id: string;
  manifest: AppManifest;
  context: LaunchContext;
  credentials: Credentials;
  /** The URL the iframe (or, for standalone apps, a new window) opens. */
  launchUrl: string;
}

export interface LaunchRequest {
  appId: string;
  recordId?: string;
  account: AccountRow;
  sessionId: string;
}

const append = (url: string, params: [string, string][]) => `${url}${url.includes('?') ? '&' : '?'}${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;

export async function launchApp(services: Services, request: LaunchRequest): Promise<Launch> {
  const { store, world, config } = services;
  const app = store.getApp(request.appId);
  if (!app) throw new NotFound(`No app "${request.appId}" is registered.`);
  const { manifest } = app;
  if (manifest.mode === 'background') throw new BadRequest(`${manifest.name} is a background app; it has no user interface to launch.`);
  if (!manifest.index) throw new BadRequest(`${manifest.name} has no index URL to launch.`);
  // Container-scope apps run without a patient: the record context is cleared.
  const recordId = manifest.scope === 'container' ? undefined : request.recordId;
  if (manifest.scope !== 'container' && !recordId) throw new BadRequest(`${manifest.name} works on one patient: choose a patient first.`);
  const summary = recordId ? world.summary(recordId) : undefined;
  if (recordId && !summary) throw new NotFound(`No record ${recordId} in this sandbox.`);
  const email = request.account.email;
  const binding = { appId: app.id, email, ...(recordId ? { recordId } : {}) };
  const lifetime = config.tokenLifetimeMinutes;
  const [connect, rest] = await Promise.all([
    issueToken(store, 'connect', { ...binding, sessionId: request.sessionId }, lifetime),
    issueToken(store, 'rest', binding, lifetime),
  ]);
  const base = apiBase(config);
  const header = oauthHeader({ apiBase: base, index: manifest.index, appId: app.id, consumerSecret: app.consumerSecret, restToken: rest.token, restSecret: rest.secret, userId: email, ...(recordId ? { recordId } : {}) });
  // Launching enables the app for the account, as the reference did.
  if (!store.isAppEnabled(email, app.id)) await store.setAppEnabled(email, app.id, true);
  const id = randomUUID();
  await store.addLaunch({ id, appId: app.id, email, ...(recordId ? { recordId } : {}), connectToken: connect.token, restToken: rest.token, createdAt: new Date().toISOString() });
  const params: [string, string][] = [['api_base', base]];
  if (recordId) params.push(['record_id', recordId]);
  // 0.4/0.5 REST apps read the signed header from their URL (per-app compatibility switch).
  if (app.appendOAuthHeader) params.push(['oauth_header', header]);
  const d = summary?.demographics;
  return {
    id,
    manifest,
    context: {
      browser_environment: 'desktop',
      user: { id: email, full_name: `${request.account.givenName} ${request.account.familyName}` },
      ...(recordId && d ? { record: { id: recordId, full_name: `${d.givenName} ${d.familyName}` } } : {}),
    },
    credentials: { app_id: app.id, connect_token: connect.token, api_base: base, rest_token: rest.token, rest_secret: rest.secret, oauth_header: header },
    launchUrl: append(manifest.index, params),
  };
}
