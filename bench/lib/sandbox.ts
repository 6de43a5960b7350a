// Starting the real CLI (dist/server/cli.js) for benchmarks, timing spawn until /healthz is 200.
import { join } from 'node:path';
import { paths } from '../../server/paths.js';
import { startServer, type Started } from './processes.js';

export const CLI = join(paths.root, 'dist', 'server', 'cli.js');

export interface SandboxStart extends Started {
  rssBytes: number;
}

export async function startSandboxProcess(extraArgs: string[] = []): Promise<SandboxStart> {
  const started = await startServer(
    CLI,
    ['--port', '0', '--apps-port', '0', '--in-memory', '--log-level', 'warn', ...extraArgs],
    (stdout) => {
      const m = /EMR:\s+http:\/\/localhost:(\d+)/.exec(stdout);
      return m ? Number(m[1]) : undefined;
    },
    async (port) => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200,
  );
  const health = (await (await fetch(`http://127.0.0.1:${started.port}/healthz`)).json()) as { rssBytes: number };
  return { ...started, rssBytes: health.rssBytes };
}
