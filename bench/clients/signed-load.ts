// The signed load generator, run as its own process (pinned to core 1) by bench/lib/load.ts: every
// request carries a fresh OAuth 1.0a signature (new nonce and timestamp), as a real REST client's
// must; a repeated header would be refused as a replayed nonce.
// argv: JSON {url, connections, seconds, rate?, consumerKey, consumerSecret, token?: {key, secret}}
import { FastSigner } from './fast-signer.js';
import { runLoad } from './keep-alive-load.js';

interface Job {
  url: string;
  connections: number;
  seconds: number;
  rate?: number;
  consumerKey: string;
  consumerSecret: string;
  token?: { key: string; secret: string };
}

const job = JSON.parse(process.argv[2]!) as Job;
const signer = new FastSigner('GET', job.url, job.consumerKey, job.consumerSecret, job.token);
const report = await runLoad({ ...job, headers: () => ({ Authorization: signer.header() }) });
process.stdout.write(JSON.stringify(report));
