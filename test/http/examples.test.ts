// The app-developer examples run as a developer would run them, against a real sandbox.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../server/index.js';
import { paths } from '../../server/paths.js';

const run = promisify(execFile);
let running: RunningSandbox;

before(async () => {
  running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent' });
});
after(() => running.close());

describe('the background example (npm run example:background)', () => {
  it('walks all 50 records and reports exactly the patients taking a statin', async () => {
    const { stdout } = await run(process.execPath, [join(paths.root, 'apps', 'background-example', 'run.mjs')], { env: { ...process.env, SMART_API_BASE: running.urls.api } });
    assert.match(stdout, /^Statin census over 50 records/);
    const world = running.sandbox.world;
    const expected = world.summaries
      .map((s) => world.record(s.id)!)
      .filter((r) => r.medications.some((m) => /statin/i.test(m.drug.title)))
      .map((r) => r.id)
      .sort();
    const reported = [...stdout.matchAll(/^ {2}(\d{7}) /gm)].map((m) => m[1]!).sort();
    assert.deepEqual(reported, expected);
    assert.match(stdout, new RegExp(`${expected.length} of 50 patients take a statin\\.`));
  });
});
