// OAuth 1.0a as clients use it, signed with the oauth-1.0a package: every failure class answers
// 401 or 403 with a message that says why, and tokens reach only their own record, app and user.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../server/index.js';
import { apiOf, backgroundToken, startApiSandbox, threeLegged, BACKGROUND_APP, FRAME_APP, MY_APP, OTHER_APP } from '../support/api.js';
import { RestClient, type Token } from '../support/oauth-client.js';
import { rawRequest } from '../support/raw-http.js';
import { tempDir } from '../support/tmp.js';

let running: RunningSandbox;
let api: string;
let recordA: string;
let recordB: string;
let token: Token;
const myApp = new RestClient(MY_APP);

before(async () => {
  running = await startApiSandbox();
  api = apiOf(running);
  [recordA, recordB] = running.sandbox.world.summaries.slice(20, 22).map((s) => s.id) as [string, string];
  token = await threeLegged(running, MY_APP, recordA);
});
after(() => running.close());

const meds = (record: string) => `${api}/records/${record}/medications/`;

describe('OAuth failures say which check failed', () => {
  it('401 without an Authorization header', async () => {
    const res = await fetch(meds(recordA));
    assert.equal(res.status, 401);
    assert.match(await res.text(), /needs an OAuth 1\.0a Authorization header/);
  });

  it('401 for an unparsable header, naming the problem', async () => {
    const res = await fetch(meds(recordA), { headers: { Authorization: 'OAuth oauth_consumer_key=unquoted' } });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /cannot parse the Authorization header: .*expected name="percent-encoded value"/);
    const dup = await fetch(meds(recordA), { headers: { Authorization: 'OAuth oauth_nonce="1", oauth_nonce="2"' } });
    assert.match(await dup.text(), /oauth_nonce appears twice/);
  });

  it('401 for an unknown consumer', async () => {
    const reply = await new RestClient('nobody@example.org').get(meds(recordA), token);
    assert.equal(reply.status, 401);
    assert.match(reply.body, /unknown consumer "nobody@example\.org"/);
  });

  it('401 for an unsupported signature method', async () => {
    const header = myApp.sign(meds(recordA), { token }).replace('HMAC-SHA1', 'PLAINTEXT');
    const res = await fetch(meds(recordA), { headers: { Authorization: header } });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /unsupported signature method "PLAINTEXT"; this container supports only HMAC-SHA1/);
  });

  it('401 for a stale timestamp', async () => {
    const stale = new RestClient(MY_APP);
    stale.oauth.getTimeStamp = () => Math.floor(Date.now() / 1000) - 301;
    const reply = await stale.get(meds(recordA), token);
    assert.equal(reply.status, 401);
    assert.match(reply.body, /stale timestamp: oauth_timestamp \d+ is 30\d s old and requests older than 300 s are refused/);
    const future = new RestClient(MY_APP);
    future.oauth.getTimeStamp = () => Math.floor(Date.now() / 1000) + 3600;
    assert.equal((await future.get(meds(recordA), token)).status, 200, 'future timestamps are accepted, as in the reference');
  });

  it('401 for a reused nonce (replay)', async () => {
    const header = myApp.sign(meds(recordA), { token });
    assert.equal((await fetch(meds(recordA), { headers: { Authorization: header } })).status, 200);
    const replay = await fetch(meds(recordA), { headers: { Authorization: header } });
    assert.equal(replay.status, 401);
    assert.match(await replay.text(), /reused nonce "[^"]+": every request needs a fresh oauth_nonce/);
  });

  it('401 for a signature mismatch, showing the base string the server computed and no secret', async () => {
    const wrong = new RestClient(MY_APP, 'not-the-secret');
    const url = `${meds(recordA)}?limit=2`;
    const header = wrong.sign(url, { token });
    const res = await fetch(url, { headers: { Authorization: header } });
    const body = await res.text();
    assert.equal(res.status, 401);
    assert.match(body, /^OAuth: signature mismatch\. The server computed this signature base string:\nGET&http%3A%2F%2Flocalhost%3A\d+%2Fapi%2Frecords%2F\d+%2Fmedications%2F&limit%3D2%26oauth_consumer_key/);
    // The base string is the one the client signed: recompute it from the header's parameters.
    const params = Object.fromEntries([...header.matchAll(/(oauth_\w+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)]));
    delete params.oauth_signature;
    const clientBase = wrong.oauth.getBaseString({ url, method: 'GET', data: {} }, params as never);
    assert.ok(body.includes(clientBase), 'the shown base string equals the client\'s');
    for (const secret of ['smartapp-secret', 'not-the-secret', token.secret]) assert.ok(!body.includes(secret), 'never echo a secret');
  });

  it('401 for unknown, foreign and expired tokens', async () => {
    const unknown = await myApp.get(meds(recordA), { key: 'NoSuchToken000000000', secret: 'x' });
    assert.equal(unknown.status, 401);
    assert.match(unknown.body, /unknown token "NoSuchToken000000000"/);
    const foreign = await new RestClient(OTHER_APP).get(meds(recordA), token);
    assert.equal(foreign.status, 401);
    assert.match(foreign.body, /was issued to another app/);
    const short = await threeLegged(running, MY_APP, recordA);
    const row = running.sandbox.store.getToken(short.key)!;
    await running.sandbox.store.putToken({ ...row, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const expired = await myApp.get(meds(recordA), short);
    assert.equal(expired.status, 401);
    assert.match(expired.body, /token "\w+" expired at .*; get a new one/);
  });

  it('401 for a SMART Connect token presented directly', async () => {
    const row = running.sandbox.store.getToken(token.key)!;
    await running.sandbox.store.putToken({ ...row, token: 'ConnectTokenXXXXXXXX', kind: 'connect' });
    const reply = await myApp.get(meds(recordA), { key: 'ConnectTokenXXXXXXXX', secret: row.secret });
    assert.equal(reply.status, 401);
    assert.match(reply.body, /is a SMART Connect token, usable only through the container/);
  });

  it('401 when oauth_body_hash does not match the body', async () => {
    const url = `${api}/records/${recordA}/apps/${MY_APP}/scratchpad`;
    const header = myApp.sign(url, { method: 'PUT', token, body: { data: '{"a":1}', contentType: 'application/json' } });
    const res = await fetch(url, { method: 'PUT', headers: { Authorization: header, 'Content-Type': 'application/json' }, body: '{"a":2}' });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /oauth_body_hash does not match the request body/);
  });
});

