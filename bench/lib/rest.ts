// Targets for the REST benchmarks: a typical adult record, a record token for it (the test
// background app's, used 3-legged: consumer key + token, verified in full), and response sizes.
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { Signing } from './load.js';

const APP = 'nightly-export@test.example.org';
const SECRET = 'smartapp-secret';

export interface RestTargets {
  recordId: string;
  describe: string;
  signing: Signing;
  searchSigning: Signing;
  medications: { url: string; kb: string };
  labResults: { url: string; kb: string };
  search: { url: string; kb: string };
}

export async function restTargets(port: number): Promise<RestTargets> {
  const api = `http://localhost:${port}/api`;
  const oauth = new OAuth({ consumer: { key: APP, secret: SECRET }, signature_method: 'HMAC-SHA1', hash_function: (b, k) => createHmac('sha1', k).update(b).digest('base64') });
  const signed = async (url: string, method = 'GET', token?: { key: string; secret: string }) => {
    const res = await fetch(url, { method, headers: { ...oauth.toHeader(oauth.authorize({ url, method }, token)) } });
    return { status: res.status, text: await res.text() };
  };
  // Every adult's medication count; take the median record, so the figure is typical, not best case.
  const counts: { id: string; meds: number }[] = [];
  let reply = await signed(`${api}/apps/${APP}/tokens/records/first`, 'POST');
  const tokens = new Map<string, { key: string; secret: string }>();
  while (reply.status === 200) {
    const form = new URLSearchParams(reply.text);
    const id = form.get('smart_record_id')!;
    const token = { key: form.get('oauth_token')!, secret: form.get('oauth_token_secret')! };
    tokens.set(id, token);
    const meds = await signed(`${api}/records/${id}/medications/`, 'GET', token);
    counts.push({ id, meds: (meds.text.match(/<sp:Medication /g) ?? []).length });
    reply = await signed(`${api}/apps/${APP}/tokens/records/${id}/next`, 'POST');
  }
  const withMeds = counts.filter((c) => c.meds > 0).sort((a, b) => a.meds - b.meds || a.id.localeCompare(b.id));
  const chosen = withMeds[Math.floor(withMeds.length / 2)]!;
  const token = tokens.get(chosen.id)!;
  const size = async (url: string, t?: { key: string; secret: string }) => ((await signed(url, 'GET', t)).text.length / 1024).toFixed(0);
  const medications = `${api}/records/${chosen.id}/medications/`;
  const labResults = `${api}/records/${chosen.id}/lab_results/`;
  const search = `${api}/records/search?family_name=s`;
  return {
    recordId: chosen.id,
    describe: `${chosen.meds} medications, the median of the records that have any`,
    signing: { consumerKey: APP, consumerSecret: SECRET, token },
    searchSigning: { consumerKey: APP, consumerSecret: SECRET },
    medications: { url: medications, kb: await size(medications, token) },
    labResults: { url: labResults, kb: await size(labResults, token) },
    search: { url: search, kb: await size(search) },
  };
}
