// HTTP load, run as its own process on core 1: one warm-up round, then `rounds` measured rounds of
// `seconds` at `connections`, whose medians are reported. The load generator is our keep-alive
// client (bench/clients/keep-alive-load.ts), which can sign every request; autocannon measures the
// baseline as a cross-check of the instrument.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { paths } from '../../server/paths.js';
import { median, pinned } from './processes.js';

const run = promisify(execFile);
const AUTOCANNON = join(paths.root, 'node_modules', 'autocannon', 'autocannon.js');
const RUN_LOAD = join(paths.root, 'dist', 'bench', 'clients', 'run-load.js');

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
  /** Requests per second over all connections instead of a closed loop. */
  rate?: number;
  /** Measure with autocannon instead (unsigned requests only). */
  autocannon?: boolean;
}

async function once(url: string, seconds: number, options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const [command, args] = options.autocannon
    ? pinned(1, process.execPath, [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-j', ...headerArgs, url])
    : pinned(1, process.execPath, [RUN_LOAD, JSON.stringify({ url, connections, seconds, rate: options.rate, headers: options.headers, signing: options.signing })]);
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  const json = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
  return { requestsPerSecond: json.requests.average, p50: json.latency.p50, p99: json.latency.p99, non2xx: json.non2xx };
}

export async function measureLoad(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { seconds = 5, rounds = 3 } = options;
  await once(url, 2, options);
  const results: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) results.push(await once(url, seconds, options));
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
}