describe('what each principal may do (403 names the rule)', () => {
  it('3-legged tokens read their own record only', async () => {
    assert.equal((await myApp.get(meds(recordA), token)).status, 200);
    const other = await myApp.get(meds(recordB), token);
    assert.equal(other.status, 403);
    assert.match(other.body, new RegExp(`bound to record ${recordA} and cannot read record ${recordB}`));
  });

  it('2-legged calls cannot read patient data', async () => {
    const reply = await myApp.get(meds(recordA));
    assert.equal(reply.status, 403);
    assert.match(reply.body, /2-legged calls \(consumer key only\) cannot read patient data/);
  });

  it('preferences belong to their user and app; scratchpads to their record', async () => {
    const mine = `${api}/users/demo@example.org/apps/${MY_APP}/preferences`;
    assert.equal((await myApp.get(mine, token)).status, 200);
    const otherUser = await myApp.get(`${api}/users/jane.doe@example.org/apps/${MY_APP}/preferences`, token);
    assert.equal(otherUser.status, 403);
    assert.match(otherUser.body, /this token is for demo@example\.org, not jane\.doe@example\.org/);
    const otherApp = await myApp.get(`${api}/users/demo@example.org/apps/${OTHER_APP}/preferences`, token);
    assert.equal(otherApp.status, 403);
    assert.match(otherApp.body, /preferences belong to their app/);
    const janeToken = await threeLegged(running, MY_APP, recordA, 'jane.doe@example.org');
    assert.equal((await myApp.get(`${api}/users/jane.doe@example.org/apps/${MY_APP}/preferences`, janeToken)).status, 200);
    const foreignPad = await myApp.call(`${api}/records/${recordA}/apps/${OTHER_APP}/scratchpad`, { method: 'PUT', token, body: { data: 'x', contentType: 'text/plain' } });
    assert.equal(foreignPad.status, 403);
    assert.match(foreignPad.body, /an app may write only its own scratchpad/);
    assert.equal((await myApp.get(`${api}/records/${recordA}/apps/${OTHER_APP}/scratchpad`, token)).status, 200, 'any app may read a scratchpad of its record');
    assert.equal((await myApp.get(`${api}/records/${recordB}/apps/${MY_APP}/scratchpad`, token)).status, 403);
  });

  it('records/search is open to frame_ui and background apps only', async () => {
    const search = `${api}/records/search?family_name=a`;
    const denied = await myApp.get(search, token);
    assert.equal(denied.status, 403);
    assert.match(denied.body, /open only to frame_ui and background apps; my-app@apps\.smartplatforms\.org is a "ui" app/);
    const frameToken = await threeLegged(running, FRAME_APP, recordA);
    assert.equal((await new RestClient(FRAME_APP).get(search, frameToken)).status, 200);
    assert.equal((await new RestClient(BACKGROUND_APP).get(search)).status, 200);
    const bg = await backgroundToken(running, recordA);
    assert.equal((await new RestClient(BACKGROUND_APP).get(search, bg)).status, 200);
  });

  it('background tokens reach only their record and have no user', async () => {
    const bg = await backgroundToken(running, recordA);
    const client = new RestClient(BACKGROUND_APP);
    assert.equal((await client.get(meds(recordA), bg)).status, 200);
    assert.equal((await client.get(meds(recordB), bg)).status, 403);
    const prefs = await client.get(`${api}/users/demo@example.org/apps/${BACKGROUND_APP}/preferences`, bg);
    assert.equal(prefs.status, 403);
    assert.match(prefs.body, /background record tokens cannot use preferences/);
    const stolen = await new RestClient(MY_APP).call(`${api}/apps/${BACKGROUND_APP}/tokens/records/first`, { method: 'POST' });
    assert.equal(stolen.status, 403);
    assert.match(stolen.body, /cannot get record tokens for nightly-export@test\.example\.org/);
  });
});

