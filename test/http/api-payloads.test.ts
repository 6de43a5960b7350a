// Every record call, for several kinds of patient: the payload parses as RDF/XML, carries the
// exact content type, and passes the checks the original API Verifier generated from smart.owl
// plus the wire rules of data-model.md §7.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../server/index.js';
import { apiCalls } from '../../server/ontology/calls.js';
import { apiOf, backgroundToken, startApiSandbox, BACKGROUND_APP } from '../support/api.js';
import { RestClient, type Token } from '../support/oauth-client.js';
import { checkClass, checkWireRules, Ontology } from '../support/ontology-check.js';
import { NS, namedNode, parseRdfXml } from '../support/rdf.js';

let running: RunningSandbox;
let ontology: Ontology;
const client = new RestClient(BACKGROUND_APP);
const tokens = new Map<string, Token>();

/** Patients chosen by archetype so every data type appears: an infant, a diabetic, a cardiac patient, one with allergies. */
function pickPatients(): string[] {
  const records = running.sandbox.world.summaries.map((s) => running.sandbox.world.record(s.id)!);
  const pick = (test: (r: (typeof records)[number]) => boolean) => records.find(test)!.id;
  return [
    pick((r) => r.archetypes.includes('wellChild') && r.familyHistory.length > 0 && r.vitalSignSets.some((v) => v.headCircumference)),
    pick((r) => r.archetypes.includes('diabetes')),
    pick((r) => r.archetypes.includes('coronary')),
    pick((r) => r.allergies.length > 0),
    pick((r) => r.immunizations.some((i) => i.refusalReason)),
  ];
}

before(async () => {
  running = await startApiSandbox();
  ontology = await Ontology.load();
  for (const id of pickPatients()) tokens.set(id, await backgroundToken(running, id));
});
after(() => running.close());

const listCalls = apiCalls().filter((c) => c.category === 'record' && c.method === 'GET' && c.cardinality === 'multiple');

