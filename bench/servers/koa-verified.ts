// The floor for the signed REST benchmark: a bare Koa server that verifies every request's OAuth
// 1.0a signature with the sandbox's own verifier (store lookups, nonce, timestamp, HMAC) and sends
// a static body of the given size, with no routing, access rules or RDF at all. The sandbox cannot
// be faster than this, so it shows how much of the budget verification and the payload alone use.
// argv: port, body bytes. Prints "listening <port>" and the credentials to sign with as JSON.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { NonceStore } from '../../server/oauth/nonces.js';
import { issueToken } from '../../server/oauth/tokens.js';
import { verifyRequest } from '../../server/oauth/verify.js';
import { Store } from '../../server/store/store.js';

const APP = 'floor@bench.example.org';
const SECRET = 'floor-secret';
const port = Number(process.argv[2] ?? 0);
const body = Buffer.alloc(Number(process.argv[3] ?? 0), 'x');

const store = await Store.open({ inMemory: true, dataDir: '' });
await store.upsertApp({
  id: APP,
  manifest: { id: APP, name: 'Benchmark floor', description: 'Signs the floor benchmark requests.', mode: 'background' },
  consumerSecret: SECRET,
  enabledByDefault: true,
  source: 'directory',
  registeredAt: new Date().toISOString(),
});
const token = await issueToken(store, 'background', { appId: APP, recordId: '1' }, 600);
const nonces = await NonceStore.open(null);

const app = new Koa();
app.use(async (ctx) => {
  await verifyRequest(
    { method: ctx.method, urls: [`http://${ctx.get('host')}${ctx.path}`], query: [], body: Buffer.alloc(0), contentType: undefined, authorization: ctx.get('authorization') },
    { store, nonces },
  );
  ctx.set('Content-Type', 'application/rdf+xml');
  ctx.body = body;
});
const server = createServer(app.callback());
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port} ${JSON.stringify({ consumerKey: APP, consumerSecret: SECRET, token: { key: token.token, secret: token.secret } })}\n`);
});
