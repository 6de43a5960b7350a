// Where the sandbox finds its own files. Everything is resolved from the package root, found by
// walking up from this module, so the same code works from `dist/` and from any working directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'smart-sandbox') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`smart-sandbox: cannot find the package root above ${start}`);
    dir = parent;
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const paths = {
  root: packageRoot,
  fixtures: join(packageRoot, 'fixtures'),
  bundledApps: join(packageRoot, 'apps'),
  views: join(packageRoot, 'server', 'views'),
  public: join(packageRoot, 'server', 'public'),
  /** The bundled app-side client library, built by scripts/build-client.mjs. */
  clientBundle: join(packageRoot, 'dist', 'public', 'smart-api-client.js'),
};

export const packageVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
