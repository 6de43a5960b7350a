import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblems, validateManifest } from '../../server/registry/manifest.js';

const ui = {
  id: 'med-list@apps.example.org',
  name: 'Med List',
  description: 'Medications',
  mode: 'ui',
  scope: 'record',
  index: 'http://localhost:8001/med-list/index.html',
  icon: 'http://localhost:8001/med-list/icon.png',
};

function errorsOf(manifest: unknown): string {
  const check = validateManifest(manifest);
  assert.equal(check.ok, false, 'expected the manifest to be rejected');
  return check.ok ? '' : describeProblems(check.errors);
}

describe('manifest validation (protocol.md §5.1)', () => {
  it('accepts a complete ui manifest and a background manifest', () => {
    assert.equal(validateManifest(ui).ok, true);
    assert.equal(validateManifest({ id: 'job@x', name: 'Job', description: 'Nightly', mode: 'background', scope: 'container' }).ok, true);
    assert.equal(validateManifest({ ...ui, oauth_callback: 'smart-app:///did_authorize', standalone: true, supportedBrowserEnvironments: ['desktop', 'mobile'] }).ok, true);
  });

  it('rejects keys outside the closed set, naming them', () => {
    assert.match(errorsOf({ ...ui, colour: 'blue' }), /^colour: is not a manifest field/);
  });

  it('applies the mode rules', () => {
    const { icon: _icon, index: _index, ...bare } = ui;
    const message = errorsOf(bare);
    assert.match(message, /index: is required for mode "ui"/);
    assert.match(message, /icon: is required for mode "ui"/);
    assert.match(errorsOf({ ...ui, mode: 'background' }), /index: is not allowed for mode "background"/);
    assert.match(errorsOf({ ...ui, mode: 'helper' }), /mode: must be one of ui, frame_ui, background, got "helper"/);
  });

  it('requires absolute URLs without template variables', () => {
    assert.match(errorsOf({ ...ui, index: '/med-list/index.html' }), /index: must be an absolute http\(s\) URL/);
    assert.match(errorsOf({ ...ui, index: 'http://localhost:8001/{app}/index.html' }), /index: must not contain template variables/);
    assert.match(errorsOf({ ...ui, oauth_callback: 'not a url' }), /oauth_callback: must be an absolute URL/);
  });

  it('accepts legacy base_url and intents with warnings, substituting {base_url}', () => {
    const check = validateManifest({ ...ui, index: '{base_url}/index.html', base_url: 'http://localhost:8000/app/', intents: [] });
    assert.equal(check.ok, true);
    assert.ok(check.ok && check.manifest.index === 'http://localhost:8000/app/index.html');
    assert.ok(check.ok && !('base_url' in check.manifest));
    assert.deepEqual(check.warnings.map((w) => w.field).sort(), ['base_url', 'intents']);
  });

  it('checks smart_version, requires and browser environments', () => {
    assert.match(errorsOf({ ...ui, smart_version: 'v0.6' }), /smart_version: must look like 0.6/);
    const future = validateManifest({ ...ui, smart_version: '1.0' });
    assert.ok(future.ok && future.warnings.some((w) => w.field === 'smart_version'));
    assert.match(errorsOf({ ...ui, requires: { 'http://smartplatforms.org/terms#Medication': { methods: ['FETCH'] } } }), /requires\.http:\/\/smartplatforms.org\/terms#Medication\.methods/);
    assert.match(errorsOf({ ...ui, optimalBrowserEnvironments: ['desktop', 'desktop'] }), /optimalBrowserEnvironments: must not repeat/);
    assert.match(errorsOf({ ...ui, id: 'has space' }), /^id: must not contain spaces/);
    assert.match(errorsOf([ui]), /\(manifest\): must be a JSON object/);
  });
});
