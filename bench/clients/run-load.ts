// The load generator process, pinned to core 1 by bench/lib/load.ts. With `signing`, every request
// carries a fresh OAuth 1.0a signature (new nonce and timestamp), as a real REST client's must: a
// repeated header would be refused as a replayed nonce.
// argv: JSON {url, connections, seconds, rate?, headers?, signing?: {consumerKey, consumerSecret, token?}}
import { FastSigner } from './fast-signer.js';
import { runLoad } from './keep-alive-load.js';

interface Job {
  url: string;
  connections: number;
  seconds: number;
  rate?: number;
  headers?: Record<string, string>;
  signing?: { consumerKey: string; consumerSecret: string; token?: { key: string; secret: string } };
}

const job = JSON.parse(process.argv[2]!) as Job;
const fixed = job.headers ?? {};
const signer = job.signing && new FastSigner('GET', job.url, job.signing.consumerKey, job.signing.consumerSecret, job.signing.token);
const headers = signer ? () => ({ ...fixed, Authorization: signer.header() }) : () => fixed;
process.stdout.write(JSON.stringify(await runLoad({ url: job.url, connections: job.connections, seconds: job.seconds, ...(job.rate ? { rate: job.rate } : {}), headers })));
