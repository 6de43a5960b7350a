// The sandbox's mutable state (accounts, apps, tokens, blobs, launches) in one lowdb document.
// Every mutation goes through `mutate()`, which applies the change in memory and resolves only
// once a write that includes it is durable. Writes are coalesced: while one write is in flight,
// any number of later mutations share the single write queued behind it, so concurrent requests
// lose nothing and the file is written at most twice per burst.
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import type { Adapter } from 'lowdb';
import { DurableJsonFile, StateFileError, resetAdvice } from './durable-json-file.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { ClinicalNote } from '../world/types.js';
import { SCHEMA_VERSION, emptyState, type AccountRow, type AppRow, type BlobRow, type LaunchRow, type StateData, type TokenRow } from './schema.js';

export const STATE_FILE_NAME = 'state.json';

export interface StoreOptions {
  inMemory: boolean;
  dataDir: string;
}

export interface NewAccount {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  department: string;
  role: string;
}

function validateState(data: unknown, file: string): StateData {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof (data as StateData).schemaVersion !== 'number') {
    throw new StateFileError(`The file ${file} is not a SMART Sandbox state file (no schemaVersion). ${resetAdvice(file)}`);
  }
  const version = (data as StateData).schemaVersion;
  if (version > SCHEMA_VERSION) {
    throw new StateFileError(
      `The state file ${file} has schema version ${version}, written by a newer smart-sandbox (this one reads ${SCHEMA_VERSION}). ${resetAdvice(file)}`,
    );
  }
  // Tables added within the same schema version get their empty defaults.
  return { ...emptyState(), ...(data as Partial<StateData>), schemaVersion: SCHEMA_VERSION };
}

const pairKey = (a: string, b: string) => JSON.stringify([a, b]);

