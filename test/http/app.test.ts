import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp, type Sandbox } from '../../server/app.js';
import { resolveConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { listen, type Listening } from '../support/server.js';
import { tempDir } from '../support/tmp.js';

describe('createApp, driven over a real listener', () => {
  let sandbox: Sandbox;
  let emr: Listening;
  let apps: Listening;
  const warnings: string[] = [];

  before(async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'good.json'), JSON.stringify({ id: 'good@example.org', name: 'Good <b>App</b>', description: 'd', mode: 'background' }));
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ id: 'bad@example.org', name: 'Bad', description: 'd', mode: 'ui', index: 'http://localhost:9/' }));
    await writeFile(join(dir, 'broken.json'), '{ not json');
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'smart_manifest.json'), JSON.stringify({ id: 'nested@example.org', name: 'Nested', description: 'd', mode: 'background', base_url: 'http://x' }));
    const log = createLogger('warn', (line) => warnings.push(line));
    sandbox = await createApp(resolveConfig({ inMemory: true, appsDirs: [dir] }), log);
    emr = await listen(sandbox.emr);
    apps = await listen(sandbox.apps);
  });
  after(async () => {
    await emr.close();
    await apps.close();
  });

  it('answers /healthz with version, patient count and uptime', async () => {
    const res = await fetch(`${emr.url}/healthz`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.equal(body.patients, 50);
    assert.equal(body.version, '0.1.0');
    assert.equal(typeof body.uptimeSeconds, 'number');
  });

  it('registers My App exactly as the contract says', () => {
    const app = sandbox.store.getApp('my-app@apps.smartplatforms.org');
    assert.ok(app);
    assert.equal(app.consumerSecret, 'smartapp-secret');
    assert.equal(app.enabledByDefault, true);
    assert.equal(app.manifest.index, 'http://localhost:8000/smartapp/index.html');
    assert.equal(app.manifest.oauth_callback, 'http://localhost:8000/smartapp/authorize');
    assert.equal(app.manifest.icon, 'http://localhost:8001/my-app/icon.svg');
    assert.equal(sandbox.store.isAppEnabled('demo@example.org', app.id), true);
  });

  it('loads --apps manifests and skips invalid ones with the file and field', () => {
    assert.ok(sandbox.store.getApp('good@example.org'));
    assert.ok(sandbox.store.getApp('nested@example.org'));
    assert.equal(sandbox.store.getApp('bad@example.org'), undefined);
    assert.ok(warnings.some((w) => /bad\.json: skipped, invalid manifest: icon: is required for mode "ui"/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /broken\.json: skipped, not valid JSON/.test(w)));
    assert.ok(warnings.some((w) => /smart_manifest\.json: base_url is a SMART 0\.3 field/.test(w)));
  });

  it('serves the sample-apps catalogue and static files on the second origin', async () => {
    const page = await (await fetch(`${apps.url}/`)).text();
    assert.match(page, /My App/);
    assert.match(page, /my-app@apps\.smartplatforms\.org/);
    const icon = await fetch(`${apps.url}/my-app/icon.svg`);
    assert.equal(icon.status, 200);
    assert.match(icon.headers.get('content-type') ?? '', /image\/svg\+xml/);
  });

  it('answers unknown paths with a plain 404', async () => {
    const res = await fetch(`${emr.url}/no/such/page`);
    assert.equal(res.status, 404);
    assert.equal((await fetch(`${apps.url}/nope.js`)).status, 404);
  });
});
