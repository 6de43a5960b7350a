// Spawns the real `smart-sandbox` CLI (the compiled dist/server/cli.js) as a child process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../../server/paths.js';

export const CLI = join(paths.root, 'dist', 'server', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion (for flags that exit: --help, bad options). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  emrUrl: string;
  appsUrl: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts the CLI and waits for its banner; rejects if it exits first. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const emr = /EMR:\s+(\S+)/.exec(stdout);
      const apps = /Sample apps:\s+(\S+)/.exec(stdout);
      if (emr && apps && stdout.includes('Press Ctrl-C')) {
        resolve({ child, emrUrl: emr[1]!.replace(/\/$/, ''), appsUrl: apps[1]!, stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => reject(new Error(`CLI exited with ${code} before starting:\n${stderr}`)));
  });
}
