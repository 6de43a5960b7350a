// A lowdb adapter for a JSON file that is never half-written and is durable once write() resolves:
// the data goes to a temporary file in the same directory, is fsync'ed, renamed over the target
// (atomic on POSIX), and the directory entry is fsync'ed too. lowdb's own JSONFile adapter renames
// but never fsyncs, so an acknowledged write could still be lost on a crash.
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export class StateFileError extends Error {
  override name = 'StateFileError';
}

export const resetAdvice = (file: string) =>
  `It was left untouched. Move it aside or delete it to start with fresh state (rm "${file}"), ` +
  'or start with --data <another dir> or --in-memory.';

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly validate: (data: unknown, file: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StateFileError(`Cannot read the state file ${this.file} (${code ?? String(err)}). ${resetAdvice(this.file)}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new StateFileError(`The state file ${this.file} is not valid JSON (${(err as Error).message}). ${resetAdvice(this.file)}`);
    }
    return this.validate(data, this.file);
  }

  async write(data: T): Promise<void> {
    const dir = dirname(this.file);
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${basename(this.file)}.${process.pid}.tmp`);
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, this.file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}
