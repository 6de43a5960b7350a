// The programmatic entry point: `import { startSandbox } from 'smart-sandbox'`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newAdminToken, removeServerFile, writeServerFile } from './admin/server-file.js';
import { createApp, resolveUrls, type Sandbox } from './app.js';
import { resolveConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { DEFAULT_LOGIN } from './store/seed-accounts.js';

export { createApp, type Sandbox } from './app.js';
export { resolveConfig, type Config, type ResolvedConfig, ConfigError } from './config.js';

export interface SandboxUrls {
  /** The EMR web UI, e.g. http://localhost:7000/ */
  emr: string;
  /** The API base handed to apps, e.g. http://localhost:7000/api */
  api: string;
  /** The bundled sample apps' origin, e.g. http://localhost:8001 */
  apps: string;
}

export interface RunningSandbox {
  /** Public URLs (they follow --base-url / --apps-base-url when set). */
  urls: SandboxUrls;
  /** Where the two origins actually listen, e.g. http://127.0.0.1:41234 (for requests behind a proxy setup). */
  listening: { emr: string; apps: string };
  login: { username: string; password: string };
  sandbox: Sandbox;
  /** Stops listening and flushes state. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartOptions extends Partial<Config> {
  /** Environment to read SMART_SANDBOX_* variables from; default: none (programmatic use is explicit). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A bound host as it appears in a URL (IPv6 in brackets; the wildcard as loopback). */
const hostForUrl = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive connections would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/**
 * Starts the sandbox: loads everything, binds both origins (port 0 picks free ports) and returns
 * the resolved URLs. The public URLs follow the bound ports unless baseUrl/appsBaseUrl are set.
 */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { env, logger, ...overrides } = options;
  const base = resolveConfig(overrides, env ?? {});
  const log = logger ?? createLogger(base.logLevel);
  if (!LOOPBACK.has(base.host)) {
    log.warn(`listening on ${base.host}, not loopback: anyone who can reach this address can log in with the public demo accounts and read the synthetic records. Use --host 127.0.0.1 unless you mean it.`);
  }
  const emrServer = createServer();
  const appsServer = createServer();
  try {
    const port = await listen(emrServer, base.port, base.host);
    const appsPort = await listen(appsServer, base.appsPort, base.host);
    const adminToken = base.inMemory ? undefined : newAdminToken();
    const sandbox = await createApp(resolveUrls(base, port, appsPort), log, adminToken ? { adminToken } : {});
    const listening = { emr: `http://${hostForUrl(base.host)}:${port}`, apps: `http://${hostForUrl(base.host)}:${appsPort}` };
    if (adminToken) await writeServerFile(base.dataDir, { pid: process.pid, adminUrl: listening.emr, token: adminToken });
    emrServer.on('request', sandbox.emr.callback());
    appsServer.on('request', sandbox.apps.callback());
    let closing: Promise<void> | undefined;
    return {
      urls: { emr: `${sandbox.config.baseUrl}/`, api: `${sandbox.config.baseUrl}/api`, apps: sandbox.config.appsBaseUrl },
      listening,
      login: { username: DEFAULT_LOGIN.email, password: DEFAULT_LOGIN.password },
      sandbox,
      close: () =>
        (closing ??= (async () => {
          await Promise.all([closeServer(emrServer), closeServer(appsServer)]);
          if (adminToken) await removeServerFile(base.dataDir);
          await sandbox.close();
        })()),
    };
  } catch (err) {
    await Promise.all([closeServer(emrServer), closeServer(appsServer)]);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const e = err as NodeJS.ErrnoException & { port?: number };
      throw new Error(`port ${e.port ?? ''} is already in use; stop the other process or choose another with --port / --apps-port (0 picks a free one)`);
    }
    throw err;
  }
}
