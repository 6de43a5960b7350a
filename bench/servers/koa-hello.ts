// The baseline every throughput figure is compared with: a bare Koa hello-world on the same
// machine, measured in the same run. With a size argument it serves a static body of that many
// bytes instead, to show what the payload size alone costs (the ceiling for large RDF answers).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';

const size = Number(process.argv[3] ?? 0);
const body = size > 0 ? Buffer.alloc(size, 'x') : 'Hello World';
const app = new Koa();
app.use((ctx) => {
  ctx.body = body;
});
const server = createServer(app.callback());
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
