// The REST-app example (`npm run example:rest`): an app backend on http://localhost:8000 that the
// EMR launches in its iframe. It reads the patient's record over SMART REST with OAuth 1.0a:
//
// - if the launch URL carries `oauth_header` (Manage Apps → "Launch URL carries oauth_header"),
//   it verifies the header's signature with its consumer secret and uses the REST token in it;
// - otherwise it runs the 3-legged dance: request token → the EMR's authorize page → callback →
//   access token.
//
// Copy it: change APP_ID and SECRET, serve it where your manifest's index and oauth_callback point.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import OAuth from 'oauth-1.0a';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

const client = (appId, secret) =>
  new OAuth({
    consumer: { key: appId, secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
  });

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function signedFetch(oauth, method, url, token, form) {
  const request = { url, method, ...(form ? { data: form } : {}) };
  const headers = oauth.toHeader(oauth.authorize(request, token));
  if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(url, { method, headers, ...(form ? { body: new URLSearchParams(form).toString() } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text;
}

function triples(xml) {
  return new Promise((resolve, reject) => {
    const out = [];
    const parser = new RdfXmlParser();
    parser.on('data', (q) => out.push({ s: q.subject.value, p: q.predicate.value, o: q.object.value }));
    parser.on('error', reject);
    parser.on('end', () => resolve(out));
    parser.end(xml);
  });
}

const SP = 'http://smartplatforms.org/terms#';
const DC = 'http://purl.org/dc/terms/';
const V = 'http://www.w3.org/2006/vcard/ns#';
const one = (graph, s, p) => graph.find((t) => t.s === s && t.p === p)?.o;
const codedTitles = (graph, property) => graph.filter((t) => t.p === `${SP}${property}`).map((t) => one(graph, t.o, `${DC}title`));

/** Verifies a launch's oauth_header: HMAC-SHA1 over GET and the app's index URL, key = secret + "&". */
export function verifyLaunchHeader(oauth, header, indexUrl) {
  const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].filter((m) => m[1] !== 'realm').map((m) => [m[1], decodeURIComponent(m[2])]));
  const { oauth_signature: signature, ...signed } = params;
  const expected = oauth.getSignature({ url: indexUrl, method: 'GET', data: {} }, '', signed);
  return signature === expected ? params : null;
}

async function renderRecord(oauth, res, apiBase, recordId, token, how) {
  const [demographics, medications, problems] = await Promise.all(
    ['demographics', 'medications/', 'problems/'].map(async (path) => triples(await signedFetch(oauth, 'GET', `${apiBase}/records/${recordId}/${path}`, token))),
  );
  const name = one(demographics, `${apiBase}/records/${recordId}/demographics`, `${V}n`);
  const patient = `${one(demographics, name, `${V}given-name`)} ${one(demographics, name, `${V}family-name`)}`;
  const list = (items) => items.map((i) => `<li>${escapeHtml(i)}</li>`).join('');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>REST Example</title>
<style>body{font:14px system-ui,sans-serif;margin:16px}h1{font-size:20px}.how{color:#27864a}</style></head><body>
<h1 id="patient">${escapeHtml(patient)}</h1>
<p class="how" id="how">${escapeHtml(how)}</p>
<h2>Medications</h2><ul id="medications">${list(codedTitles(medications, 'drugName'))}</ul>
<h2>Problems</h2><ul id="problems">${list(codedTitles(problems, 'problemName'))}</ul>
</body></html>`);
}

/** Starts the example backend; resolves with its port. */
export function startRestExample({
  port = Number(process.env.REST_EXAMPLE_PORT ?? 8000),
  appId = process.env.SMART_APP_ID ?? 'rest-example@apps.smartplatforms.org',
  secret = process.env.SMART_APP_SECRET ?? 'smartapp-secret',
} = {}) {
  const oauth = client(appId, secret);
  // Request tokens waiting for the user's authorization: token → {secret, apiBase}.
  const pending = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    try {
      if (url.pathname === '/rest-example/launch') {
        const apiBase = url.searchParams.get('api_base');
        const recordId = url.searchParams.get('record_id');
        const header = url.searchParams.get('oauth_header');
        if (header) {
          const params = verifyLaunchHeader(oauth, header, `${url.origin}${url.pathname}`);
          if (!params) throw new Error('the oauth_header signature does not verify with our consumer secret');
          const token = { key: params.smart_oauth_token, secret: params.smart_oauth_token_secret };
          return await renderRecord(oauth, res, params.smart_container_api_base, params.smart_record_id, token, 'Launched with a verified oauth_header');
        }
        if (!apiBase || !recordId) throw new Error('launch me from the EMR (I need api_base and record_id)');
        const manifest = JSON.parse(await (await fetch(`${apiBase}/manifest`)).text());
        const reply = new URLSearchParams(await signedFetch(oauth, 'POST', manifest.launch_urls.request_token, undefined, { smart_record_id: recordId, oauth_callback: 'oob' }));
        pending.set(reply.get('oauth_token'), { secret: reply.get('oauth_token_secret'), apiBase, exchange: manifest.launch_urls.exchange_token });
        res.writeHead(302, { Location: `${manifest.launch_urls.authorize_token}?oauth_token=${encodeURIComponent(reply.get('oauth_token'))}` });
        return res.end();
      }
      if (url.pathname === '/rest-example/callback') {
        const requestToken = url.searchParams.get('oauth_token');
        const waiting = pending.get(requestToken);
        if (!waiting) throw new Error('unknown request token; launch the app again');
        pending.delete(requestToken);
        const access = new URLSearchParams(
          await signedFetch(oauth, 'POST', waiting.exchange, { key: requestToken, secret: waiting.secret }, { oauth_verifier: url.searchParams.get('oauth_verifier') ?? '' }),
        );
        const token = { key: access.get('oauth_token'), secret: access.get('oauth_token_secret') };
        return await renderRecord(oauth, res, waiting.apiBase, access.get('record_id'), token, `Authorized through the 3-legged dance for ${access.get('user_id')}`);
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found. The EMR launches /rest-example/launch.');
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><p id="error">${escapeHtml(err.message)}</p>`);
    }
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, close: () => new Promise((done) => server.close(done)) })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { port } = await startRestExample();
  console.log(`REST example listening on http://localhost:${port}/rest-example/launch (launch it from the EMR)`);
}
