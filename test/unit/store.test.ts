import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { StateFileError } from '../../server/store/durable-json-file.js';
import { hashPassword, verifyPassword } from '../../server/store/passwords.js';
import { SCHEMA_VERSION } from '../../server/store/schema.js';
import { STATE_FILE_NAME, Store } from '../../server/store/store.js';
import { readSeedAccounts } from '../../server/world/fixtures.js';
import { tempDir } from '../support/tmp.js';

describe('state store (lowdb, on disk)', () => {
  it('persists every table with its schema version and reads it back', async () => {
    const dataDir = await tempDir();
    const store = await Store.open({ inMemory: false, dataDir });
    await store.ensureAccounts(await readSeedAccounts());
    await store.putPreferences('demo@example.org', 'my-app@apps.smartplatforms.org', 'application/json', Buffer.from('{"theme":"dark"}'));
    await store.putScratchpad('1784922', 'my-app@apps.smartplatforms.org', 'text/plain', Buffer.from([0xff, 0x00, 0x41]));
    await store.setAppEnabled('demo@example.org', 'some-app', false);
    const file = JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8'));
    assert.equal(file.schemaVersion, SCHEMA_VERSION);

    const reopened = await Store.open({ inMemory: false, dataDir });
    assert.equal(reopened.listAccounts().length, 4);
    const prefs = reopened.getPreferences('DEMO@example.org', 'my-app@apps.smartplatforms.org');
    assert.equal(prefs?.contentType, 'application/json');
    assert.equal(Buffer.from(prefs!.body, 'base64').toString(), '{"theme":"dark"}');
    assert.deepEqual([...Buffer.from(reopened.getScratchpad('1784922', 'my-app@apps.smartplatforms.org')!.body, 'base64')], [0xff, 0x00, 0x41]);
  });

  it('loses nothing when many writes race', async () => {
    const dataDir = await tempDir();
    const store = await Store.open({ inMemory: false, dataDir });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.putScratchpad(`rec${i}`, 'app', 'text/plain', Buffer.from(String(i)))));
    const onDisk = JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8'));
    assert.equal(Object.keys(onDisk.scratchpads).length, 200);
    const reopened = await Store.open({ inMemory: false, dataDir });
    for (let i = 0; i < 200; i++) assert.equal(Buffer.from(reopened.getScratchpad(`rec${i}`, 'app')!.body, 'base64').toString(), String(i));
  });

  it('refuses a corrupt state file, names it, and leaves it untouched', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, STATE_FILE_NAME);
    await writeFile(file, '{"schemaVersion": 1, "accounts": [');
    await assert.rejects(Store.open({ inMemory: false, dataDir }), (err: Error) => {
      assert.ok(err instanceof StateFileError);
      assert.ok(err.message.includes(file), 'names the file');
      assert.match(err.message, /not valid JSON/);
      assert.match(err.message, /left untouched.*--in-memory/);
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), '{"schemaVersion": 1, "accounts": [');
  });

  it('refuses files from a newer schema or of another kind', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, STATE_FILE_NAME);
    await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
    await assert.rejects(Store.open({ inMemory: false, dataDir }), /written by a newer smart-sandbox/);
    await writeFile(file, '[1,2,3]');
    await assert.rejects(Store.open({ inMemory: false, dataDir }), /not a SMART Sandbox state file/);
  });

  it('drops expired tokens and keeps live ones', async () => {
    const dataDir = await tempDir();
    const store = await Store.open({ inMemory: false, dataDir });
    const base = { secret: 's', kind: 'access' as const, appId: 'app', createdAt: new Date().toISOString() };
    await store.putToken({ ...base, token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() });
    await store.putToken({ ...base, token: 'live', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    assert.equal(await store.purgeExpiredTokens(), 1);
    const reopened = await Store.open({ inMemory: false, dataDir });
    assert.equal(reopened.getToken('old'), undefined);
    assert.equal(reopened.getToken('live')?.appId, 'app');
  });

  it('writes nothing to disk in memory mode', async () => {
    const dataDir = await tempDir();
    const store = await Store.open({ inMemory: true, dataDir });
    await store.putPreferences('a@b', 'app', 'text/plain', Buffer.from('x'));
    assert.equal(store.file, null);
    assert.equal(existsSync(join(dataDir, STATE_FILE_NAME)), false);
    assert.equal(store.getPreferences('a@b', 'app')?.contentType, 'text/plain');
  });

  it('hashes passwords with scrypt and checks them in constant time', async () => {
    const hash = await hashPassword('demo');
    assert.match(hash, /^scrypt\$16384\$8\$1\$/);
    assert.notEqual(await hashPassword('demo'), hash, 'salted');
    assert.equal(await verifyPassword('demo', hash), true);
    assert.equal(await verifyPassword('Demo', hash), false);
    const store = await Store.open({ inMemory: true, dataDir: '.' });
    await store.ensureAccounts(await readSeedAccounts());
    assert.equal((await store.authenticate('demo@example.org', 'demo'))?.givenName, 'Demo');
    assert.equal(await store.authenticate('demo@example.org', 'wrong'), undefined);
    assert.equal(await store.authenticate('nobody@example.org', 'demo'), undefined);
    const created = await store.createAccount({ email: 'new@example.org', password: 's3cret!', givenName: 'N', familyName: 'Ew', department: 'ER', role: 'nurse' });
    assert.ok(!JSON.stringify(created).includes('s3cret!'));
    await assert.rejects(store.createAccount({ email: 'NEW@example.org', password: 'x', givenName: 'N', familyName: 'E', department: 'ER', role: 'nurse' }), /already exists/);
  });
});
