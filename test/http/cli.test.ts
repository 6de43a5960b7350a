import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

describe('the smart-sandbox command', () => {
  it('prints every option with its default for --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const flag of ['--port', '--host', '--base-url', '--apps-port', '--data', '--in-memory', '--seed', '--patients', '--today', '--apps', '--log-level']) {
      assert.ok(stdout.includes(flag), `help lacks ${flag}`);
    }
    assert.match(stdout, /default: 7000/);
  });

  it('exits non-zero with a one-line error for invalid options', async () => {
    for (const [args, pattern] of [
      [['--port', 'abc'], /--port: expected a whole number, got "abc"/],
      [['--patients', '0'], /--patients: expected a number from 1/],
      [['--apps', '/nonexistent/dir'], /--apps: cannot read directory/],
    ] as const) {
      const { code, stderr, stdout } = await runCli([...args]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, pattern);
    }
  });

  it('starts, prints its URLs and login, serves /healthz, and stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir();
    const cli = await startCli(['--port', '0', '--apps-port', '0', '--data', dataDir]);
    assert.match(cli.stdout(), /API base:\s+http:\/\/localhost:\d+\/api/);
    assert.match(cli.stdout(), /Login:\s+demo@example\.org \/ demo/);
    const health = (await (await fetch(`${cli.emrUrl}/healthz`)).json()) as { patients: number };
    assert.equal(health.patients, 50);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
    const state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8'));
    assert.ok(state.accounts.some((a: { email: string }) => a.email === 'demo@example.org'), 'state was flushed');
  });

  it('warns when bound to a non-loopback interface', async () => {
    const cli = await startCli(['--port', '0', '--apps-port', '0', '--in-memory', '--host', '0.0.0.0']);
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);
    assert.match(cli.stderr(), /warn: listening on 0\.0\.0\.0, not loopback/);
  });

  it('refuses to start on a corrupt state file and leaves it untouched', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'state.json');
    await writeFile(file, 'garbage{');
    const { code, stderr } = await runCli(['--port', '0', '--apps-port', '0', '--data', dataDir]);
    assert.equal(code, 1);
    assert.ok(stderr.includes(file), stderr);
    assert.match(stderr, /not valid JSON/);
    assert.equal(await readFile(file, 'utf8'), 'garbage{');
  });
});
