// `smart-sandbox apps …` against a real state file, with and without a running server.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const manifest = {
  id: 'cli-app@example.org',
  name: 'CLI App',
  description: 'Registered from the command line',
  mode: 'ui',
  index: 'http://localhost:8000/cli/index.html',
  icon: 'http://localhost:8000/cli/icon.png',
};

async function manifestFile(dir: string, value: object, name = 'manifest.json'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe('smart-sandbox apps', () => {
  it('validates manifests: errors name the field, warnings for unknown versions and types', async () => {
    const dir = await tempDir();
    const good = await runCli(['apps', 'validate', await manifestFile(dir, manifest)]);
    assert.equal(good.code, 0);
    assert.match(good.stdout, /cli-app@example\.org: valid/);
    const { icon: _icon, ...noIcon } = manifest;
    const bad = await runCli(['apps', 'validate', await manifestFile(dir, { ...noIcon, smart_version: '1.0' }, 'bad.json')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /error: icon: is required for mode "ui"/);
    assert.match(bad.stdout, /warning: smart_version: 1\.0 is not a SMART classic version/);
    const odd = await runCli(['apps', 'validate', await manifestFile(dir, { ...manifest, requires: { 'http://smartplatforms.org/terms#Alert': { methods: ['GET'] }, 'http://smartplatforms.org/terms#Medication': { methods: ['PUT'] } } }, 'odd.json')]);
    assert.equal(odd.code, 0);
    assert.match(odd.stdout, /warning: requires\.http:\/\/smartplatforms\.org\/terms#Alert: is not a type this container serves/);
    assert.match(odd.stdout, /warning: requires\.http:\/\/smartplatforms\.org\/terms#Medication\.methods: PUT is not supported/);
    const missing = await runCli(['apps', 'validate', join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.json \(ENOENT\)/);
  });

  it('adds, lists and removes apps in the state file when no server runs', async () => {
    const dir = await tempDir();
    const file = await manifestFile(dir, manifest);
    const add = await runCli(['apps', 'add', file, '--secret', 'my-own-secret', '--data', dir]);
    assert.equal(add.code, 0, add.stderr);
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
    const row = state.apps.find((a: { id: string }) => a.id === manifest.id);
    assert.equal(row.consumerSecret, 'my-own-secret');
    const list = await runCli(['apps', 'list', '--data', dir]);
    assert.match(list.stdout, /^ID\s+NAME\s+MODE\s+INDEX\s+SECRET\s+SOURCE/m);
    assert.match(list.stdout, /cli-app@example\.org\s+CLI App\s+ui\s+http:\/\/localhost:8000\/cli\/index\.html\s+own\s+registered/);
    assert.equal((await runCli(['apps', 'remove', manifest.id, '--data', dir])).code, 0);
    const gone = await runCli(['apps', 'remove', manifest.id, '--data', dir]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /No app "cli-app@example\.org" is registered/);
  });

  it('hands changes to a running server, which serves them without a restart', async () => {
    const dir = await tempDir();
    const cli = await startCli(['--port', '0', '--apps-port', '0', '--data', dir, '--log-level', 'warn']);
    try {
      const file = await manifestFile(dir, manifest, 'live.json');
      const add = await runCli(['apps', 'add', file, '--enabled-by-default', '--data', dir]);
      assert.equal(add.code, 0, add.stderr);
      assert.match(add.stdout, /the running sandbox has it now/);
      const xml = await (await fetch(`${cli.emrUrl}/api/apps/`)).text();
      assert.match(xml, /<App id="cli-app@example\.org">/);
      const refused = await runCli(['apps', 'remove', 'my-app@apps.smartplatforms.org', '--data', dir]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /is loaded from .*my-app\.json at every start; delete or move that file instead/);
      assert.equal((await runCli(['apps', 'remove', manifest.id, '--data', dir])).code, 0);
      assert.doesNotMatch(await (await fetch(`${cli.emrUrl}/api/apps/`)).text(), /cli-app@example\.org/);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });
});
