// The background-app example (`npm run example:background`): a SMART background app walks every
// record with the record-token endpoints (2-legged), reads each record's demographics and
// medications with the record's token (3-legged), and prints which patients take a statin.
//
// Copy it: change APP_ID to your app's id and SECRET to its consumer secret; the sandbox registers
// background apps from apps/ or any --apps DIR (mode "background", no index).
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

const API = process.env.SMART_API_BASE ?? 'http://localhost:7000/api';
const APP_ID = process.env.SMART_APP_ID ?? 'statin-census@apps.smartplatforms.org';
const SECRET = process.env.SMART_APP_SECRET ?? 'smartapp-secret';

const oauth = new OAuth({
  consumer: { key: APP_ID, secret: SECRET },
  signature_method: 'HMAC-SHA1',
  hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
});

async function signed(method, url, token) {
  const res = await fetch(url, { method, headers: oauth.toHeader(oauth.authorize({ url, method }, token)) });
  return { status: res.status, text: await res.text() };
}

/** The triples of an RDF/XML answer, as {s, p, o}. */
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
const objects = (graph, s, p) => graph.filter((t) => t.s === s && t.p === p).map((t) => t.o);

async function recordToken(path) {
  const reply = await signed('POST', `${API}/apps/${encodeURIComponent(APP_ID)}/tokens/records/${path}`);
  if (reply.status === 404) return null;
  if (reply.status !== 200) throw new Error(`record token: ${reply.status} ${reply.text}`);
  const form = new URLSearchParams(reply.text);
  return { recordId: form.get('smart_record_id'), token: { key: form.get('oauth_token'), secret: form.get('oauth_token_secret') } };
}

const rows = [];
let next = await recordToken('first');
while (next) {
  const { recordId, token } = next;
  const demographics = await triples((await signed('GET', `${API}/records/${recordId}/demographics`, token)).text);
  const name = demographics.find((t) => t.p === `${V}n`)?.o;
  const patient = `${objects(demographics, name, `${V}given-name`)[0]} ${objects(demographics, name, `${V}family-name`)[0]}`;
  const meds = await triples((await signed('GET', `${API}/records/${recordId}/medications/`, token)).text);
  const titles = meds
    .filter((t) => t.p === `${SP}drugName`)
    .flatMap((t) => objects(meds, t.o, `${DC}title`))
    .filter((title) => /statin/i.test(title));
  rows.push({ recordId, patient, statins: [...new Set(titles)] });
  next = await recordToken(`${recordId}/next`);
}

const onStatins = rows.filter((r) => r.statins.length > 0);
console.log(`Statin census over ${rows.length} records (${API})`);
for (const r of onStatins) console.log(`  ${r.recordId}  ${r.patient.padEnd(28)} ${r.statins.join('; ')}`);
console.log(`${onStatins.length} of ${rows.length} patients take a statin.`);
