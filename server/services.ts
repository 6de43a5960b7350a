// The long-lived parts every surface (REST API, EMR, SMART Connect) shares, built once by createApp.
import type { ResolvedConfig } from './config.js';
import type { Sessions } from './emr/sessions.js';
import type { Logger } from './log.js';
import type { NonceStore } from './oauth/nonces.js';
import type { Store } from './store/store.js';
import type { World } from './world/world.js';

export interface Services {
  config: ResolvedConfig;
  log: Logger;
  world: World;
  store: Store;
  nonces: NonceStore;
  /** EMR browser sessions; SMART Connect calls are tied to them. */
  sessions: Sessions;
}

/** Where the REST API lives on the EMR origin. */
export const API_PREFIX = '/api';

/** The API base handed to apps: the public base URL plus /api. */
export const apiBase = (config: ResolvedConfig): string => `${config.baseUrl}${API_PREFIX}`;
