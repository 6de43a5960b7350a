// The token flows end to end, the container calls, users, search, preferences and scratchpads,
// posted clinical notes, and bad input that must never produce a 5xx.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../server/index.js';
import { approveRequestToken } from '../../server/oauth/authorize.js';
import { SMART_OWL_PATH } from '../../server/ontology/individuals.js';
import { apiOf, backgroundToken, startApiSandbox, threeLegged, BACKGROUND_APP, MY_APP, OTHER_APP } from '../support/api.js';
import { parseForm, RestClient, type Token } from '../support/oauth-client.js';
import { rawRequest } from '../support/raw-http.js';
import { NS, namedNode, parseRdfXml } from '../support/rdf.js';
import { tempDir } from '../support/tmp.js';

let running: RunningSandbox;
let api: string;
let recordId: string;
let token: Token;
const myApp = new RestClient(MY_APP);

before(async () => {
  running = await startApiSandbox();
  api = apiOf(running);
  recordId = running.sandbox.world.summaries[25]!.id;
  token = await threeLegged(running, MY_APP, recordId);
});
after(() => running.close());

describe('the 3-legged dance', () => {
  it('issues request and access tokens in the reference formats, bound to app, user and record', async () => {
    const request = await myApp.call(`${api}/oauth/request_token`, { form: { smart_record_id: recordId, oauth_callback: 'oob' } });
    assert.equal(request.status, 200);
    assert.equal(request.contentType, 'text/plain');
    assert.deepEqual(Object.keys(parseForm(request.body)), ['oauth_token', 'oauth_token_secret']);
    const rt = parseForm(request.body);
    const requestToken = { key: rt.oauth_token!, secret: rt.oauth_token_secret! };
    const early = await myApp.call(`${api}/oauth/access_token`, { form: { oauth_verifier: 'x' }, token: requestToken });
    assert.equal(early.status, 401);
    assert.match(early.body, /has not been authorized yet/);
    const redirect = new URL(await approveRequestToken(running.sandbox, requestToken.key, 'ravi.patel@example.org'));
    assert.equal(`${redirect.origin}${redirect.pathname}`, 'http://localhost:8000/smartapp/authorize');
    assert.equal(redirect.searchParams.get('oauth_token'), requestToken.key);
    const bad = await myApp.call(`${api}/oauth/access_token`, { form: { oauth_verifier: 'wrong' }, token: requestToken });
    assert.equal(bad.status, 401);
    assert.match(bad.body, /oauth_verifier is missing or does not match/);
    const access = await myApp.call(`${api}/oauth/access_token`, { form: { oauth_verifier: redirect.searchParams.get('oauth_verifier')! }, token: requestToken });
    assert.equal(access.status, 200, access.body);
    const at = parseForm(access.body);
    assert.equal(at.record_id, recordId);
    assert.equal(at.user_id, 'ravi.patel@example.org');
    const again = await myApp.call(`${api}/oauth/access_token`, { form: { oauth_verifier: redirect.searchParams.get('oauth_verifier')! }, token: requestToken });
    assert.equal(again.status, 401, 'request tokens are single use');
    const row = running.sandbox.store.getToken(at.oauth_token!)!;
    assert.deepEqual([row.appId, row.email, row.recordId, row.kind], [MY_APP, 'ravi.patel@example.org', recordId, 'access']);
    assert.equal((await myApp.get(`${api}/records/${recordId}/problems/`, { key: at.oauth_token!, secret: at.oauth_token_secret! })).status, 200);
  });

  it('accepts the Java client\'s record_id and explains a missing one', async () => {
    assert.equal((await myApp.call(`${api}/oauth/request_token`, { form: { record_id: recordId, oauth_callback: 'oob' } })).status, 200);
    const missing = await myApp.call(`${api}/oauth/request_token`, { form: { oauth_callback: 'oob' } });
    assert.equal(missing.status, 400);
    assert.match(missing.body, /smart_record_id is required/);
    const unknown = await myApp.call(`${api}/oauth/request_token`, { form: { smart_record_id: '0000001' } });
    assert.equal(unknown.status, 400);
  });
});

