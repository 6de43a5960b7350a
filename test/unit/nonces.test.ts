// Nonce bookkeeping (protocol.md §3.1): single use while a request with that nonce could still pass
// the 300 s timestamp check, forgotten afterwards so memory stays bounded, with a clock passed in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonceStore, TIMESTAMP_WINDOW_SECONDS } from '../../server/oauth/nonces.js';

const T = 1_800_000_000;

describe('NonceStore', () => {
  it('refuses a nonce within the window, per consumer, and accepts it once the window has passed', async () => {
    const nonces = await NonceStore.open(null);
    assert.equal(nonces.use('app-a', 'n1', T, T), true);
    assert.equal(nonces.use('app-a', 'n1', T, T + TIMESTAMP_WINDOW_SECONDS - 1), false, 'replay inside the window');
    assert.equal(nonces.use('app-b', 'n1', T, T + 1), true, 'another consumer may use the same nonce');
    assert.equal(nonces.use('app-a', 'n1', T + TIMESTAMP_WINDOW_SECONDS, T + TIMESTAMP_WINDOW_SECONDS), true, 'expired: a fresh request may reuse it');
  });

  it('forgets expired nonces as time moves on, so the map does not grow without bound', async () => {
    const nonces = await NonceStore.open(null);
    for (let i = 0; i < 1000; i++) nonces.use('app', `n${i}`, T, T);
    assert.equal(nonces.size, 1000);
    nonces.use('app', 'later', T + TIMESTAMP_WINDOW_SECONDS + 1, T + TIMESTAMP_WINDOW_SECONDS + 1);
    assert.equal(nonces.size, 1, 'only the new nonce is left');
  });

  it('keeps a nonce signed with a future timestamp until that timestamp is stale, without holding back pruning of others', async () => {
    const nonces = await NonceStore.open(null);
    const future = T + 3600;
    assert.equal(nonces.use('app', 'ahead', future, T), true);
    for (let i = 0; i < 100; i++) nonces.use('app', `n${i}`, T, T);
    const later = T + TIMESTAMP_WINDOW_SECONDS + 10;
    assert.equal(nonces.use('app', 'probe', later, later), true);
    assert.equal(nonces.size, 2, 'the 100 ordinary nonces are forgotten; the future one and the probe remain');
    assert.equal(nonces.use('app', 'ahead', future, future), false, 'a replay carrying the future timestamp is still refused');
    assert.equal(nonces.use('app', 'ahead', future, future + TIMESTAMP_WINDOW_SECONDS), true, 'after its own window it may be reused');
  });
});
