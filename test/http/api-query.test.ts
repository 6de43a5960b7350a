// Filters, sorting and paging (protocol.md §4.3): the six date filters with their padding
// semantics, code filters with | alternatives, limit/offset with resultOrder and nextPageURL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../server/index.js';
import type { PatientRecord } from '../../server/world/types.js';
import { apiOf, backgroundToken, startApiSandbox, BACKGROUND_APP } from '../support/api.js';
import { RestClient, type Token } from '../support/oauth-client.js';
import { NS, namedNode, parseRdfXml } from '../support/rdf.js';

let running: RunningSandbox;
let record: PatientRecord;
let token: Token;
const client = new RestClient(BACKGROUND_APP);

before(async () => {
  running = await startApiSandbox();
  // A diabetic with many labs and vitals.
  record = running.sandbox.world.summaries.map((s) => running.sandbox.world.record(s.id)!).find((r) => r.archetypes.includes('diabetes') && r.labResults.length > 100)!;
  token = await backgroundToken(running, record.id);
});
after(() => running.close());

async function ids(path: string, type: string): Promise<{ ids: string[]; graph: Awaited<ReturnType<typeof parseRdfXml>> }> {
  const reply = await client.get(`${apiOf(running)}/records/${record.id}/${path}`, token);
  assert.equal(reply.status, 200, reply.body);
  const graph = await parseRdfXml(reply.body);
  const found = graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}${type}`), null).map((s) => s.value.slice(s.value.lastIndexOf('/') + 1));
  return { ids: found.sort(), graph };
}

const summaryOf = (graph: Awaited<ReturnType<typeof parseRdfXml>>) => {
  const node = graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.api}ResponseSummary`), null)[0]!;
  const get = (p: string) => graph.getObjects(node, namedNode(`${NS.api}${p}`), null)[0];
  const order: string[] = [];
  for (let cell = get('resultOrder'); cell && cell.value !== `${NS.rdf}nil`; cell = graph.getObjects(cell, namedNode(`${NS.rdf}rest`), null)[0]) {
    order.push(graph.getObjects(cell, namedNode(`${NS.rdf}first`), null)[0]!.value);
  }
  return { total: Number(get('totalResultCount')?.value), returned: Number(get('resultsReturned')?.value), next: get('nextPageURL')?.value, order, totalType: (get('totalResultCount') as { datatype?: { value: string } }).datatype?.value };
};

describe('date filters', () => {
  it('include or exclude whole days exactly as the reference padded them', async () => {
    const day = record.labResults[Math.floor(record.labResults.length / 2)]!.date.slice(0, 10);
    const onDay = record.labResults.filter((l) => l.date.startsWith(day)).map((l) => l.id).sort();
    const byDate = (test: (d: string) => boolean) => record.labResults.filter((l) => test(l.date.slice(0, 10))).map((l) => l.id).sort();
    assert.deepEqual((await ids(`lab_results/?date_from=${day}&date_to=${day}`, 'LabResult')).ids, onDay);
    assert.deepEqual((await ids(`lab_results/?date_from_including=${day}&date_to_including=${day}`, 'LabResult')).ids, onDay);
    assert.deepEqual((await ids(`lab_results/?date_from_excluding=${day}`, 'LabResult')).ids, byDate((d) => d > day));
    assert.deepEqual((await ids(`lab_results/?date_to_excluding=${day}`, 'LabResult')).ids, byDate((d) => d < day));
    const year = day.slice(0, 4);
    assert.deepEqual((await ids(`lab_results/?date_from=${year}-01-01&date_to=${year}-12-31`, 'LabResult')).ids, byDate((d) => d.startsWith(year)));
    assert.deepEqual((await ids(`lab_results/?date_from=${year}`, 'LabResult')).ids, byDate((d) => d >= `${year}-01-01`), 'partial dates pad');
  });

  it('filter medications and problems on their start date, never the end date', async () => {
    const med = record.medications.find((m) => m.endDate)!;
    const found = await ids(`medications/?date_from=${med.startDate}&date_to=${med.startDate}`, 'Medication');
    assert.ok(found.ids.includes(med.id));
    assert.ok(found.ids.every((id) => record.medications.find((m) => m.id === id)!.startDate === med.startDate));
    assert.ok(!(await ids(`medications/?date_from=${med.endDate}&date_to=${med.endDate}`, 'Medication')).ids.includes(med.id) || med.endDate === med.startDate);
  });

  it('reject a malformed date with a 400 that shows the expected form', async () => {
    const reply = await client.get(`${apiOf(running)}/records/${record.id}/lab_results/?date_from=last-week`, token);
    assert.equal(reply.status, 400);
    assert.match(reply.body, /date_from must be an ISO date such as 2010-05-01/);
  });
});