describe('background apps', () => {
  it('walk every record with first/next and read each one', async () => {
    const client = new RestClient(BACKGROUND_APP);
    const seen: string[] = [];
    let reply = await client.call(`${api}/apps/${BACKGROUND_APP}/tokens/records/first`, { method: 'POST' });
    while (reply.status === 200) {
      assert.equal(reply.contentType, 'application/x-www-form-urlencoded');
      const form = parseForm(reply.body);
      seen.push(form.smart_record_id!);
      const demo = await client.get(`${api}/records/${form.smart_record_id}/demographics`, { key: form.oauth_token!, secret: form.oauth_token_secret! });
      assert.equal(demo.status, 200);
      assert.ok(demo.body.includes(`/records/${form.smart_record_id}/demographics`));
      reply = await client.call(`${api}/apps/${BACKGROUND_APP}/tokens/records/${form.smart_record_id}/next`, { method: 'POST' });
    }
    assert.equal(reply.status, 404);
    assert.deepEqual(seen, running.sandbox.world.summaries.map((s) => s.id).sort());
    assert.equal(seen.length, 50);
    assert.equal((await client.call(`${api}/apps/${BACKGROUND_APP}/tokens/records/0000000`, { method: 'GET' })).status, 404);
  });
});

describe('container calls', () => {
  it('serve the container manifest with ontology-derived capabilities and the real endpoints', async () => {
    const res = await fetch(`${api}/manifest`);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const manifest = (await res.json()) as Record<string, unknown> & { launch_urls: Record<string, string>; capabilities: Record<string, { methods: string[] }> };
    assert.deepEqual(Object.keys(manifest).sort(), ['admin', 'api_base', 'capabilities', 'description', 'launch_urls', 'name', 'smart_version']);
    assert.equal(manifest.api_base, api);
    assert.match(String(manifest.smart_version), /^\d+(\.\d+){0,2}$/);
    assert.deepEqual(Object.keys(manifest.launch_urls).sort(), ['app_launch', 'authorize_token', 'exchange_token', 'request_token']);
    assert.equal(manifest.launch_urls.request_token, `${api}/oauth/request_token`);
    assert.equal(manifest.launch_urls.exchange_token, `${api}/oauth/access_token`);
    assert.match(manifest.launch_urls.app_launch!, /\/apps\/\{\{app_id\}\}\/launch$/);
    assert.deepEqual(manifest.capabilities['http://smartplatforms.org/terms#ClinicalNote']!.methods, ['GET', 'POST']);
    assert.deepEqual(manifest.capabilities['http://smartplatforms.org/terms#UserPreferences']!.methods, ['GET', 'PUT', 'DELETE']);
    assert.ok(manifest.capabilities['http://smartplatforms.org/terms#FamilyHistory']);
  });

  it('serve the ontology unchanged, the app list, manifests and the 0.4 discovery calls', async () => {
    const ontology = await fetch(`${api}/ontology`);
    assert.equal(ontology.headers.get('content-type'), 'application/rdf+xml');
    assert.equal(Buffer.from(await ontology.arrayBuffer()).equals(await readFile(SMART_OWL_PATH)), true);
    const apps = await fetch(`${api}/apps/`);
    assert.equal(apps.headers.get('content-type'), 'application/xml');
    assert.match(await apps.text(), /<App id="my-app@apps\.smartplatforms\.org">/);
    const list = await myApp.get(`${api}/apps/manifests/`, token);
    assert.equal(list.contentType, 'application/json');
    const manifests = JSON.parse(list.body) as { id: string }[];
    assert.ok(Array.isArray(manifests) && manifests.some((m) => m.id === BACKGROUND_APP));
    const one = await myApp.get(`${api}/apps/${OTHER_APP}/manifest`, token);
    assert.equal((JSON.parse(one.body) as { id: string }).id, OTHER_APP);
    const missing = await myApp.get(`${api}/apps/nope@example.org/manifest`, token);
    assert.equal(missing.status, 404);
    assert.match(missing.body, /No app "nope@example\.org"/);
    assert.equal(await (await fetch(`${api}/version`)).text(), '0.6.1');
    assert.ok(((await (await fetch(`${api}/capabilities/`)).json()) as Record<string, unknown>)['http://smartplatforms.org/terms#Medication']);
  });

  it('serve users and user search, and search records by every criterion', async () => {
    const user = await myApp.get(`${api}/users/demo@example.org`, token);
    assert.equal(user.contentType, 'application/rdf+xml');
    const graph = await parseRdfXml(user.body);
    assert.equal(graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}User`), null)[0]?.value, `${api}/users/demo@example.org`);
    assert.equal((await myApp.get(`${api}/users/nobody@example.org`, token)).status, 404);
    const found = await parseRdfXml((await myApp.get(`${api}/users/search?given_name=ja`, token)).body);
    assert.deepEqual(found.getObjects(null, namedNode(`${NS.v}email`), null).map((t) => t.value), ['jane.doe@example.org']);
    const bg = new RestClient(BACKGROUND_APP);
    const patient = running.sandbox.world.summary(recordId)!.demographics;
    const search = async (q: string) => {
      const reply = await bg.get(`${api}/records/search${q ? `?${q}` : ''}`);
      assert.equal(reply.status, 200);
      const g = await parseRdfXml(reply.body);
      assert.equal(g.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.api}ResponseSummary`), null).length, 0);
      return g.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}Demographics`), null).map((s) => s.value.split('/').at(-2));
    };
    assert.ok((await search(`family_name=${patient.familyName.slice(0, 3).toLowerCase()}`)).includes(recordId));
    assert.ok((await search(`given_name=${patient.givenName}&gender=${patient.gender}`)).includes(recordId));
    assert.deepEqual(await search(`date_of_birth=${patient.birthDate}&medical_record_number=${recordId}`), [recordId]);
    assert.deepEqual(await search(`birthday=${patient.birthDate}&zipcode=${patient.address.postalCode}&family_name=${patient.familyName}`), [recordId]);
    assert.equal((await search('')).length, 50);
  });
});

describe('preferences and scratchpad', () => {
  it('store bodies verbatim with their content type, and answer never-written as empty text/plain', async () => {
    const prefs = `${api}/users/demo@example.org/apps/${MY_APP}/preferences`;
    const empty = await myApp.get(prefs, token);
    assert.deepEqual([empty.status, empty.contentType, empty.body], [200, 'text/plain', '']);
    const put = await myApp.call(prefs, { method: 'PUT', token, body: { data: '{"units":"metric"}', contentType: 'Application/JSON; charset=utf-8' } });
    assert.deepEqual([put.status, put.contentType, put.body], [200, 'application/json', '{"units":"metric"}']);
    const got = await myApp.get(prefs, token);
    assert.deepEqual([got.contentType, got.body], ['application/json', '{"units":"metric"}']);
    const legacy = await myApp.get(`${api}/accounts/demo@example.org/apps/${MY_APP}/preferences`, token);
    assert.equal(legacy.body, '{"units":"metric"}', 'the 0.4 path reads the same blob');
    const del = await myApp.call(prefs, { method: 'DELETE', token });
    assert.deepEqual([del.status, del.body], [200, 'ok']);
    assert.equal((await myApp.get(prefs, token)).body, '');
    const pad = `${api}/records/${recordId}/apps/${MY_APP}/scratchpad`;
    const xml = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>';
    await myApp.call(pad, { method: 'PUT', token, body: { data: xml, contentType: 'application/rdf+xml' } });
    const readBack = await new RestClient(OTHER_APP).get(pad, await threeLegged(running, OTHER_APP, recordId));
    assert.deepEqual([readBack.contentType, readBack.body], ['application/rdf+xml', xml]);
  });

  it('lose nothing when many PUTs race, and survive a restart', async () => {
    const dataDir = await tempDir();
    const first = await startApiSandbox({ inMemory: false, dataDir });
    const bg = new RestClient(BACKGROUND_APP);
    const ids = first.sandbox.world.summaries.map((s) => s.id);
    const tokens = await Promise.all(ids.map((id) => backgroundToken(first, id)));
    const replies = await Promise.all(
      ids.map((id, i) => bg.call(`${first.urls.api}/records/${id}/apps/${BACKGROUND_APP}/scratchpad`, { method: 'PUT', token: tokens[i]!, body: { data: `note for ${id}`, contentType: 'text/plain' } })),
    );
    assert.ok(replies.every((r) => r.status === 200));
    await first.close();
    const second = await startApiSandbox({ inMemory: false, dataDir });
    try {
      for (const [i, id] of ids.entries()) {
        const got = await bg.get(`${second.urls.api}/records/${id}/apps/${BACKGROUND_APP}/scratchpad`, tokens[i]!);
        assert.equal(got.body, `note for ${id}`);
      }
    } finally {
      await second.close();
    }
  });
});

describe('CORS', () => {
  it('answers preflights and marks responses for the EMR origin', async () => {
    const preflight = await fetch(`${api}/users/demo@example.org/apps/${MY_APP}/preferences`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST, GET, PUT, DELETE');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization,x-requested-with,content-type');
    assert.equal(preflight.headers.get('access-control-allow-origin'), new URL(api).origin);
    assert.equal((await fetch(`${api}/manifest`)).headers.get('access-control-allow-origin'), new URL(api).origin);
  });
});

describe('posted clinical notes', () => {
  const noteXml = (extra = '') => `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:sp="http://smartplatforms.org/terms#" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:v="http://www.w3.org/2006/vcard/ns#">
  <sp:ClinicalNote>${extra}
    <dcterms:date>2013-05-20</dcterms:date>
    <dcterms:title>Telephone follow-up</dcterms:title>
    <dcterms:format><dcterms:MediaTypeOrExtent rdf:about="http://purl.org/NET/mediatypes/text/plain"><rdfs:label>text/plain</rdfs:label></dcterms:MediaTypeOrExtent></dcterms:format>
    <sp:resource><sp:Resource><sp:content><sp:Content><sp:encoding>UTF-8</sp:encoding><sp:value>Patient doing well &amp; tolerating metformin.</sp:value></sp:Content></sp:content></sp:Resource></sp:resource>
  </sp:ClinicalNote>
