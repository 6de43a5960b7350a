// App manifest validation (protocol.md §5.1, data-model.md §2.20). The 0.6 installer used a closed
// JSON schema: unknown keys are errors, and the mode decides which URLs are required or forbidden.
// Errors name the field so a developer can fix their manifest without reading the schema.
import { capabilities } from '../ontology/calls.js';

export type AppMode = 'ui' | 'frame_ui' | 'background';
export type BrowserEnvironment = 'desktop' | 'tablet' | 'mobile';

export interface RequiredCapability {
  methods: string[];
  codes?: string[];
}

export interface AppManifest {
  id: string;
  name: string;
  description: string;
  mode: AppMode;
  scope?: 'record' | 'container';
  index?: string;
  icon?: string;
  oauth_callback?: string;
  standalone?: boolean;
  author?: string;
  version?: string;
  smart_version?: string;
  requires?: Record<string, RequiredCapability>;
  optimalBrowserEnvironments?: BrowserEnvironment[];
  supportedBrowserEnvironments?: BrowserEnvironment[];
}

export interface ManifestProblem {
  field: string;
  message: string;
}

export type ManifestCheck =
  | { ok: true; manifest: AppManifest; warnings: ManifestProblem[] }
  | { ok: false; errors: ManifestProblem[]; warnings: ManifestProblem[] };

