// The shape of the persisted state file. Bump SCHEMA_VERSION whenever a stored shape changes, so
// that an older sandbox refuses a newer file instead of misreading it.
import type { AppManifest } from '../registry/manifest.js';
import type { ClinicalNote } from '../world/types.js';

export const SCHEMA_VERSION = 1;

export interface AccountRow {
  email: string;
  givenName: string;
  familyName: string;
  department: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`, see passwords.ts. */
  passwordHash: string;
  createdAt: string;
}

export type AppSource = 'bundled' | 'directory' | 'registered';

export interface AppRow {
  id: string;
  manifest: AppManifest;
  consumerSecret: string;
  enabledByDefault: boolean;
  source: AppSource;
  /** The manifest file an app was loaded from, for messages. */
  file?: string;
  /** 0.4/0.5 compatibility: also append the signed oauth_header to the launch URL. */
  appendOAuthHeader?: boolean;
  registeredAt: string;
}

export type TokenKind = 'connect' | 'rest' | 'request' | 'access' | 'background';

export interface TokenRow {
  token: string;
  secret: string;
  kind: TokenKind;
  appId: string;
  /** Account e-mail; absent for background per-record tokens. */
  email?: string;
  recordId?: string;
  /** Browser session a connect token is bound to. */
  sessionId?: string;
  /** Request tokens: verifier issued at approval, and whether it was approved. */
  verifier?: string;
  approved?: boolean;
  createdAt: string;
  expiresAt: string;
}

/** An opaque blob stored verbatim: preferences (per user and app) and scratchpads (per record and app). */
export interface BlobRow {
  contentType: string;
  /** The body, base64-encoded so that any bytes survive JSON. */
  body: string;
  updatedAt: string;
}

export interface LaunchRow {
  id: string;
  appId: string;
  email: string;
  recordId?: string;
  connectToken?: string;
  restToken?: string;
  createdAt: string;
}

export interface StateData {
  schemaVersion: number;
  accounts: AccountRow[];
  apps: AppRow[];
  /** Explicit per-account choices; an app without a choice follows its enabledByDefault flag. */
  accountApps: Record<string, Record<string, boolean>>;
  tokens: Record<string, TokenRow>;
  /** Clinical notes apps have posted, by record id (the generated world itself is immutable). */
  clinicalNotes: Record<string, ClinicalNote[]>;
  preferences: Record<string, BlobRow>;
  scratchpads: Record<string, BlobRow>;
  launches: LaunchRow[];
}

export function emptyState(): StateData {
  return {
    schemaVersion: SCHEMA_VERSION,
    accounts: [],
    apps: [],
    accountApps: {},
    tokens: {},
    clinicalNotes: {},
    preferences: {},
    scratchpads: {},
    launches: [],
  };
}