</rdf:RDF>`;

  it('store a note, assign its URI and belongsTo, and list it afterwards (the same request answered before now includes it)', async () => {
    const url = `${api}/records/${recordId}/clinical_notes/`;
    // Asked once before the post, so that a cached answer for this very request exists.
    const before = await myApp.get(`${url}?date_from=2013-05-20&date_to=2013-05-20`, token);
    assert.equal(before.status, 200);
    assert.ok(!before.body.includes('Patient doing well'));
    const posted = await myApp.call(url, { method: 'POST', token, body: { data: noteXml(), contentType: 'application/rdf+xml' } });
    assert.equal(posted.status, 200, posted.body);
    assert.equal(posted.contentType, 'application/rdf+xml');
    const graph = await parseRdfXml(posted.body);
    const note = graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}ClinicalNote`), null)[0]!;
    assert.match(note.value, new RegExp(`^${api}/records/${recordId}/clinical_notes/[0-9a-f-]{36}$`));
    assert.equal(graph.getObjects(note, namedNode(`${NS.sp}belongsTo`), null)[0]?.value, `${api}/records/${recordId}`);
    const listed = await myApp.get(`${url}?date_from=2013-05-20&date_to=2013-05-20`, token);
    assert.ok(listed.body.includes(note.value));
    assert.ok(listed.body.includes('Patient doing well &amp; tolerating metformin.'));
  });

  it('refuse bad notes with 400, 409 and 415', async () => {
    const url = `${api}/records/${recordId}/clinical_notes/`;
    const broken = await myApp.call(url, { method: 'POST', token, body: { data: 'not xml <<<', contentType: 'application/rdf+xml' } });
    assert.equal(broken.status, 400);
    assert.match(broken.body, /not valid RDF\/XML/);
    const truncated = await myApp.call(url, { method: 'POST', token, body: { data: '<rdf:RDF', contentType: 'application/rdf+xml' } });
    assert.equal(truncated.status, 400);
    assert.match(truncated.body, /exactly one sp:ClinicalNote/);
    const undated = await myApp.call(url, { method: 'POST', token, body: { data: noteXml().replace(/<dcterms:date>.*<\/dcterms:date>/, ''), contentType: 'application/rdf+xml' } });
    assert.equal(undated.status, 400);
    assert.match(undated.body, /needs a dcterms:date/);
    const foreign = await myApp.call(url, { method: 'POST', token, body: { data: noteXml(`<sp:belongsTo rdf:resource="${api}/records/9999999"/>`), contentType: 'application/rdf+xml' } });
    assert.equal(foreign.status, 409);
    const json = await myApp.call(url, { method: 'POST', token, body: { data: '{}', contentType: 'application/json' } });
    assert.equal(json.status, 415);
  });
});