const ALLOWED_KEYS = new Set([
  'id', 'name', 'description', 'mode', 'scope', 'index', 'icon', 'oauth_callback', 'standalone', 'author', 'version',
  'smart_version', 'requires', 'optimalBrowserEnvironments', 'supportedBrowserEnvironments',
]);
/** 0.3 keys that 0.4+ dropped; old manifests still carry them, so they are ignored with a warning. */
const LEGACY_KEYS = new Set(['base_url', 'intents']);
const MODES: readonly AppMode[] = ['ui', 'frame_ui', 'background'];
const ENVIRONMENTS: readonly BrowserEnvironment[] = ['desktop', 'tablet', 'mobile'];
const METHODS = ['GET', 'PUT', 'POST', 'DELETE'];
const SMART_VERSION = /^\d+(\.\d+){0,2}$/;
/** API versions this sandbox emulates; others are accepted with a warning. */
const KNOWN_SMART_VERSIONS = /^0\.(3|4|5|6)(\.\d+)?$/;

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** oauth_callback may use a custom scheme (smart-app:///...), so any absolute URI is accepted. */
function isAbsoluteUri(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function validateManifest(input: unknown): ManifestCheck {
  const errors: ManifestProblem[] = [];
  const warnings: ManifestProblem[] = [];
  const error = (field: string, message: string) => errors.push({ field, message });

  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(manifest)', message: 'must be a JSON object' }], warnings };
  }
  const raw = { ...(input as Record<string, unknown>) };

  for (const key of Object.keys(raw)) {
    if (LEGACY_KEYS.has(key)) {
      warnings.push({ field: key, message: `is a SMART 0.3 field that 0.4+ ignores; it was dropped` });
      if (key === 'base_url' && typeof raw.base_url === 'string') {
        // Very old manifests wrote index as "{base_url}/index.html"; substitute so they still launch.
        for (const urlKey of ['index', 'icon', 'oauth_callback']) {
          if (typeof raw[urlKey] === 'string') raw[urlKey] = (raw[urlKey] as string).replaceAll('{base_url}', raw.base_url.replace(/\/+$/, ''));
        }
      }
      delete raw[key];
    } else if (!ALLOWED_KEYS.has(key)) {
      error(key, `is not a manifest field (allowed: ${[...ALLOWED_KEYS].join(', ')})`);
    }
  }

  for (const key of ['id', 'name', 'description'] as const) {
    if (raw[key] === undefined) error(key, 'is required');
    else if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') error(key, 'must be a non-empty string');
  }
  if (typeof raw.id === 'string' && /[\s\u0000-\u001f]/.test(raw.id)) error('id', 'must not contain spaces or control characters (it is the OAuth consumer key)');

  const mode = raw.mode;
  if (mode === undefined) error('mode', `is required (one of ${MODES.join(', ')})`);
  else if (!MODES.includes(mode as AppMode)) error('mode', `must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);

  if (raw.scope !== undefined && raw.scope !== 'record' && raw.scope !== 'container') {
    error('scope', `must be "record" or "container", got ${JSON.stringify(raw.scope)}`);
  }

  for (const key of ['index', 'icon'] as const) {
    if (raw[key] === undefined) continue;
    if (!isHttpUrl(raw[key])) error(key, `must be an absolute http(s) URL, got ${JSON.stringify(raw[key])}`);
    else if (/[{}]/.test(raw[key] as string)) error(key, 'must not contain template variables such as {base_url} (SMART 0.4+ launches the URL as is)');
  }
  if (raw.oauth_callback !== undefined && !isAbsoluteUri(raw.oauth_callback)) {
    error('oauth_callback', `must be an absolute URL (custom schemes such as smart-app:/// are fine), got ${JSON.stringify(raw.oauth_callback)}`);
  }

  if (mode === 'ui' || mode === 'frame_ui') {
    if (raw.index === undefined) error('index', `is required for mode "${mode}" (the page the EMR loads in its iframe)`);
    if (raw.icon === undefined) error('icon', `is required for mode "${mode}" (shown in the app dock)`);
  }
  if (mode === 'background') {
    for (const key of ['index', 'oauth_callback', 'optimalBrowserEnvironments', 'supportedBrowserEnvironments']) {
      if (raw[key] !== undefined) error(key, 'is not allowed for mode "background" (background apps have no user interface)');
    }
  }

  if (raw.standalone !== undefined && typeof raw.standalone !== 'boolean') error('standalone', 'must be true or false');
  for (const key of ['author', 'version'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') error(key, 'must be a string');
  }

  if (raw.smart_version !== undefined) {
    if (typeof raw.smart_version !== 'string' || !SMART_VERSION.test(raw.smart_version)) {
      error('smart_version', `must look like 0.6 or 0.6.1, got ${JSON.stringify(raw.smart_version)}`);
    } else if (!KNOWN_SMART_VERSIONS.test(raw.smart_version)) {
      warnings.push({ field: 'smart_version', message: `${raw.smart_version} is not a SMART classic version this sandbox emulates (0.3 to 0.6.x)` });
    }
  }

  for (const key of ['optimalBrowserEnvironments', 'supportedBrowserEnvironments'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((v) => !ENVIRONMENTS.includes(v as BrowserEnvironment))) {
      error(key, `must be a list of ${ENVIRONMENTS.join(', ')}`);
    } else if (new Set(value).size !== value.length) {
      error(key, 'must not repeat an environment');
    }
  }

  if (raw.requires !== undefined) checkRequires(raw.requires, error, warnings);

  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, manifest: raw as unknown as AppManifest, warnings };
}

function checkRequires(requires: unknown, error: (field: string, message: string) => void, warnings: ManifestProblem[]): void {
  if (typeof requires !== 'object' || requires === null || Array.isArray(requires)) {
    error('requires', 'must be an object mapping type URIs to {"methods": [...]}');
    return;
  }
  for (const [type, need] of Object.entries(requires)) {
    const field = `requires.${type}`;
    const served = capabilities()[type];
    if (!isHttpUrl(type)) error(field, 'the key must be a type URI such as http://smartplatforms.org/terms#Medication');
    else if (!served) warnings.push({ field, message: 'is not a type this container serves (SMART 0.6.1); the app may not work here' });
    if (typeof need !== 'object' || need === null || Array.isArray(need)) {
      error(field, 'must be an object with "methods"');
      continue;
    }
    const { methods, codes, ...rest } = need as Record<string, unknown>;
    for (const extra of Object.keys(rest)) error(`${field}.${extra}`, 'is not allowed (only "methods" and "codes")');
    if (!Array.isArray(methods) || methods.length === 0 || methods.some((m) => !METHODS.includes(m as string))) {
      error(`${field}.methods`, `must be a non-empty list of ${METHODS.join(', ')}`);
    } else if (served) {
      const missing = methods.filter((m) => !served.methods.includes(m as never));
      if (missing.length > 0) warnings.push({ field: `${field}.methods`, message: `${missing.join(', ')} is not supported for this type here (only ${served.methods.join(', ')})` });
    }
    if (codes !== undefined && (!Array.isArray(codes) || codes.some((c) => !isHttpUrl(c)))) {
      error(`${field}.codes`, 'must be a list of code-system URLs');
    }
  }
}

/** One-line summary of problems, for logs: `icon: is required…; index: …`. */
export function describeProblems(problems: readonly ManifestProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