describe('code filters', () => {
  it('match LOINC, RxNorm, SNOMED and encounter type, with | alternatives', async () => {
    const loincs = ['4548-4', '2345-7'];
    assert.deepEqual((await ids(`lab_results/?loinc=${loincs.join('|')}`, 'LabResult')).ids, record.labResults.filter((l) => loincs.includes(l.test.code)).map((l) => l.id).sort());
    const rx = record.medications[0]!.drug.code;
    assert.deepEqual((await ids(`medications/?rxnorm=${rx}`, 'Medication')).ids, record.medications.filter((m) => m.drug.code === rx).map((m) => m.id).sort());
    const snomed = record.problems[0]!.name.code;
    assert.deepEqual((await ids(`problems/?snomed=${snomed}`, 'Problem')).ids, record.problems.filter((p) => p.name.code === snomed).map((p) => p.id).sort());
    const types = new Map(record.encounters.map((e) => [e.id, e.type.code]));
    assert.deepEqual(
      (await ids('vital_sign_sets/?encounter_type=ambulatory', 'VitalSignSet')).ids,
      record.vitalSignSets.filter((v) => types.get(v.encounterId) === 'ambulatory').map((v) => v.id).sort(),
    );
    assert.deepEqual((await ids('lab_results/?loinc=0000-0', 'LabResult')).ids, []);
  });

  it('AND different filters together', async () => {
    const a1c = record.labResults.filter((l) => l.test.code === '4548-4');
    const latest = a1c.map((l) => l.date.slice(0, 10)).sort().at(-1)!;
    assert.deepEqual((await ids(`lab_results/?loinc=4548-4&date_from=${latest}`, 'LabResult')).ids, a1c.filter((l) => l.date.slice(0, 10) >= latest).map((l) => l.id).sort());
  });
});

describe('paging and sort', () => {
  it('pages newest first with resultOrder, totals and nextPageURL', async () => {
    const sorted = [...record.vitalSignSets].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)));
    const first = await ids('vital_sign_sets/?limit=3', 'VitalSignSet');
    const summary = summaryOf(first.graph);
    assert.equal(summary.total, record.vitalSignSets.length);
    assert.equal(summary.returned, 3);
    assert.equal(summary.totalType, `${NS.xsd}integer`);
    assert.deepEqual(summary.order.map((u) => u.slice(u.lastIndexOf('/') + 1)), sorted.slice(0, 3).map((v) => v.id));
    assert.equal(summary.next, `${apiOf(running)}/records/${record.id}/vital_sign_sets/?limit=3&offset=3`);
    const second = summaryOf((await ids('vital_sign_sets/?limit=3&offset=3', 'VitalSignSet')).graph);
    assert.deepEqual(second.order.map((u) => u.slice(u.lastIndexOf('/') + 1)), sorted.slice(3, 6).map((v) => v.id));
    // The page's statements come with their encounters, which are not counted.
    assert.equal(first.ids.length, 3);
    assert.equal(first.graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}Encounter`), null).length, 3);
  });

  it('ends cleanly: the last page has no nextPageURL, an offset past the end is an empty graph', async () => {
    const total = record.vitalSignSets.length;
    const last = summaryOf((await ids(`vital_sign_sets/?limit=5&offset=${total - 2}`, 'VitalSignSet')).graph);
    assert.equal(last.returned, 2);
    assert.equal(last.next, undefined);
    const past = await client.get(`${apiOf(running)}/records/${record.id}/vital_sign_sets/?limit=5&offset=${total + 10}`, token);
    assert.equal(past.status, 200);
    assert.equal((await parseRdfXml(past.body)).size, 0);
  });

  it('returns everything without limit, with a summary but no resultOrder', async () => {
    const all = await ids('lab_results/', 'LabResult');
    const summary = summaryOf(all.graph);
    assert.equal(all.ids.length, record.labResults.length);
    assert.equal(summary.total, record.labResults.length);
    assert.deepEqual(summary.order, []);
    assert.equal(summary.next, undefined);
  });

  it('rejects a nonsensical limit or offset with a 400', async () => {
    for (const q of ['limit=0', 'limit=abc', 'limit=3&offset=-1']) {
      const reply = await client.get(`${apiOf(running)}/records/${record.id}/lab_results/?${q}`, token);
      assert.equal(reply.status, 400, q);
      assert.match(reply.body, /must be a whole number of at least/);
    }
  });
});