export class Store {
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly db: Low<StateData>,
    /** Path of the state file, or null in memory. */
    readonly file: string | null,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const file = options.inMemory ? null : join(options.dataDir, STATE_FILE_NAME);
    const adapter: Adapter<StateData> = file ? new DurableJsonFile(file, validateState) : new Memory<StateData>();
    const db = new Low<StateData>(adapter, emptyState());
    await db.read();
    return new Store(db, file);
  }

  /** Read-only view of the whole state. Mutate only through `mutate()`. */
  get data(): Readonly<StateData> {
    return this.db.data;
  }

  /** Applies `change` in memory, then resolves with its result once the change is durable. */
  async mutate<T>(change: (data: StateData) => T): Promise<T> {
    const result = change(this.db.data);
    await this.persist();
    return result;
  }

  private persist(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.startWrite();
    this.queued = this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.startWrite();
      });
    return this.queued;
  }

  private startWrite(): Promise<void> {
    const write: Promise<void> = this.db.write().finally(() => {
      if (this.inFlight === write) this.inFlight = null;
    });
    this.inFlight = write;
    return write;
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    while (this.inFlight || this.queued) await (this.queued ?? this.inFlight);
  }

  // --- accounts -------------------------------------------------------------------------------

  findAccount(email: string): AccountRow | undefined {
    const wanted = email.trim().toLowerCase();
    return this.db.data.accounts.find((a) => a.email.toLowerCase() === wanted);
  }

  listAccounts(): readonly AccountRow[] {
    return this.db.data.accounts;
  }

  async createAccount(account: NewAccount): Promise<AccountRow> {
    if (this.findAccount(account.email)) throw new Error(`An account for ${account.email} already exists`);
    const { password, ...profile } = account;
    const row: AccountRow = { ...profile, email: account.email.trim(), passwordHash: await hashPassword(password), createdAt: new Date().toISOString() };
    return this.mutate((data) => {
      data.accounts.push(row);
      return row;
    });
  }

  /** Inserts seed accounts (already hashed) that are missing; never overwrites an existing one. */
  async ensureAccounts(seeds: readonly AccountRow[]): Promise<void> {
    const missing = seeds.filter((s) => !this.findAccount(s.email));
    if (missing.length > 0) await this.mutate((data) => data.accounts.push(...missing.map((s) => ({ ...s }))));
  }

  /** Returns the account when the password matches; the hash comparison is constant-time. */
  async authenticate(email: string, password: string): Promise<AccountRow | undefined> {
    const account = this.findAccount(email);
    // Hash even for unknown accounts, so response time does not reveal which e-mails exist.
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    return ok && account ? account : undefined;
  }

  // --- apps -----------------------------------------------------------------------------------

  getApp(id: string): AppRow | undefined {
    return this.db.data.apps.find((a) => a.id === id);
  }

  listApps(): readonly AppRow[] {
    return this.db.data.apps;
  }

  async upsertApp(row: AppRow): Promise<void> {
    await this.mutate((data) => {
      const index = data.apps.findIndex((a) => a.id === row.id);
      if (index >= 0) data.apps[index] = row;
      else data.apps.push(row);
    });
  }

  async removeApp(id: string): Promise<boolean> {
    return this.mutate((data) => {
      const before = data.apps.length;
      data.apps = data.apps.filter((a) => a.id !== id);
      for (const choices of Object.values(data.accountApps)) delete choices[id];
      return data.apps.length !== before;
    });
  }

  isAppEnabled(email: string, appId: string): boolean {
    const app = this.getApp(appId);
    if (!app) return false;
    return this.db.data.accountApps[email.toLowerCase()]?.[appId] ?? app.enabledByDefault;
  }

  enabledApps(email: string): AppRow[] {
    return this.db.data.apps.filter((a) => this.isAppEnabled(email, a.id));
  }

  async setAppEnabled(email: string, appId: string, enabled: boolean): Promise<void> {
    await this.mutate((data) => {
      const key = email.toLowerCase();
      data.accountApps[key] = { ...data.accountApps[key], [appId]: enabled };
    });
  }

  // --- tokens, nonces and launches --------------------------------------------------------------

  getToken(token: string): TokenRow | undefined {
    return Object.hasOwn(this.db.data.tokens, token) ? this.db.data.tokens[token] : undefined;
  }

  async putToken(row: TokenRow): Promise<void> {
    await this.mutate((data) => {
      data.tokens[row.token] = row;
    });
  }

  /** Drops expired tokens (at start-up), so the state file does not grow with every launch forever. */
  async purgeExpiredTokens(now = Date.now()): Promise<number> {
    const expired = Object.values(this.db.data.tokens).filter((t) => Date.parse(t.expiresAt) <= now);
    if (expired.length === 0) return 0;
    return this.mutate((data) => {
      for (const t of expired) delete data.tokens[t.token];
      return expired.length;
    });
  }

  async deleteToken(token: string): Promise<void> {
    await this.mutate((data) => {
      delete data.tokens[token];
    });
  }

  async addLaunch(row: LaunchRow): Promise<void> {
    await this.mutate((data) => data.launches.push(row));
  }

  // --- posted clinical notes -----------------------------------------------------------------

  postedNotes(recordId: string): readonly ClinicalNote[] {
    return Object.hasOwn(this.db.data.clinicalNotes, recordId) ? this.db.data.clinicalNotes[recordId]! : [];
  }

  async addPostedNote(recordId: string, note: ClinicalNote): Promise<void> {
    await this.mutate((data) => {
      // A new array each time: caches keyed on the notes array then never see a stale list.
      data.clinicalNotes[recordId] = [...(Object.hasOwn(data.clinicalNotes, recordId) ? data.clinicalNotes[recordId]! : []), note];
    });
  }

  // --- opaque blobs -----------------------------------------------------------------------------

  getPreferences(email: string, appId: string): BlobRow | undefined {
    return this.db.data.preferences[pairKey(email.toLowerCase(), appId)];
  }

  async putPreferences(email: string, appId: string, contentType: string, body: Buffer): Promise<BlobRow> {
    return this.putBlob('preferences', pairKey(email.toLowerCase(), appId), contentType, body);
  }

  async deletePreferences(email: string, appId: string): Promise<void> {
    await this.deleteBlob('preferences', pairKey(email.toLowerCase(), appId));
  }

  getScratchpad(recordId: string, appId: string): BlobRow | undefined {
    return this.db.data.scratchpads[pairKey(recordId, appId)];
  }

  async putScratchpad(recordId: string, appId: string, contentType: string, body: Buffer): Promise<BlobRow> {
    return this.putBlob('scratchpads', pairKey(recordId, appId), contentType, body);
  }

  async deleteScratchpad(recordId: string, appId: string): Promise<void> {
    await this.deleteBlob('scratchpads', pairKey(recordId, appId));
  }

  private putBlob(table: 'preferences' | 'scratchpads', key: string, contentType: string, body: Buffer): Promise<BlobRow> {
    const row: BlobRow = { contentType, body: body.toString('base64'), updatedAt: new Date().toISOString() };
    return this.mutate((data) => {
      data[table][key] = row;
      return row;
    });
  }

  private async deleteBlob(table: 'preferences' | 'scratchpads', key: string): Promise<void> {
    await this.mutate((data) => {
      delete data[table][key];
    });
  }
}

// A valid hash of a random password, used to spend the same time on unknown accounts.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