describe('bad input gets a clear 4xx, never a 5xx', () => {
  it('404 for unknown paths and 405 with Allow for unsupported methods', async () => {
    const unknown = await myApp.get(`${api}/records/${recordId}/no_such_things/`, token);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body, /No such API call: GET \/api\/records\/\d+\/no_such_things\//);
    const res = await fetch(`${api}/records/${recordId}/medications/`, { method: 'DELETE', headers: { Authorization: myApp.sign(`${api}/records/${recordId}/medications/`, { method: 'DELETE', token }) } });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET/);
  });

  it('400 for malformed query encoding, 413 for oversized bodies, 431 for huge headers', async () => {
    const bad = await rawRequest(`${api}/records/${recordId}/lab_results/?loinc=%E0%A4%A`, { headers: { Authorization: myApp.sign(`${api}/records/${recordId}/lab_results/`, { token }) } });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /malformed percent-encoding/);
    const pad = `${api}/records/${recordId}/apps/${MY_APP}/scratchpad`;
    const big = await myApp.call(pad, { method: 'PUT', token, body: { data: 'x'.repeat(2 * 1024 * 1024), contentType: 'text/plain' } });
    assert.equal(big.status, 413);
    assert.match(big.body, /larger than 1024 KB/);
    const huge = await rawRequest(`${api}/manifest`, { headers: { 'X-Big': 'y'.repeat(20_000) } });
    assert.equal(huge.status, 431);
  });

  it('stores non-UTF-8 bytes verbatim and survives hostile requests', async () => {
    const pad = `${api}/records/${recordId}/apps/${MY_APP}/scratchpad`;
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    const put = await myApp.call(pad, { method: 'PUT', token, body: { data: bytes, contentType: 'application/octet-stream' } });
    assert.equal(put.status, 200);
    const res = await fetch(pad, { headers: { Authorization: myApp.sign(pad, { token }) } });
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer())], [...bytes]);
    const hostile: { path: string; method?: string; headers: Record<string, string>; body?: string }[] = [
      { path: `/api/records/${recordId}/medications/`, headers: { Authorization: 'OAuth ' + 'a="b",'.repeat(500) } },
      { path: `/api/records/%00/medications/`, headers: { Authorization: myApp.sign(`${api}/records/x/medications/`, { token }) } },
      { path: '/api/oauth/request_token', method: 'POST', headers: { Authorization: myApp.sign(`${api}/oauth/request_token`, { method: 'POST' }), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'smart_record_id=%ZZ' },
      { path: '/api/users/%E0%A4%A/apps/x/preferences', headers: {} },
    ];
    for (const h of hostile) {
      const reply = await rawRequest(`${running.listening.emr}${h.path}`, { method: h.method ?? 'GET', headers: h.headers, ...(h.body ? { body: h.body } : {}) });
      assert.ok(reply.status >= 400 && reply.status < 500, `${h.path} gave ${reply.status}: ${reply.body}`);
    }
    // An absurd limit is simply "everything", not an error.
    const hugeLimit = `${api}/records/${recordId}/medications/?limit=99999999999999999999`;
    assert.equal((await myApp.get(hugeLimit, token)).status, 200);
  });
});
