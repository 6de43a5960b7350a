// Loads app manifests from the bundled apps/ directory and from each --apps DIR, as the reference
// `load_app` command did: every `*.json` at the top of a directory, and every `*/smart_manifest.json`
// one level down. An invalid manifest is reported with its file and field and skipped; start-up
// goes on.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { AppRow, AppSource } from '../store/schema.js';
import { describeProblems, validateManifest, type AppManifest } from './manifest.js';

/** The development secret the original docs recommend; every app gets it unless registered otherwise. */
export const DEFAULT_CONSUMER_SECRET = 'smartapp-secret';

/** Bundled manifests write this placeholder for the sample-apps origin, which --apps-port may move. */
const APPS_BASE_PLACEHOLDER = '{{apps_base_url}}';

export interface LoadedManifest {
  file: string;
  manifest: AppManifest;
  source: AppSource;
}

async function manifestFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.json') && entry.name !== 'package.json') files.push(join(dir, entry.name));
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      const candidate = join(dir, entry.name, 'smart_manifest.json');
      try {
        await readFile(candidate);
        files.push(candidate);
      } catch {
        // A sub-directory without a manifest is just app assets.
      }
    }
  }
  return files;
}

export async function loadManifestDir(dir: string, source: AppSource, appsBaseUrl: string, log: Logger): Promise<LoadedManifest[]> {
  const loaded: LoadedManifest[] = [];
  for (const file of await manifestFiles(dir)) {
    const shown = relative(process.cwd(), file) || file;
    let json: unknown;
    try {
      let text = await readFile(file, 'utf8');
      if (source === 'bundled') text = text.replaceAll(APPS_BASE_PLACEHOLDER, appsBaseUrl);
      json = JSON.parse(text);
    } catch (err) {
      log.warn(`${shown}: skipped, not valid JSON (${(err as Error).message})`);
      continue;
    }
    const check = validateManifest(json);
    for (const w of check.warnings) log.warn(`${shown}: ${w.field} ${w.message}`);
    if (!check.ok) {
      log.warn(`${shown}: skipped, invalid manifest: ${describeProblems(check.errors)}`);
      continue;
    }
    loaded.push({ file, manifest: check.manifest, source });
  }
  return loaded;
}

/**
 * Registers loaded manifests in the store. The file is the source of truth for the manifest; a
 * secret or enabled-by-default flag set earlier (by registration or the CLI) is kept.
 */
export async function registerManifests(store: Store, loaded: readonly LoadedManifest[], log: Logger): Promise<void> {
  const seen = new Map<string, string>();
  for (const { file, manifest, source } of loaded) {
    const earlier = seen.get(manifest.id);
    if (earlier) {
      log.warn(`${file}: skipped, app id ${manifest.id} is already loaded from ${earlier}`);
      continue;
    }
    seen.set(manifest.id, file);
    const existing = store.getApp(manifest.id);
    const row: AppRow = {
      id: manifest.id,
      manifest,
      consumerSecret: existing?.consumerSecret ?? DEFAULT_CONSUMER_SECRET,
      enabledByDefault: existing?.enabledByDefault ?? true,
      source,
      file,
      registeredAt: existing?.registeredAt ?? new Date().toISOString(),
      ...(existing?.appendOAuthHeader ? { appendOAuthHeader: true } : {}),
    };
    if (JSON.stringify(existing) !== JSON.stringify(row)) await store.upsertApp(row);
  }
}
