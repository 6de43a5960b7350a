// The benchmark's load generator signs with a precomputed base string; its signatures must be the
// ones oauth-1.0a computes, or the benchmark would measure 401s.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import { FastSigner } from '../../bench/clients/fast-signer.js';

describe('benchmark signer', () => {
  it('produces the signature oauth-1.0a produces for the same nonce and timestamp', () => {
    const url = 'http://localhost:7000/api/records/1871342/lab_results/?loinc=4548-4%7C2345-7&limit=5';
    const token = { key: 'AbCdEfGhIjKlMnOpQrSt', secret: 'sEcReTsEcReTsEcReT12' };
    const fast = new FastSigner('GET', url, 'my-app@apps.smartplatforms.org', 'smartapp-secret', token);
    const header = fast.header('fixednonce123', '1700000000');
    const reference = new OAuth({ consumer: { key: 'my-app@apps.smartplatforms.org', secret: 'smartapp-secret' }, signature_method: 'HMAC-SHA1', hash_function: (b, k) => createHmac('sha1', k).update(b).digest('base64') });
    const data = { oauth_consumer_key: 'my-app@apps.smartplatforms.org', oauth_nonce: 'fixednonce123', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: 1700000000, oauth_token: token.key, oauth_version: '1.0' };
    const expected = reference.getSignature({ url, method: 'GET', data: {} }, token.secret, data as never);
    assert.equal(decodeURIComponent(/oauth_signature="([^"]+)"/.exec(header)![1]!), expected);
    assert.notEqual(fast.header(), fast.header(), 'fresh nonces');
  });
});
