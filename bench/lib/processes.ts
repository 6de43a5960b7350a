// Starting and stopping servers for benchmarks. Servers are pinned to core 0 and load generators
// to core 1 (when taskset exists), so the two never compete for a core (peers.md §5.4).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const HAS_TASKSET = existsSync('/usr/bin/taskset');

export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return HAS_TASKSET ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

export interface Started {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn until `ready` resolved. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node script args` on core 0 and waits until `portFrom(stdout)` yields a port and
 * `ready(port)` succeeds. Returns the time from spawn to ready.
 */
export async function startServer(
  script: string,
  args: string[],
  portFrom: (stdout: string) => number | undefined,
  ready: (port: number) => Promise<boolean>,
): Promise<Started> {
  const [command, argv] = pinned(0, process.execPath, [script, ...args]);
  const t0 = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`))));
  const port = await Promise.race([
    exited,
    (async () => {
      for (;;) {
        const p = portFrom(stdout);
        if (p !== undefined && (await ready(p).catch(() => false))) return p;
        await new Promise((r) => setTimeout(r, 2));
      }
    })(),
  ]);
  const startMs = performance.now() - t0;
  return {
    child,
    port,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