describe('record payloads', () => {
  it('serve every list call as valid SMART RDF/XML for several patients', async () => {
    let nonEmpty = 0;
    for (const [recordId, token] of tokens) {
      for (const call of listCalls) {
        const url = `${apiOf(running)}${call.path.replace('{record_id}', recordId)}`;
        const reply = await client.get(url, token);
        assert.equal(reply.status, 200, `${call.name}: ${reply.body}`);
        assert.equal(reply.contentType, 'application/rdf+xml', call.name);
        const graph = await parseRdfXml(reply.body);
        const failures = [...checkClass(ontology, graph, call.target), ...checkWireRules(ontology, graph, reply.body)];
        if (call.name === 'get_allergies') failures.push(...checkClass(ontology, graph, `${NS.sp}AllergyExclusion`));
        assert.deepEqual(failures, [], `${call.name} for ${recordId}`);
        const statements = graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(call.target), null);
        if (statements.length > 0) {
          nonEmpty++;
          assert.ok(graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.api}ResponseSummary`), null).length >= 1, `${call.name} lacks a ResponseSummary`);
          for (const s of statements) assert.equal(graph.getObjects(s, namedNode(`${NS.sp}belongsTo`), null)[0]?.value, `${apiOf(running)}/records/${recordId}`);
        }
      }
    }
    assert.ok(nonEmpty >= 45, `only ${nonEmpty} non-empty list responses`);
  });

  it('serve single items with their neighbours, and unknown ids as an empty graph', async () => {
    const [recordId, token] = [...tokens][1]!;
    const record = running.sandbox.world.record(recordId)!;
    const medication = record.medications.find((m) => m.fulfillmentIds.length > 1)!;
    const reply = await client.get(`${apiOf(running)}/records/${recordId}/medications/${medication.id}`, token);
    const graph = await parseRdfXml(reply.body);
    assert.deepEqual(checkClass(ontology, graph, `${NS.sp}Medication`), []);
    assert.equal(graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}Fulfillment`), null).length, medication.fulfillmentIds.length);
    const fulfillment = await client.get(`${apiOf(running)}/records/${recordId}/fulfillments/${medication.fulfillmentIds[0]}`, token);
    const fg = await parseRdfXml(fulfillment.body);
    assert.deepEqual(checkClass(ontology, fg, `${NS.sp}Fulfillment`), [], 'a fulfillment ships with its medication bundle');
    const panel = record.labPanels[0]!;
    const pg = await parseRdfXml((await client.get(`${apiOf(running)}/records/${recordId}/lab_panels/${panel.id}`, token)).body);
    assert.deepEqual(checkClass(ontology, pg, `${NS.sp}LabPanel`), []);
    assert.equal(pg.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}LabResult`), null).length, panel.resultIds.length);
    const unknown = await client.get(`${apiOf(running)}/records/${recordId}/medications/nope`, token);
    assert.equal(unknown.status, 200);
    assert.equal((await parseRdfXml(unknown.body)).size, 0);
    for (const path of ['problems/', 'vital_sign_sets/', 'medications']) {
      const noSlash = await client.get(`${apiOf(running)}/records/${recordId}/${path.replace(/\/$/, '')}`, token);
      assert.equal(noSlash.status, 200, `the trailing slash is optional (${path})`);
    }
  });

  it('serve demographics, social history and search results that pass the verifier', async () => {
    for (const [recordId, token] of tokens) {
      const demo = await client.get(`${apiOf(running)}/records/${recordId}/demographics`, token);
      assert.equal(demo.contentType, 'application/rdf+xml');
      const graph = await parseRdfXml(demo.body);
      assert.deepEqual([...checkClass(ontology, graph, `${NS.sp}Demographics`), ...checkWireRules(ontology, graph, demo.body)], []);
      const gender = graph.getObjects(null, namedNode(`${NS.foaf}gender`), null)[0]?.value;
      assert.ok(gender === 'male' || gender === 'female');
      const social = await parseRdfXml((await client.get(`${apiOf(running)}/records/${recordId}/social_history`, token)).body);
      assert.deepEqual(checkClass(ontology, social, `${NS.sp}SocialHistory`), []);
      assert.equal(social.getObjects(null, namedNode(`${NS.sp}smokingStatus`), null).length, 1);
    }
  });
});

describe('the ontology checker itself', () => {
  it('catches what the verifier caught: missing required properties, wrong units, bad enumerations, repeated terms', async () => {
    const [recordId, token] = [...tokens][2]!;
    const good = (await client.get(`${apiOf(running)}/records/${recordId}/vital_sign_sets/?limit=3`, token)).body;
    const broken = good
      .replace('<sp:unit>mm[Hg]</sp:unit>', '<sp:unit>mmHg</sp:unit>')
      .replace('<dcterms:title>Ambulatory encounter</dcterms:title>', '<dcterms:title>Office visit</dcterms:title>')
      .replace(/<dcterms:date>[^<]*<\/dcterms:date>/, '');
    const failures = checkClass(ontology, await parseRdfXml(broken), `${NS.sp}VitalSignSet`);
    assert.ok(failures.some((f) => /must have at least 1 dcterms:date/.test(f)), failures.join('\n'));
    assert.ok(failures.some((f) => /unit should be "mm\[Hg\]", got "mmHg"/.test(f)), failures.join('\n'));
    const meds = (await client.get(`${apiOf(running)}/records/${recordId}/medications/`, token)).body;
    const twice = meds.replace(/(<sp:startDate>[^<]*<\/sp:startDate>)/, '$1$1'.replace('$1$1', '$1<sp:startDate>1999-01-01</sp:startDate>'));
    const wire = checkWireRules(ontology, await parseRdfXml(twice), twice);
    assert.ok(wire.some((f) => /sp:startDate repeats 2 times/.test(f)), wire.join('\n'));
    const enumFailures = checkClass(ontology, await parseRdfXml(good.replaceAll('>Ambulatory encounter<', '>Office visit<')), `${NS.sp}VitalSignSet`);
    assert.ok(enumFailures.some((f) => /is not a valid spcode:EncounterType/.test(f)), enumFailures.join('\n'));
  });
});
