// The one typed configuration object. Every key has a default, an environment variable and a CLI
// flag, all declared once in OPTIONS below; `--help`, the README table and validation are derived
// from that table so they cannot drift apart.
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOG_LEVELS, type LogLevel } from './log.js';

export interface Config {
  /** EMR + REST API port (0 picks a free port). */
  port: number;
  /** Interface to bind; anything but loopback is announced with a warning. */
  host: string;
  /** Public URL of the EMR/API origin; every emitted URL follows it. Default http://localhost:<port>. */
  baseUrl?: string;
  /** Port of the bundled sample-apps origin (0 picks a free port). */
  appsPort: number;
  /** Public URL of the sample-apps origin. Default http://localhost:<apps port>. */
  appsBaseUrl?: string;
  /** Directory holding the lowdb state file. */
  dataDir: string;
  /** Keep all state in memory; nothing is written to disk. */
  inMemory: boolean;
  /** Seed of the patient generator; the committed fixtures are the default seed's output. */
  seed: number;
  /** Number of patients in the world. */
  patients: number;
  /** Shift all clinical dates so the reference date (2013-06-01) lands on this day ("now" = today). */
  today?: string;
  /** Extra directories of app manifests (repeatable). */
  appsDirs: string[];
  /** Log verbosity. */
  logLevel: LogLevel;
  /** Lifetime of issued OAuth tokens, in minutes. */
  tokenLifetimeMinutes: number;
}

/** A Config whose public URLs are known (after the ports are bound). */
export interface ResolvedConfig extends Config {
  baseUrl: string;
  appsBaseUrl: string;
}

export const DEFAULT_SEED = 20130601;
export const DEFAULT_PATIENTS = 50;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Kind = 'port' | 'int' | 'string' | 'url' | 'bool' | 'dirs' | 'loglevel' | 'date' | 'dir';

interface OptionSpec {
  key: keyof Config;
  flag: string;
  env: string;
  kind: Kind;
  help: string;
  placeholder?: string;
  min?: number;
  max?: number;
}

export const OPTIONS: readonly OptionSpec[] = [
  { key: 'port', flag: 'port', env: 'SMART_SANDBOX_PORT', kind: 'port', placeholder: 'N', help: 'EMR and REST API port (0 = any free port)' },
  { key: 'host', flag: 'host', env: 'SMART_SANDBOX_HOST', kind: 'string', placeholder: 'ADDR', help: 'interface to bind; a non-loopback address prints a warning' },
  { key: 'baseUrl', flag: 'base-url', env: 'SMART_SANDBOX_BASE_URL', kind: 'url', placeholder: 'URL', help: 'public URL of the EMR/API (behind a proxy); api_base, RDF URIs and launch URLs follow it' },
  { key: 'appsPort', flag: 'apps-port', env: 'SMART_SANDBOX_APPS_PORT', kind: 'port', placeholder: 'N', help: 'port of the bundled sample-apps origin (0 = any free port)' },
  { key: 'appsBaseUrl', flag: 'apps-base-url', env: 'SMART_SANDBOX_APPS_BASE_URL', kind: 'url', placeholder: 'URL', help: 'public URL of the sample-apps origin' },
  { key: 'dataDir', flag: 'data', env: 'SMART_SANDBOX_DATA', kind: 'dir', placeholder: 'DIR', help: 'directory of the lowdb state file' },
  { key: 'inMemory', flag: 'in-memory', env: 'SMART_SANDBOX_IN_MEMORY', kind: 'bool', help: 'keep all state in memory; write nothing to disk' },
  { key: 'seed', flag: 'seed', env: 'SMART_SANDBOX_SEED', kind: 'int', placeholder: 'N', min: 0, max: 2 ** 31 - 1, help: 'seed of the patient generator' },
  { key: 'patients', flag: 'patients', env: 'SMART_SANDBOX_PATIENTS', kind: 'int', placeholder: 'N', min: 1, max: 100_000, help: 'number of patients' },
  { key: 'today', flag: 'today', env: 'SMART_SANDBOX_TODAY', kind: 'date', placeholder: 'DATE', help: 'shift clinical dates so the reference date 2013-06-01 becomes DATE (YYYY-MM-DD or "now")' },
  { key: 'appsDirs', flag: 'apps', env: 'SMART_SANDBOX_APPS', kind: 'dirs', placeholder: 'DIR', help: 'extra directory of app manifests (repeatable; env: list separated by ":")' },
  { key: 'logLevel', flag: 'log-level', env: 'SMART_SANDBOX_LOG_LEVEL', kind: 'loglevel', placeholder: 'LEVEL', help: `log verbosity: ${LOG_LEVELS.join(', ')}` },
  { key: 'tokenLifetimeMinutes', flag: 'token-lifetime', env: 'SMART_SANDBOX_TOKEN_LIFETIME', kind: 'int', placeholder: 'MIN', min: 1, max: 525_600, help: 'lifetime of issued OAuth tokens in minutes' },
];

export const DEFAULTS: Config = {
  port: 7000,
  host: '127.0.0.1',
  appsPort: 8001,
  dataDir: '.smart-sandbox',
  inMemory: false,
  seed: DEFAULT_SEED,
  patients: DEFAULT_PATIENTS,
  appsDirs: [],
  logLevel: 'info',
  tokenLifetimeMinutes: 60,
};

const fail = (spec: OptionSpec, message: string): never => {
  throw new ConfigError(`--${spec.flag}: ${message}`);
};

