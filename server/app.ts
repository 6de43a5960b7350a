// createApp(config): loads the world and the state, registers the apps, and builds the two Koa
// applications (the EMR/API origin and the sample-apps origin) without listening. Tests drive the
// returned apps in-process through `app.callback()`; startSandbox() binds them to ports.
import { randomBytes } from 'node:crypto';
import Koa from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';
import { createApi } from './api/router.js';
import { createAppsOrigin } from './apps-origin.js';
import type { Config, ResolvedConfig } from './config.js';
import { adminRoutes } from './admin/routes.js';
import { Csrf } from './emr/csrf.js';
import { emrRoutes } from './emr/routes.js';
import { Sessions } from './emr/sessions.js';
import { healthRoutes } from './health.js';
import { errorHandler, reportAppErrors, requestLog } from './http/errors.js';
import { stripBasePath } from './http/base-path.js';
import { clientLibraryRoutes } from './http/client-library.js';
import { createViewEnvironment, viewsMiddleware } from './http/views.js';
import { createLogger, type Logger } from './log.js';
import { paths } from './paths.js';
import { NonceStore } from './oauth/nonces.js';
import { loadManifestDir, registerManifests } from './registry/load-apps.js';
import type { Services } from './services.js';
import { Store } from './store/store.js';
import { readSeedAccounts } from './world/fixtures.js';
import { World } from './world/world.js';

export interface Sandbox extends Services {
  /** The EMR web UI and the REST API (one origin, as the contract's api_base is <EMR>/api). */
  emr: Koa;
  /** The bundled sample apps' origin. */
  apps: Koa;
  /** Waits for pending state and nonce-journal writes. */
  close(): Promise<void>;
}

/** Fills in the public URLs from the ports when they were not set explicitly. */
export function resolveUrls(config: Config, port = config.port, appsPort = config.appsPort): ResolvedConfig {
  return {
    ...config,
    baseUrl: config.baseUrl ?? `http://localhost:${port}`,
    appsBaseUrl: config.appsBaseUrl ?? `http://localhost:${appsPort}`,
  };
}

export interface CreateOptions {
  /** Enables the local admin endpoint (used by `smart-sandbox apps …` while the server runs). */
  adminToken?: string;
}

export async function createApp(input: Config | ResolvedConfig, log: Logger = createLogger(input.logLevel), options: CreateOptions = {}): Promise<Sandbox> {
  const config = resolveUrls(input);
  const startedAt = Date.now();
  const [world, store, nonces] = await Promise.all([
    World.load({ seed: config.seed, patients: config.patients, ...(config.today ? { today: config.today } : {}), log }),
    Store.open({ inMemory: config.inMemory, dataDir: config.dataDir }),
    NonceStore.open(config.inMemory ? null : config.dataDir),
  ]);
  const services: Services = { config, log, world, store, nonces, sessions: new Sessions() };
  await store.ensureAccounts(await readSeedAccounts());
  const purged = await store.purgeExpiredTokens();
  if (purged > 0) log.debug(`dropped ${purged} expired tokens`);
  const manifests = [
    ...(await loadManifestDir(paths.bundledApps, 'bundled', config.appsBaseUrl, log)),
    ...(await Promise.all(config.appsDirs.map((dir) => loadManifestDir(dir, 'directory', config.appsBaseUrl, log)))).flat(),
  ];
  await registerManifests(store, manifests, log);

  const env = createViewEnvironment();
  // Cookie-signing and CSRF keys are per process: a restart ends all EMR sessions anyway.
  const emr = new Koa({ keys: [randomBytes(32).toString('base64url')] });
  const csrf = new Csrf(randomBytes(32));
  reportAppErrors(emr, log);
  emr.use(errorHandler(log));
  emr.use(requestLog(log));
  emr.use(stripBasePath(config.baseUrl));
  emr.use(createApi(services));
  emr.use(viewsMiddleware(env));
  emr.use(mount('/static', serve(paths.public, { maxage: 60_000 })));
  const routers = [healthRoutes(world, startedAt), clientLibraryRoutes(), emrRoutes(services, csrf), ...(options.adminToken ? [adminRoutes(services, options.adminToken)] : [])];
  for (const router of routers) {
    emr.use(router.routes());
    emr.use(router.allowedMethods());
  }

  const apps = createAppsOrigin(config, store, env, log);
  return { ...services, emr, apps, close: async () => Promise.all([store.flush(), nonces.flush()]).then(() => undefined) };
}
