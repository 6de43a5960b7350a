// Container-level calls (protocol.md §4.1): the container manifest, the ontology, app manifests and
// the app list, plus the 0.4 discovery calls /capabilities/ and /version.
import { readFileSync } from 'node:fs';
import type Router from '@koa/router';
import { BadRequest, NotFound } from '../../http/errors.js';
import { capabilities } from '../../ontology/calls.js';
import { SMART_OWL_PATH } from '../../ontology/individuals.js';
import { API_PREFIX, apiBase, type Services } from '../../services.js';
import type { AppManifest } from '../../registry/manifest.js';
import { mayReadContainer } from '../access.js';
import { authenticate, principalOf, send } from '../http.js';
import { attr, text } from '../rdf/xml.js';

export const SMART_VERSION = '0.6.1';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadRequest(`The app descriptor "${value}" has malformed percent-encoding.`);
  }
}

/** JSON as the reference wrote it: keys sorted, four-space indent. */
function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value), null, 4);
}

export function containerManifest(services: Services): Record<string, unknown> {
  const { config, world } = services;
  return {
    smart_version: SMART_VERSION,
    api_base: apiBase(config),
    name: `SMART Sandbox (SMART v${SMART_VERSION} Reference EMR)`,
    description: `Offline SMART Reference EMR sandbox with ${world.count} synthetic patients`,
    admin: 'admin@smart-sandbox.example.org',
    launch_urls: {
      app_launch: `${config.baseUrl}/apps/{{app_id}}/launch`,
      request_token: `${apiBase(config)}/oauth/request_token`,
      authorize_token: `${config.baseUrl}/oauth/authorize`,
      exchange_token: `${apiBase(config)}/oauth/access_token`,
    },
    capabilities: capabilities(),
  };
}

function appsXml(manifests: readonly AppManifest[]): string {
  const entries = manifests.map((m) => {
    const env = (list: string[] | undefined, fallback: string) => text((list ?? fallback.split(',')).join(','));
    return (
      `  <App id="${attr(m.id)}">\n    <name>${text(m.name)}</name>\n    <description>${text(m.description)}</description>\n` +
      `    <mode>${text(m.mode)}</mode>\n    <scope>${text(m.scope ?? 'record')}</scope>\n    <standalone>${m.standalone ? 'True' : 'False'}</standalone>\n` +
      (m.index ? `    <index>${text(m.index)}</index>\n` : '') +
      (m.icon ? `    <iconURL>${text(m.icon)}</iconURL>\n` : '') +
      `    <optimalBrowserEnvironments>${env(m.optimalBrowserEnvironments, 'desktop')}</optimalBrowserEnvironments>\n` +
      `    <supportedBrowserEnvironments>${env(m.supportedBrowserEnvironments, 'desktop,tablet,mobile')}</supportedBrowserEnvironments>\n  </App>\n`
    );
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<Apps>\n${entries.join('')}</Apps>\n`;
}

export function containerRoutes(router: Router, services: Services): void {
  const auth = authenticate(services);
  const ontology = readFileSync(SMART_OWL_PATH);
  const manifests = () => [...services.store.listApps()].sort((a, b) => a.id.localeCompare(b.id)).map((a) => a.manifest);

  router.get('/manifest', (ctx) => send(ctx, 200, 'application/json', sortedJson(containerManifest(services))));
  router.get('/ontology', (ctx) => send(ctx, 200, 'application/rdf+xml', ontology));
  router.get('/capabilities', (ctx) => send(ctx, 200, 'application/json', sortedJson(capabilities())));
  router.get('/version', (ctx) => send(ctx, 200, 'text/plain', SMART_VERSION));
  router.get('/apps', (ctx) => send(ctx, 200, 'application/xml', appsXml(manifests())));

  router.get('/apps/manifests', auth, (ctx) => {
    mayReadContainer(principalOf(ctx));
    send(ctx, 200, 'application/json', JSON.stringify(manifests(), null, 4));
  });
  // A descriptor may contain slashes, so it is everything between /apps/ and /manifest. (A RegExp
  // route does not get the router's prefix, so it carries it.)
  router.get(new RegExp(`^${API_PREFIX}/apps/(.+)/manifest$`), auth, (ctx) => {
    mayReadContainer(principalOf(ctx));
    const descriptor = safeDecode((ctx as unknown as { captures: string[] }).captures[0] ?? '');
    const app = services.store.getApp(descriptor);
    if (!app) throw new NotFound(`No app "${descriptor}" is registered; GET /apps/manifests/ lists the registered apps.`);
    send(ctx, 200, 'application/json', JSON.stringify(app.manifest, null, 4));
  });
}
