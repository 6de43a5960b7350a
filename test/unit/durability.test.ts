// An acknowledged write survives kill -9: a real child process writes through the store, reports
// the acknowledgement, and is killed at once; the parent then reads the state back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { paths } from '../../server/paths.js';
import { Store } from '../../server/store/store.js';
import { tempDir } from '../support/tmp.js';

describe('durability', () => {
  it('keeps acknowledged writes when the process is killed with SIGKILL', async () => {
    const dataDir = await tempDir();
    const script = join(dataDir, 'writer.mjs');
    const storeModule = join(paths.root, 'dist', 'server', 'store', 'store.js');
    await writeFile(
      script,
      `import { Store } from ${JSON.stringify(storeModule)};
const store = await Store.open({ inMemory: false, dataDir: ${JSON.stringify(dataDir)} });
let i = 0;
for (;;) {
  // Fire-and-forget writes keep the writer busy while the acknowledged one is reported.
  void store.putScratchpad('background', 'app', 'text/plain', Buffer.alloc(50_000, i));
  await store.putPreferences('demo@example.org', 'app', 'text/plain', Buffer.from('write ' + i));
  process.stdout.write('ACK ' + i + '\\n');
  i++;
}
`,
    );
    const child = spawn(process.execPath, [script]);
    let lastAck = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const acks = [...chunk.toString().matchAll(/ACK (\d+)/g)];
        if (acks.length > 0) lastAck = Number(acks[acks.length - 1]![1]);
        if (lastAck >= 20) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('close', resolve));
    const store = await Store.open({ inMemory: false, dataDir });
    const body = Buffer.from(store.getPreferences('demo@example.org', 'app')!.body, 'base64').toString();
    assert.ok(Number(body.split(' ')[1]) >= lastAck, `write ${lastAck} was acknowledged but the file holds "${body}"`);
    // No half-written state file is left behind, only (possibly) a temporary one.
    const files = await readdir(dataDir);
    assert.ok(files.includes('state.json'));
  });
});