function parseInteger(spec: OptionSpec, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) fail(spec, `expected a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) fail(spec, `expected a number from ${min} to ${max}, got ${raw}`);
  return n;
}

/** Parses one raw string (from a flag or an environment variable) into the option's type. */
function parseValue(spec: OptionSpec, raw: string | string[] | boolean): unknown {
  switch (spec.kind) {
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (/^(1|true|yes|on)$/i.test(String(raw))) return true;
      if (/^(0|false|no|off|)$/i.test(String(raw))) return false;
      return fail(spec, `expected true or false, got "${String(raw)}"`);
    case 'port':
      return parseInteger(spec, String(raw), 0, 65535);
    case 'int':
      return parseInteger(spec, String(raw), spec.min ?? Number.MIN_SAFE_INTEGER, spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'string':
    case 'dir':
      if (String(raw).trim() === '') fail(spec, 'must not be empty');
      return String(raw);
    case 'url':
      return normaliseBaseUrl(spec, String(raw));
    case 'loglevel':
      if (!(LOG_LEVELS as readonly string[]).includes(String(raw))) fail(spec, `expected one of ${LOG_LEVELS.join(', ')}, got "${String(raw)}"`);
      return String(raw);
    case 'date':
      return parseToday(spec, String(raw));
    case 'dirs':
      return (Array.isArray(raw) ? raw : String(raw).split(':')).filter((d) => d !== '');
  }
}

function normaliseBaseUrl(spec: OptionSpec, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(spec, `expected an absolute http(s) URL such as http://localhost:7000, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(spec, `expected an http or https URL, got "${raw}"`);
  if (url.search || url.hash) fail(spec, `must not contain a query or fragment, got "${raw}"`);
  // Keep a path prefix (a proxy may mount us under /sandbox) but never a trailing slash: api_base
  // is concatenated with paths that start with "/".
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function parseToday(spec: OptionSpec, raw: string): string {
  if (raw === 'now') return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
    fail(spec, `expected a date as YYYY-MM-DD or "now", got "${raw}"`);
  }
  return raw;
}

/** Checks the things that need the file system (readable app directories). */
function checkDirectories(config: Config): void {
  const spec = OPTIONS.find((o) => o.key === 'appsDirs')!;
  for (const dir of config.appsDirs) {
    try {
      if (!statSync(dir).isDirectory()) fail(spec, `"${dir}" is not a directory`);
      accessSync(dir, constants.R_OK);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      fail(spec, `cannot read directory "${dir}" (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
}

/**
 * Builds a complete Config from defaults, then environment variables, then explicit overrides
 * (CLI flags or the programmatic options). Throws ConfigError naming the offending option.
 */
export function resolveConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  const config: Config = { ...DEFAULTS, appsDirs: [...DEFAULTS.appsDirs] };
  for (const spec of OPTIONS) {
    const raw = env[spec.env];
    if (raw !== undefined && raw !== '') (config as unknown as Record<string, unknown>)[spec.key] = parseValue(spec, raw);
  }
  for (const spec of OPTIONS) {
    const value = overrides[spec.key];
    if (value === undefined) continue;
    // Programmatic callers pass typed values; run them through the same checks as strings.
    const raw = Array.isArray(value) ? value.map(String) : typeof value === 'boolean' ? value : String(value);
    (config as unknown as Record<string, unknown>)[spec.key] = parseValue(spec, raw);
  }
  config.appsDirs = config.appsDirs.map((d) => resolve(d));
  checkDirectories(config);
  return config;
}

export interface CliParse {
  help: boolean;
  version: boolean;
  overrides: Partial<Config>;
  positionals: string[];
}

/** Parses argv flags into overrides; unknown flags are errors that say how to get help. */
export function parseCliFlags(argv: string[]): CliParse {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    help: { type: 'boolean' },
    version: { type: 'boolean' },
  };
  for (const spec of OPTIONS) options[spec.flag] = { type: spec.kind === 'bool' ? 'boolean' : 'string', multiple: spec.kind === 'dirs' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new ConfigError(`${message}; run "smart-sandbox --help" for the list of options`);
  }
  const overrides: Partial<Config> = {};
  for (const spec of OPTIONS) {
    const value = parsed.values[spec.flag];
    if (value === undefined) continue;
    (overrides as Record<string, unknown>)[spec.key] = parseValue(spec, value as string | string[] | boolean);
  }
  return { help: parsed.values.help === true, version: parsed.values.version === true, overrides, positionals: parsed.positionals };
}

function describeDefault(spec: OptionSpec): string {
  switch (spec.key) {
    case 'baseUrl':
      return 'http://localhost:<port>';
    case 'appsBaseUrl':
      return 'http://localhost:<apps-port>';
    case 'today':
      return 'no shift';
    case 'appsDirs':
      return 'none';
    default:
      return String(DEFAULTS[spec.key]);
  }
}

export function helpText(): string {
  const rows = OPTIONS.map((spec) => {
    const flag = `--${spec.flag}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
    return `  ${flag.padEnd(24)} ${spec.help}\n  ${''.padEnd(24)} default: ${describeDefault(spec)}; env: ${spec.env}`;
  });
  return [
    'Usage: smart-sandbox [options]',
    '       smart-sandbox apps <add|list|remove|validate> ...   (see smart-sandbox apps --help)',
    '',
    'Starts the SMART Sandbox: a SMART Platforms (classic, API 0.6.1) Reference EMR with',
    'an OAuth 1.0a REST API, SMART Connect app launching and synthetic patients.',
    '',
    'Options:',
    ...rows,
    `  ${'--help'.padEnd(24)} print this help and exit`,
    `  ${'--version'.padEnd(24)} print the version and exit`,
    '',
  ].join('\n');
}