describe('the URL a client signed', () => {
  it('verifies with the Host header as sent, with or without the default port', async () => {
    const port = new URL(api).port;
    for (const host of ['localhost', 'localhost:80']) {
      const signedUrl = `http://${host}/api/records/${recordA}/medications/`;
      const reply = await rawRequest(`http://127.0.0.1:${port}/api/records/${recordA}/medications/`, { headers: { Host: host, Authorization: myApp.sign(signedUrl, { token }) } });
      assert.equal(reply.status, 200, `Host ${host}: ${reply.body}`);
    }
  });

  it('follows --base-url behind a proxy prefix, whether the proxy strips it or not', async () => {
    const proxied = await startApiSandbox({ baseUrl: 'https://ehr.example.org/sandbox' });
    try {
      assert.equal(proxied.urls.api, 'https://ehr.example.org/sandbox/api');
      const record = proxied.sandbox.world.summaries[20]!.id;
      const bg = await (async () => {
        const path = `/apps/${BACKGROUND_APP}/tokens/records/${record}`;
        const header = new RestClient(BACKGROUND_APP).sign(`${proxied.urls.api}${path}`, { method: 'POST' });
        const reply = await rawRequest(`${proxied.listening.emr}/sandbox/api${path}`, { method: 'POST', headers: { Host: 'ehr.example.org', Authorization: header } });
        assert.equal(reply.status, 200, reply.body);
        const form = new URLSearchParams(reply.body);
        return { key: form.get('oauth_token')!, secret: form.get('oauth_token_secret')! };
      })();
      const signedUrl = `${proxied.urls.api}/records/${record}/medications/`;
      for (const forwardedPath of [`/sandbox/api/records/${record}/medications/`, `/api/records/${record}/medications/`]) {
        const reply = await rawRequest(`${proxied.listening.emr}${forwardedPath}`, { headers: { Host: 'ehr.example.org', Authorization: new RestClient(BACKGROUND_APP).sign(signedUrl, { token: bg }) } });
        assert.equal(reply.status, 200, `${forwardedPath}: ${reply.body}`);
        assert.ok(reply.body.includes(`rdf:about="https://ehr.example.org/sandbox/api/records/${record}/medications/`), 'RDF URIs follow --base-url');
      }
    } finally {
      await proxied.close();
    }
  });
});

describe('nonces across restarts', () => {
  it('refuses a nonce replayed after a restart within the window', async () => {
    const dataDir = await tempDir();
    const first = await startApiSandbox({ inMemory: false, dataDir });
    const record = first.sandbox.world.summaries[0]!.id;
    const bg = await backgroundToken(first, record);
    const url = `${first.urls.api}/records/${record}/problems/`;
    const header = new RestClient(BACKGROUND_APP).sign(url, { token: bg });
    assert.equal((await fetch(url, { headers: { Authorization: header } })).status, 200);
    await first.close();
    const second = await startApiSandbox({ inMemory: false, dataDir });
    try {
      const again = `${second.urls.api}/records/${record}/problems/`;
      const replay = await rawRequest(again, { headers: { Host: new URL(url).host, Authorization: header } });
      assert.equal(replay.status, 401);
      assert.match(replay.body, /reused nonce/);
      assert.equal((await new RestClient(BACKGROUND_APP).get(again, bg)).status, 200, 'the token itself survived the restart');
    } finally {
      await second.close();
    }
  });
});
