import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseUri, hmacSha1, normalizeParameters, safeEqual, signatureBaseString } from '../../server/oauth/base-string.js';
import { parsePairs, percentEncode } from '../../server/oauth/encoding.js';
import { HeaderError, parseAuthorizationHeader } from '../../server/oauth/header.js';

describe('OAuth 1.0a signature base string', () => {
  it('reproduces the worked example of RFC 5849 §3.4.1', () => {
    const header =
      'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"';
    const oauth = parseAuthorizationHeader(header);
    assert.equal(oauth.has('realm'), false);
    const pairs = [
      ...[...oauth].filter(([k]) => k !== 'oauth_signature'),
      ...parsePairs('b5=%3D%253D&a3=a&c%40=&a2=r%20b'),
      ...parsePairs('c2&a3=2+q'),
    ];
    const base = signatureBaseString('post', baseUri('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b'), pairs);
    assert.equal(
      base,
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('normalizes URIs: lower-case scheme and host, default ports dropped unless asked to keep them', () => {
    assert.equal(baseUri('HTTP://Example.COM:80/r%20v/X?id=123'), 'http://example.com/r%20v/X');
    assert.equal(baseUri('https://www.example.net:8080/?q=1'), 'https://www.example.net:8080/');
    assert.equal(baseUri('http://localhost:80/api', true), 'http://localhost:80/api');
  });

  it('percent-encodes per RFC 3986 and sorts by name, then value', () => {
    assert.equal(percentEncode("a b!*'()~"), "a%20b%21%2A%27%28%29~");
    assert.equal(normalizeParameters([['b', '2'], ['a', '2'], ['a', '10']]), 'a=10&a=2&b=2');
  });

  it('signs with HMAC-SHA1 (RFC 5849 §3.4.2 example key) and compares in constant time', () => {
    const signature = hmacSha1('GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg', 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00');
    assert.match(signature, /^[A-Za-z0-9+/]{27}=$/);
    assert.equal(safeEqual(signature, signature), true);
    assert.equal(safeEqual(signature, `${signature}x`), false);
    assert.equal(safeEqual(signature, signature.replace(/.$/, '0')), false);
  });

  it('rejects malformed headers with a reason', () => {
    assert.throws(() => parseAuthorizationHeader('Basic abc'), HeaderError);
    assert.throws(() => parseAuthorizationHeader('OAuth oauth_nonce="a", oauth_nonce="b"'), /appears twice/);
    assert.throws(() => parseAuthorizationHeader('OAuth oauth_nonce=abc'), /expected name="percent-encoded value"/);
    assert.throws(() => parseAuthorizationHeader('OAuth oauth_nonce="%zz"'), /malformed percent-encoding/);
    assert.equal(parseAuthorizationHeader('OAuth oauth_token="",oauth_nonce="a%20b"').get('oauth_nonce'), 'a b');
  });
});
