// The benchmark's load generator: it must send well-formed keep-alive requests with a fresh
// signature each time, read answers correctly however the bytes are split, and keep to a rate.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { after, describe, it } from 'node:test';
import Koa from 'koa';
import { FastSigner } from '../../bench/clients/fast-signer.js';
import { runLoad } from '../../bench/clients/keep-alive-load.js';

const listen = (server: Server | ReturnType<typeof createHttpServer>) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('keep-alive load generator', () => {
  const servers: { close(): unknown; closeAllConnections?: () => void }[] = [];
  after(() => servers.forEach((s) => (s.closeAllConnections?.(), s.close())));

  it('signs every request afresh, counts statuses and reuses its connections', async () => {
    const nonces = new Set<string>();
    const sockets = new Set<unknown>();
    let requests = 0;
    const app = new Koa();
    app.use((ctx) => {
      requests++;
      sockets.add(ctx.req.socket);
      nonces.add(/oauth_nonce="([^"]+)"/.exec(ctx.get('authorization'))?.[1] ?? '');
      ctx.status = requests % 10 === 0 ? 404 : 200;
      ctx.body = Buffer.alloc(20_000, 'x');
    });
    const server = createHttpServer(app.callback());
    servers.push(server);
    const port = await listen(server);
    const url = `http://127.0.0.1:${port}/api/records/1/medications/`;
    const signer = new FastSigner('GET', url, 'app@example.org', 'secret', { key: 'tok', secret: 'toksecret' });
    const report = await runLoad({ url, connections: 4, seconds: 1, headers: () => ({ Authorization: signer.header() }) });
    assert.ok(report.requests.total > 20, `some requests completed (${report.requests.total})`);
    assert.equal(nonces.size, requests, 'no nonce was sent twice');
    assert.ok(requests >= report.requests.total && requests <= report.requests.total + 4, 'every counted answer was a request the server saw');
    assert.equal(sockets.size, 4, 'one keep-alive socket per connection');
    assert.ok(report.non2xx >= Math.floor(report.requests.total / 10) - 1 && report.non2xx <= Math.ceil(report.requests.total / 10) + 1, `every tenth answer was a 404 (${report.non2xx} of ${report.requests.total})`);
    assert.equal(report.errors, 0);
    assert.ok(report.latency.p50 > 0 && report.latency.p99 >= report.latency.p50);
  });

  it('reads answers whose head and body arrive in pieces', async () => {
    const body = 'y'.repeat(3000);
    const answer = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const server = createNetServer((socket) => {
      // The client hangs up when its time is over, possibly mid-answer.
      socket.on('error', () => undefined);
      socket.on('data', () => {
        // Split inside the status line, inside the blank line and inside the body.
        const cuts = [5, answer.indexOf('\r\n\r\n') + 2, answer.length - 1000, answer.length];
        let from = 0;
        const next = () => {
          const to = cuts.shift();
          if (to === undefined || socket.destroyed) return;
          socket.write(answer.subarray(from, to));
          from = to;
          setTimeout(next, 2);
        };
        next();
      });
    });
    servers.push(server);
    const port = await listen(server);
    const report = await runLoad({ url: `http://127.0.0.1:${port}/`, connections: 2, seconds: 0.5 });
    assert.ok(report.requests.total > 5, `answers were read to the end and the next request sent (${report.requests.total})`);
    assert.equal(report.non2xx, 0);
    assert.equal(report.errors, 0);
  });

  it('keeps to a fixed rate when one is given', async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    const server = createHttpServer(app.callback());
    servers.push(server);
    const port = await listen(server);
    const report = await runLoad({ url: `http://127.0.0.1:${port}/`, connections: 4, seconds: 1, rate: 100 });
    // Scheduled, not as fast as possible: never more than the schedule allows, and not far below it.
    assert.ok(report.requests.total <= 104, `no more than 100 requests in 1 s at 100/s (+1 per connection), got ${report.requests.total}`);
    assert.ok(report.requests.total >= 50, `close to the rate, got ${report.requests.total}`);
  });
});
