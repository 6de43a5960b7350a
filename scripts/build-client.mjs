// Part of `npm run build`: bundles the app-side client library (server/public/client) with its
// dependencies into dist/public/smart-api-client.js, with the API wrappers generated from
// smart.owl (the call table of dist/server/ontology/calls.js) and the JSON-LD context.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { apiCalls } = await import(join(root, 'dist', 'server', 'ontology', 'calls.js'));
const calls = apiCalls().map((c) => ({ name: c.name, method: c.method, path: c.path, parameters: c.parameters }));
const context = await readFile(join(root, 'server', 'ontology', 'smart-jsonld-context.json'), 'utf8');

await build({
  entryPoints: [join(root, 'server', 'public', 'client', 'index.js')],
  outfile: join(root, 'dist', 'public', 'smart-api-client.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  banner: { js: '/* smart-api-client.js for SMART Sandbox (SMART 0.6.1 compatible). Built from server/public/client. */' },
  plugins: [
    {
      name: 'smart-virtual-modules',
      setup(b) {
        b.onResolve({ filter: /^smart:/ }, (args) => ({ path: args.path, namespace: 'smart' }));
        b.onLoad({ filter: /.*/, namespace: 'smart' }, (args) => ({
          contents: args.path === 'smart:calls' ? `export default ${JSON.stringify(calls)};` : `export default ${context};`,
          loader: 'js',
        }));
      },
    },
  ],
  logLevel: 'warning',
});
