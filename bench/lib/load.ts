// HTTP load with autocannon, run as its own process on core 1: `-c connections -d seconds`,
// one warm-up round, then `rounds` measured rounds whose medians are reported.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { paths } from '../../server/paths.js';
import { median, pinned } from './processes.js';

const run = promisify(execFile);
const AUTOCANNON = join(paths.root, 'node_modules', 'autocannon', 'autocannon.js');

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

export interface Signing {
  consumerKey: string;
  consumerSecret: string;
  token?: { key: string; secret: string };
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  rounds?: number;
  /** Fixed extra headers (a session cookie). */
  headers?: Record<string, string>;
  /** Sign every request with OAuth 1.0a (a fresh nonce each time). */
  signing?: Signing;
}

const SIGNED_LOAD = join(paths.root, 'dist', 'bench', 'clients', 'signed-load.js');

async function once(url: string, connections: number, seconds: number, signing: Signing | undefined, headers: Record<string, string> = {}): Promise<LoadResult> {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const [command, args] = signing
    ? pinned(1, process.execPath, [SIGNED_LOAD, JSON.stringify({ url, connections, seconds, ...signing })])
    : pinned(1, process.execPath, [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-j', ...headerArgs, url]);
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  const json = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
  return { requestsPerSecond: json.requests.average, p50: json.latency.p50, p99: json.latency.p99, non2xx: json.non2xx };
}

export async function measureLoad(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { connections = 50, seconds = 5, rounds = 3 } = options;
  await once(url, connections, 2, options.signing, options.headers);
  const results: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) results.push(await once(url, connections, seconds, options.signing, options.headers));
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
}
