// `smart-sandbox apps add|list|remove|validate`: manage registered apps from the shell. The
// command works on the same state the server uses (--data DIR); while a server runs on that
// directory, changes go through its local admin endpoint, so the server sees them at once and
// stays the only writer of its state file.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runningServer } from '../admin/server-file.js';
import { resolveConfig } from '../config.js';
import { fetchManifest } from '../emr/manifest-url.js';
import { DEFAULT_CONSUMER_SECRET } from '../registry/load-apps.js';
import { validateManifest, type ManifestCheck } from '../registry/manifest.js';
import { RegistrationError, registerApp, unregisterApp } from '../registry/register.js';
import { Store } from '../store/store.js';

export class CommandError extends Error {}

export const APPS_HELP = `Usage: smart-sandbox apps <command> [options]

  apps add <manifest file|URL> [--secret S] [--enabled-by-default]   register or update an app
  apps list                                                          list the registered apps
  apps remove <app id>                                               unregister an app
  apps validate <manifest file|URL>                                  check a manifest (SMART 0.6 rules)

Options:
  --data DIR   state directory (default: .smart-sandbox, env SMART_SANDBOX_DATA), as for the server
`;

async function readManifest(source: string): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) return fetchManifest(source);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (err) {
    throw new CommandError(`cannot read ${source} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CommandError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
}

function report(check: ManifestCheck, print: (line: string) => void): void {
  for (const w of check.warnings) print(`warning: ${w.field}: ${w.message}`);
  if (!check.ok) for (const e of check.errors) print(`error: ${e.field}: ${e.message}`);
}

async function viaServer(dataDir: string, method: string, path: string, body?: object): Promise<boolean> {
  const server = await runningServer(dataDir);
  if (!server) return false;
  const res = await fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { 'X-Admin-Token': server.token, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new RegistrationError((await res.text()).trim());
  return true;
}

async function withStore<T>(dataDir: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open({ inMemory: false, dataDir });
  const result = await work(store);
  await store.flush();
  return result;
}

/** Runs one `apps` command; returns the exit code. Output goes through `print`. */
export async function appsCommand(argv: string[], print: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { secret: { type: 'string' }, 'enabled-by-default': { type: 'boolean' }, data: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (err) {
    throw new CommandError(`${(err as Error).message}; run "smart-sandbox apps --help"`);
  }
  const [command, target] = parsed.positionals;
  if (parsed.values.help || !command) {
    print(APPS_HELP);
    return command ? 0 : 2;
  }
  const dataDir = resolveConfig(parsed.values.data ? { dataDir: parsed.values.data } : {}, env).dataDir;
  switch (command) {
    case 'validate':
    case 'add': {
      if (!target) throw new CommandError(`apps ${command} needs a manifest file or URL`);
      const check = validateManifest(await readManifest(target));
      report(check, print);
      if (!check.ok) return 1;
      if (command === 'validate') {
        print(`${check.manifest.id}: valid${check.warnings.length > 0 ? ` (${check.warnings.length} warning${check.warnings.length > 1 ? 's' : ''})` : ''}`);
        return 0;
      }
      const registration = { manifest: check.manifest, ...(parsed.values.secret ? { secret: parsed.values.secret } : {}), enabledByDefault: parsed.values['enabled-by-default'] === true };
      const live = await viaServer(dataDir, 'POST', '/admin/apps', registration);
      if (!live) await withStore(dataDir, (store) => registerApp(store, registration));
      print(`registered ${check.manifest.id} (secret: ${parsed.values.secret ? 'as given' : DEFAULT_CONSUMER_SECRET})${live ? '; the running sandbox has it now' : ''}`);
      return 0;
    }
    case 'remove': {
      if (!target) throw new CommandError('apps remove needs an app id');
      const live = await viaServer(dataDir, 'DELETE', `/admin/apps/${encodeURIComponent(target)}`);
      if (!live) await withStore(dataDir, (store) => unregisterApp(store, target));
      print(`removed ${target}`);
      return 0;
    }
    case 'list': {
      const apps = await withStore(dataDir, async (store) => [...store.listApps()]);
      if (apps.length === 0) {
        print('No apps are registered yet (bundled and --apps manifests are registered when the sandbox starts).');
        return 0;
      }
      const rows = apps
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((a) => [a.id, a.manifest.name, a.manifest.mode, a.manifest.index ?? '-', a.consumerSecret === DEFAULT_CONSUMER_SECRET ? 'default' : 'own', a.source]);
      const header = ['ID', 'NAME', 'MODE', 'INDEX', 'SECRET', 'SOURCE'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows]) print(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
      return 0;
    }
    default:
      throw new CommandError(`unknown apps command "${command}"; run "smart-sandbox apps --help"`);
  }
}

