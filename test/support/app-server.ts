// A second origin for end-to-end tests: serves test/fixtures/www (the test apps) and jschannel,
// and writes the apps' manifests, with this origin's URLs, into a directory for --apps.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { paths } from '../../server/paths.js';

const WWW = join(paths.root, 'test', 'fixtures', 'www');
// The test apps use the sandbox's own channel implementation (the real code, served from here).
const CHANNEL = join(paths.root, 'server', 'public', 'connect', 'channel.js');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

export interface TestApps {
  origin: string;
  manifestsDir: string;
  close(): Promise<void>;
}

export const TEST_APP_IDS = {
  patient: 'patient-app@test.example.org',
  picker: 'picker-app@test.example.org',
  frame: 'frame-app@test.example.org',
  standalone: 'standalone-app@test.example.org',
  container: 'container-app@test.example.org',
};

export async function startTestApps(): Promise<TestApps> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/channel.js' ? CHANNEL : join(WWW, path.replace(/^\/+/, ''));
    try {
      if (!file.startsWith(WWW) && file !== CHANNEL) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Not tempDir(): the launch benchmark uses this server too, outside the test runner.
  const manifestsDir = await mkdtemp(join(tmpdir(), 'smart-sandbox-apps-'));
  const ui = (id: string, name: string, page: string, extra: object = {}) => ({
    id, name, description: `${name} (test)`, mode: 'ui', scope: 'record', index: `${origin}/${page}`, icon: `${origin}/icon.svg`, oauth_callback: `${origin}/callback.html`, ...extra,
  });
  const manifests = [
    ui(TEST_APP_IDS.patient, 'Patient Test', 'patient.html'),
    ui(TEST_APP_IDS.picker, 'Picker Test', 'picker.html'),
    ui(TEST_APP_IDS.frame, 'Frame Test', 'frame.html', { mode: 'frame_ui' }),
    ui(TEST_APP_IDS.standalone, 'Standalone Test', 'callback.html', { standalone: true }),
    ui(TEST_APP_IDS.container, 'Container Test', 'patient.html?container', { scope: 'container' }),
  ];
  for (const m of manifests) await writeFile(join(manifestsDir, `${m.id.split('@')[0]}.json`), JSON.stringify(m));
  return {
    origin,
    manifestsDir,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(manifestsDir, { recursive: true, force: true });
    },
  };
}
