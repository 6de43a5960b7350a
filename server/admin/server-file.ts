// A running sandbox announces itself in its data directory (server.json: pid, admin URL and a
// random token, readable only by its owner), so `smart-sandbox apps …` can hand changes to it
// instead of writing the state file behind its back: one writer, and no restart needed.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

export interface ServerFile {
  pid: number;
  adminUrl: string;
  token: string;
}

export const newAdminToken = () => randomBytes(24).toString('base64url');

export async function writeServerFile(dataDir: string, info: ServerFile): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, SERVER_FILE), JSON.stringify(info), { mode: 0o600 });
}

export async function removeServerFile(dataDir: string): Promise<void> {
  await rm(join(dataDir, SERVER_FILE), { force: true });
}

/** The running server of this data directory, if its process is alive. */
export async function runningServer(dataDir: string): Promise<ServerFile | undefined> {
  let info: ServerFile;
  try {
    info = JSON.parse(await readFile(join(dataDir, SERVER_FILE), 'utf8')) as ServerFile;
  } catch {
    return undefined;
  }
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined; // a stale file from a process that was killed
  }
}
