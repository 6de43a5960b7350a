#!/usr/bin/env node
// The `smart-sandbox` command: parse flags, start, print where everything is, and shut down
// cleanly on SIGINT/SIGTERM (flushing state) so Ctrl-C never loses an acknowledged write.
import { appsCommand, CommandError } from './cli/apps.js';
import { ConfigError, helpText, parseCliFlags, resolveConfig } from './config.js';
import { startSandbox } from './index.js';
import { packageVersion } from './paths.js';
import { StateFileError } from './store/durable-json-file.js';

function die(message: string, code: number): never {
  process.stderr.write(`smart-sandbox: error: ${message}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'apps') {
    process.exitCode = await appsCommand(argv.slice(1), (line) => process.stdout.write(`${line}\n`));
    return;
  }
  const cli = parseCliFlags(argv);
  if (cli.help) {
    process.stdout.write(helpText());
    return;
  }
  if (cli.version) {
    process.stdout.write(`${packageVersion}\n`);
    return;
  }
  if (cli.positionals.length > 0) throw new ConfigError(`unexpected argument "${cli.positionals[0]}"; run "smart-sandbox --help"`);
  const config = resolveConfig(cli.overrides, process.env);
  // Signal handlers go in before anything starts, so a Ctrl-C during start-up is not lost either.
  const starting = startSandbox({ ...config });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[smart-sandbox] info: ${signal} received, shutting down\n`);
    starting
      .then((running) => running.close())
      .then(
        () => process.exit(0),
        (err: unknown) => die(`shutdown failed: ${(err as Error).message}`, 1),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const { urls, login, sandbox } = await starting;
  process.stdout.write(
    [
      `SMART Sandbox ${packageVersion} is running with ${sandbox.world.count} patients (clinical "today": ${sandbox.world.today})`,
      `  EMR:          ${urls.emr}`,
      `  API base:     ${urls.api}`,
      `  Sample apps:  ${urls.apps}`,
      `  Login:        ${login.username} / ${login.password}`,
      `  State:        ${sandbox.store.file ?? 'in memory (nothing is written to disk)'}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) die(err.message, 2);
  if (err instanceof CommandError) die(err.message, 2);
  if ((err as Error).name === 'RegistrationError') die((err as Error).message, 1);
  if (err instanceof StateFileError) die(err.message, 1);
  die((err as Error).message ?? String(err), 1);
});
