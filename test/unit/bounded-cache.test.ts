// The bounded cache behind the REST answer cache, the signing-key cache and the generated-record
// cache: it must stay within its budget and drop the right entries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedCache } from '../../server/bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps at most `budget` entries and drops the oldest first', () => {
    const cache = new BoundedCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) cache.set(key, i);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('a'), undefined, 'the oldest went first');
    assert.deepEqual(['b', 'c', 'd'].map((k) => cache.get(k)), [1, 2, 3]);
  });

  it('with refreshOnRead, a read entry outlives older unread ones', () => {
    const cache = new BoundedCache<string, number>(2, { refreshOnRead: true });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  });

  it('without refreshOnRead, reads do not change the order', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b'), 2);
  });

  it('weighs entries with `weigh`, replaces a key without counting it twice, and keeps a single oversized entry', () => {
    const cache = new BoundedCache<string, Buffer>(10, { weigh: (b) => b.length });
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    cache.set('a', Buffer.alloc(4));
    assert.equal(cache.size, 2, 'replacing a does not evict b');
    cache.set('c', Buffer.alloc(4));
    assert.equal(cache.get('b'), undefined, '12 bytes > 10: the oldest (b) goes');
    assert.equal(cache.size, 2);
    cache.set('huge', Buffer.alloc(50));
    assert.equal(cache.size, 1, 'everything older goes, the newest stays even when it alone is over budget');
    assert.equal(cache.get('huge')?.length, 50);
  });
});
