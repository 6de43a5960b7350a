// Run by `npm test` before the suite: the browser tests drive Debian's Chromium through
// playwright (never a downloaded browser). On a fresh Debian machine where we are root, install it
// with apt-get; anywhere else, stop with a message that says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && !process.env.CHROMIUM_PATH && existsSync('/usr/bin/apt-get')) {
    console.log('npm test: Chromium is missing; installing Debian\'s chromium package with apt-get ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  }
  if (!existsSync(path)) {
    console.error(
      `npm test: the browser tests need Chromium at ${path}.\n` +
        'Install Debian\'s package (sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
}
