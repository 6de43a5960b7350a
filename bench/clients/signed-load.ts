// A load generator that signs every request with OAuth 1.0a (fresh nonce and timestamp), as a real
// REST client must; autocannon's CLI can only repeat one fixed header, which the server would
// refuse as a replayed nonce. Run as its own process (pinned to core 1) by bench/lib/load.ts.
//
// The load generator must not be the bottleneck, so it signs the way oauth-1.0a does but with the
// constant part of the base string precomputed: per request only the nonce and timestamp change.
// A test (test/unit/bench-signer.test.ts) checks these signatures against oauth-1.0a's.
// argv: JSON {url, connections, seconds, consumerKey, consumerSecret, token?: {key, secret}}
import autocannon from 'autocannon';
import { FastSigner } from './fast-signer.js';

interface Job {
  url: string;
  connections: number;
  seconds: number;
  consumerKey: string;
  consumerSecret: string;
  token?: { key: string; secret: string };
}

const job = JSON.parse(process.argv[2]!) as Job;
const signer = new FastSigner('GET', job.url, job.consumerKey, job.consumerSecret, job.token);
const target = new URL(job.url);
const result = await autocannon({
  url: `${target.protocol}//${target.host}`,
  connections: job.connections,
  duration: job.seconds,
  requests: [
    {
      method: 'GET',
      path: `${target.pathname}${target.search}`,
      setupRequest: (request) => {
        request.headers = { ...request.headers, Authorization: signer.header() };
        return request;
      },
    },
  ],
});
process.stdout.write(JSON.stringify({ requests: result.requests, latency: result.latency, non2xx: result.non2xx }));
