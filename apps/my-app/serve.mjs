// "My App": the developer's own app, served at http://localhost:8000/smartapp/ (`npm run example:my-app`,
// or copy this folder and run `node serve.mjs` in it). The sandbox registers it as
// my-app@apps.smartplatforms.org (consumer secret smartapp-secret); log in to the EMR, pick a patient
// and click "My App" in the dock. Edit smartapp/index.html and reload.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export function startMyApp({ port = Number(process.env.MY_APP_PORT ?? 8000) } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!file.startsWith(ROOT)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, close: () => new Promise((done) => server.close(done)) })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { port } = await startMyApp();
  console.log(`My App is served at http://localhost:${port}/smartapp/index.html; launch it from the EMR at http://localhost:7000/`);
}
