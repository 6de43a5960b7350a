// Used OAuth nonces. A nonce is refused while its request could still pass the timestamp check
// (300 s), including across restarts: every nonce is appended to a journal next to the state file,
// which is read back (and compacted) at start-up. Appends are batched and not awaited by requests:
// an fsync per API call would cost more than the whole request, and the journal is flushed on
// shutdown, so only a crash within the same few milliseconds could forget a nonce.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const TIMESTAMP_WINDOW_SECONDS = 300;
export const NONCE_JOURNAL = 'nonces.log';

/** Clocks this far ahead of ours still count as "now" for the order nonces expire in. */
const CLOCK_SKEW_SECONDS = 30;

export class NonceStore {
  /**
   * consumer + nonce → unix second after which it may be forgotten, in arrival order. Expiry
   * rises with arrival (within the allowed skew), so the expired nonces are always at the front
   * and pruning never scans the whole map: at thousands of requests a second the map holds
   * hundreds of thousands of nonces, and a full scan would stall requests.
   */
  private readonly recent = new Map<string, number>();
  /** Nonces signed with timestamps from the future expire out of order, so they are kept apart. */
  private readonly ahead = new Map<string, number>();
  private prunedAt = 0;
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | null) {}

  static async open(dataDir: string | null): Promise<NonceStore> {
    const file = dataDir ? join(dataDir, NONCE_JOURNAL) : null;
    const store = new NonceStore(file);
    if (file) {
      const now = Math.floor(Date.now() / 1000);
      const text = await readFile(file, 'utf8').catch(() => '');
      const kept: string[] = [];
      for (const line of text.split('\n')) {
        const [until, key] = [Number(line.slice(0, line.indexOf('\t'))), line.slice(line.indexOf('\t') + 1)];
        if (line && until > now) {
          store.remember(key, until, now);
          kept.push(line);
        }
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, kept.length > 0 ? `${kept.join('\n')}\n` : '');
    }
    return store;
  }

  /** Nonces remembered now (for tests and diagnostics). */
  get size(): number {
    return this.recent.size + this.ahead.size;
  }

  /** Records the nonce; returns false if it was already used within the window. */
  use(consumer: string, nonce: string, timestamp: number, now = Math.floor(Date.now() / 1000)): boolean {
    if (now !== this.prunedAt) this.prune(now);
    const key = `${consumer}\u0000${nonce}`;
    const until = this.recent.get(key) ?? this.ahead.get(key);
    if (until !== undefined && until > now) return false;
    const forgetAt = Math.max(now, timestamp) + TIMESTAMP_WINDOW_SECONDS;
    this.remember(key, forgetAt, now);
    if (this.file) {
      this.pending.push(`${forgetAt}\t${key.replace(/[\n\r]/g, ' ')}`);
      if (this.pending.length === 1) this.writing = this.writing.then(() => this.drain());
    }
    return true;
  }

  private remember(key: string, until: number, now: number): void {
    // Delete first: re-setting a key would keep its old place in the arrival order.
    this.recent.delete(key);
    this.ahead.delete(key);
    (until > now + TIMESTAMP_WINDOW_SECONDS + CLOCK_SKEW_SECONDS ? this.ahead : this.recent).set(key, until);
  }

  private async drain(): Promise<void> {
    // Let a burst of requests share one append.
    await new Promise((resolve) => setImmediate(resolve));
    const lines = this.pending;
    this.pending = [];
    if (lines.length > 0) await appendFile(this.file!, `${lines.join('\n')}\n`).catch(() => undefined);
  }

  /** Forgets expired nonces; runs at most once a second. */
  private prune(now: number): void {
    this.prunedAt = now;
    for (const [key, until] of this.recent) {
      if (until > now) break;
      this.recent.delete(key);
    }
    for (const [key, until] of this.ahead) if (until <= now) this.ahead.delete(key);
  }

  async flush(): Promise<void> {
    await this.writing;
    if (this.pending.length > 0) await this.drain();
  }
}
