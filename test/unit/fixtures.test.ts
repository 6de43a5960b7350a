import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { paths } from '../../server/paths.js';
import { buildFixtures } from '../../server/world/build-fixtures.js';
import { listFixtureFiles } from '../../server/world/fixtures.js';

describe('committed fixtures', () => {
  it('are reproduced byte for byte by the generator (npm run fixtures)', async () => {
    const built = buildFixtures();
    const onDisk = await listFixtureFiles();
    assert.deepEqual([...built.keys()].sort(), onDisk.sort(), 'the set of fixture files differs: run npm run fixtures and commit');
    for (const [path, content] of built) {
      const committed = await readFile(join(paths.fixtures, path), 'utf8');
      assert.ok(committed === content, `fixtures/${path} differs from the generator's output: run npm run fixtures and commit`);
    }
  });
});
