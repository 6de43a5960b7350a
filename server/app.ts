// createApp(config): loads the world and the state, registers the apps, and builds the two Koa
// applications (the EMR/API origin and the sample-apps origin) without listening. Tests drive the
// returned apps in-process through `app.callback()`; startSandbox() binds them to ports.
import Koa from 'koa';
import { createAppsOrigin } from './apps-origin.js';
import type { Config, ResolvedConfig } from './config.js';
import { healthRoutes } from './health.js';
import { errorHandler, requestLog } from './http/errors.js';
import { createViewEnvironment, viewsMiddleware } from './http/views.js';
import { createLogger, type Logger } from './log.js';
import { paths } from './paths.js';
import { loadManifestDir, registerManifests } from './registry/load-apps.js';
import { Store } from './store/store.js';
import { readSeedAccounts } from './world/fixtures.js';
import { World } from './world/world.js';

export interface Sandbox {
  config: ResolvedConfig;
  log: Logger;
  world: World;
  store: Store;
  /** The EMR web UI and the REST API (one origin, as the contract's api_base is <EMR>/api). */
  emr: Koa;
  /** The bundled sample apps' origin. */
  apps: Koa;
  /** Waits for pending state writes. */
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

export async function createApp(input: Config | ResolvedConfig, log: Logger = createLogger(input.logLevel)): Promise<Sandbox> {
  const config = resolveUrls(input);
  const startedAt = Date.now();
  const [world, store] = await Promise.all([
    World.load({ seed: config.seed, patients: config.patients, ...(config.today ? { today: config.today } : {}), log }),
    Store.open({ inMemory: config.inMemory, dataDir: config.dataDir }),
  ]);
  await store.ensureAccounts(await readSeedAccounts());
  const manifests = [
    ...(await loadManifestDir(paths.bundledApps, 'bundled', config.appsBaseUrl, log)),
    ...(await Promise.all(config.appsDirs.map((dir) => loadManifestDir(dir, 'directory', config.appsBaseUrl, log)))).flat(),
  ];
  await registerManifests(store, manifests, log);

  const env = createViewEnvironment();
  const emr = new Koa();
  emr.use(errorHandler(log));
  emr.use(requestLog(log));
  emr.use(viewsMiddleware(env));
  const health = healthRoutes(world, startedAt);
  emr.use(health.routes());
  emr.use(health.allowedMethods());

  const apps = createAppsOrigin(config, store, env, log);
  return { config, log, world, store, emr, apps, close: () => store.flush() };
}
