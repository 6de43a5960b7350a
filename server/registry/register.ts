// Registering an app from a validated manifest, the one way Manage Apps, the admin endpoint and the
// `smart-sandbox apps add` command all do it. A re-registration keeps the app's history (when it
// was first registered, its launch-URL compatibility switch).
import type { Store } from '../store/store.js';
import type { AppRow } from '../store/schema.js';
import { DEFAULT_CONSUMER_SECRET } from './load-apps.js';
import type { AppManifest } from './manifest.js';

export interface Registration {
  manifest: AppManifest;
  secret?: string;
  enabledByDefault?: boolean;
}

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

export async function registerApp(store: Store, registration: Registration): Promise<AppRow> {
  const secret = registration.secret?.trim() || DEFAULT_CONSUMER_SECRET;
  if (/\s/.test(secret)) throw new RegistrationError('The consumer secret must not contain spaces.');
  const existing = store.getApp(registration.manifest.id);
  const row: AppRow = {
    id: registration.manifest.id,
    manifest: registration.manifest,
    consumerSecret: secret,
    enabledByDefault: registration.enabledByDefault === true,
    source: 'registered',
    registeredAt: existing?.registeredAt ?? new Date().toISOString(),
    ...(existing?.appendOAuthHeader ? { appendOAuthHeader: true } : {}),
  };
  await store.upsertApp(row);
  return row;
}

/** Removes a registered app; apps loaded from manifest files come back at the next start, so they are refused. */
export async function unregisterApp(store: Store, id: string): Promise<void> {
  const app = store.getApp(id);
  if (!app) throw new RegistrationError(`No app "${id}" is registered.`);
  if (app.source !== 'registered') throw new RegistrationError(`${id} is loaded from ${app.file ?? 'a manifest file'} at every start; delete or move that file instead.`);
  await store.removeApp(id);
}
