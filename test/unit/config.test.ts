import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, DEFAULTS, OPTIONS, helpText, parseCliFlags, resolveConfig } from '../../server/config.js';
import { paths } from '../../server/paths.js';
import { tempDir } from '../support/tmp.js';

describe('configuration', () => {
  it('has the contract defaults', () => {
    const config = resolveConfig();
    assert.equal(config.port, 7000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.appsPort, 8001);
    assert.equal(config.patients, 50);
    assert.equal(config.inMemory, false);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.baseUrl, undefined);
  });

  it('layers defaults < environment < flags', () => {
    const env = { SMART_SANDBOX_PORT: '7100', SMART_SANDBOX_PATIENTS: '60', SMART_SANDBOX_IN_MEMORY: 'true' };
    const fromEnv = resolveConfig({}, env);
    assert.equal(fromEnv.port, 7100);
    assert.equal(fromEnv.patients, 60);
    assert.equal(fromEnv.inMemory, true);
    const flags = parseCliFlags(['--port', '7200', '--log-level', 'debug']);
    const both = resolveConfig(flags.overrides, env);
    assert.equal(both.port, 7200);
    assert.equal(both.patients, 60);
    assert.equal(both.logLevel, 'debug');
  });

  it('declares a flag, an environment variable and help for every key', () => {
    const keys = new Set(OPTIONS.map((o) => o.key));
    for (const key of Object.keys(DEFAULTS)) assert.ok(keys.has(key as keyof typeof DEFAULTS), `no option for ${key}`);
    const help = helpText();
    for (const option of OPTIONS) {
      assert.match(help, new RegExp(`--${option.flag}\\b`));
      assert.ok(help.includes(option.env), `help lacks ${option.env}`);
    }
    assert.match(help, /--port N\s+EMR and REST API port.*\n\s+default: 7000/);
  });

  it('is documented in the README table, option by option', async () => {
    const readme = await readFile(join(paths.root, 'README.md'), 'utf8');
    for (const option of OPTIONS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`--${option.flag}`));
      assert.ok(row, `README lacks a row for --${option.flag}`);
      assert.ok(row.includes(option.env), `README row for --${option.flag} lacks ${option.env}`);
    }
  });

  it('rejects invalid values with a message naming the option', () => {
    const cases: [Parameters<typeof parseCliFlags>[0], RegExp][] = [
      [['--port', 'abc'], /^--port: expected a whole number, got "abc"$/],
      [['--port', '70000'], /^--port: expected a number from 0 to 65535/],
      [['--patients', '0'], /^--patients: expected a number from 1 to 100000, got 0$/],
      [['--today', '2013-02-30'], /^--today: expected a date as YYYY-MM-DD or "now"/],
      [['--base-url', 'localhost:7000'], /^--base-url: expected an http or https URL|^--base-url: expected an absolute/],
      [['--log-level', 'loud'], /^--log-level: expected one of silent, error, warn, info, debug/],
      [['--frobnicate'], /Unknown option '--frobnicate'; run "smart-sandbox --help"/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => resolveConfig(parseCliFlags(argv).overrides), (err: Error) => err instanceof ConfigError && message.test(err.message), argv.join(' '));
    }
  });

  it('checks that every --apps directory is readable', async () => {
    const dir = await tempDir();
    assert.throws(() => resolveConfig({ appsDirs: [join(dir, 'missing')] }), /--apps: cannot read directory ".*missing" \(ENOENT\)/);
    const file = join(dir, 'file.json');
    await writeFile(file, '{}');
    assert.throws(() => resolveConfig({ appsDirs: [file] }), /--apps: ".*file.json" is not a directory/);
    if (process.getuid?.() !== 0) {
      await chmod(dir, 0o000);
      assert.throws(() => resolveConfig({ appsDirs: [dir] }), /--apps: cannot read directory/);
      await chmod(dir, 0o700);
    }
    assert.deepEqual(resolveConfig({ appsDirs: [dir] }).appsDirs, [dir]);
  });

  it('normalises base URLs and resolves --today now', () => {
    assert.equal(resolveConfig({ baseUrl: 'https://proxy.example/sandbox/' }).baseUrl, 'https://proxy.example/sandbox');
    assert.equal(resolveConfig({}, { SMART_SANDBOX_TODAY: 'now' }).today, new Date().toISOString().slice(0, 10));
    assert.deepEqual(parseCliFlags(['--apps', 'a', '--apps', 'b']).overrides.appsDirs, ['a', 'b']);
  });
});
