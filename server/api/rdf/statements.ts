// One serializer per SMART statement type, from our JSON shapes to the RDF/XML shapes of
// data-model.md §2 (the examples there pass the original API Verifier and JS client). Statements
// reference each other by URI; the response assembler adds the referenced statements.
import type {
  Allergy,
  AllergyExclusion,
  ClinicalNote,
  Demographics,
  Encounter,
  FamilyHistory,
  Fulfillment,
  Immunization,
  LabPanel,
  LabResult,
  Medication,
  PatientRecord,
  Problem,
  Procedure,
  SocialHistory,
  VitalSignSet,
} from '../../world/types.js';
import { enumCode } from '../../ontology/enumerations.js';
import { NodeWriter, type Fragment } from './node-writer.js';
import { literal } from './xml.js';

export interface UriContext {
  /** The API base, e.g. http://localhost:7000/api; every URI starts with it. */
  api: string;
  record: Pick<PatientRecord, 'id'>;
}

export const recordUri = (c: UriContext): string => `${c.api}/records/${c.record.id}`;
export const statementUri = (c: UriContext, segment: string, id?: string): string => `${recordUri(c)}/${segment}${id === undefined ? '' : `/${id}`}`;

const start = (c: UriContext) => new NodeWriter().res('sp:belongsTo', recordUri(c));

export function demographicsXml(d: Demographics, c: UriContext): Fragment {
  const w = start(c);
  w.raw(`<v:n><v:Name>${literal('v:given-name', d.givenName)}${literal('v:additional-name', d.additionalName)}${literal('v:family-name', d.familyName)}</v:Name></v:n>`);
  const a = d.address;
  w.raw(
    '<v:adr><v:Address><rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Home"/><rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Pref"/>' +
      `${literal('v:street-address', a.street)}${literal('v:extended-address', a.extended)}${literal('v:locality', a.city)}${literal('v:region', a.region)}` +
      `${literal('v:postal-code', a.postalCode)}${literal('v:country-name', a.country)}</v:Address></v:adr>`,
  );
  w.raw(`<v:tel><v:Tel><rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Home"/><rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Pref"/>${literal('rdf:value', d.homePhone)}</v:Tel></v:tel>`);
  if (d.cellPhone) w.raw(`<v:tel><v:Tel><rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Cell"/>${literal('rdf:value', d.cellPhone)}</v:Tel></v:tel>`);
  w.lit('v:email', d.email).lit('foaf:gender', d.gender).lit('v:bday', d.birthDate);
  w.lit('sp:race', d.race).lit('sp:ethnicity', d.ethnicity).lit('sp:preferredLanguage', d.preferredLanguage);
  if (d.gestationalAgeWeeks) w.quantity('sp:gestationalAgeAtBirth', { value: d.gestationalAgeWeeks, unit: 'wk' });
  w.raw(
    `<sp:medicalRecordNumber><sp:Code>${literal('dcterms:title', `SMART Sandbox MRN ${d.mrn}`)}${literal('dcterms:identifier', d.mrn)}` +
      `${literal('sp:system', 'http://smart-sandbox.example.org/mrn/')}</sp:Code></sp:medicalRecordNumber>`,
  );
  return w.statement('sp:Demographics', statementUri(c, 'demographics'));
}

export function medicationXml(m: Medication, c: UriContext): Fragment {
  const w = start(c)
    .coded('sp:drugName', 'RxNorm_Semantic', m.drug)
    .lit('sp:startDate', m.startDate)
    .lit('sp:endDate', m.endDate)
    .lit('sp:instructions', m.instructions)
    .quantity('sp:quantity', m.quantity)
    .quantity('sp:frequency', m.frequency);
  for (const f of m.fulfillmentIds) w.res('sp:fulfillment', statementUri(c, 'fulfillments', f));
  return w.statement('sp:Medication', statementUri(c, 'medications', m.id));
}

export function fulfillmentXml(f: Fulfillment, c: UriContext): Fragment {
  const w = start(c)
    .lit('dcterms:date', f.date)
    .res('sp:medication', statementUri(c, 'medications', f.medicationId))
    .lit('sp:dispenseDaysSupply', String(f.dispenseDaysSupply))
    .quantity('sp:quantityDispensed', f.quantityDispensed)
    .raw(`<sp:pharmacy><sp:Pharmacy>${literal('sp:ncpdpId', f.pharmacy.ncpdpId)}${literal('v:organization-name', f.pharmacy.name)}</sp:Pharmacy></sp:pharmacy>`)
    .provider('sp:provider', f.provider)
    .lit('sp:pbm', f.pbm);
  return w.statement('sp:Fulfillment', statementUri(c, 'fulfillments', f.id));
}

export function problemXml(p: Problem, c: UriContext): Fragment {
  const w = start(c)
    .coded('sp:problemName', 'SNOMED', p.name)
    .lit('sp:startDate', p.startDate)
    .lit('sp:endDate', p.endDate)
    .coded('sp:problemStatus', 'ProblemStatus', p.status)
    .lit('sp:notes', p.notes);
  for (const e of p.encounterIds) w.res('sp:encounters', statementUri(c, 'encounters', e));
  return w.statement('sp:Problem', statementUri(c, 'problems', p.id));
}

const ALLERGEN_PROPERTY = {
  drug: ['sp:drugAllergen', 'RxNorm_Ingredient'],
  drugClass: ['sp:drugClassAllergen', 'NDFRT'],
  other: ['sp:otherAllergen', 'UNII'],
} as const;

export function allergyXml(a: Allergy, c: UriContext): Fragment {
  const [property, cls] = ALLERGEN_PROPERTY[a.allergenKind];
  const w = start(c)
    .lit('sp:startDate', a.startDate)
    .lit('sp:endDate', a.endDate)
    .coded('sp:category', 'AllergyCategory', a.category)
    .coded(property, cls, a.allergen)
    .coded('sp:allergicReaction', 'SNOMED', a.reaction)
    .coded('sp:severity', 'AllergySeverity', a.severity);
  return w.statement('sp:Allergy', statementUri(c, 'allergies', a.id));
}

export function allergyExclusionXml(x: AllergyExclusion, c: UriContext): Fragment {
  const w = start(c).lit('dcterms:date', x.date).coded('sp:allergyExclusionName', 'AllergyExclusion', x.name);
  return w.statement('sp:AllergyExclusion', statementUri(c, 'allergy_exclusions', x.id));
}

export function labResultXml(l: LabResult, c: UriContext): Fragment {
  const w = start(c).coded('sp:labName', 'LOINC', l.test).lit('dcterms:date', l.date);
  const r = l.result;
  if (r.kind === 'quantitative') {
    const vu = (value: string) => `<sp:ValueAndUnit>${literal('sp:value', value)}${literal('sp:unit', r.unit)}</sp:ValueAndUnit>`;
    const range = r.normalRange
      ? `<sp:normalRange><sp:ValueRange><sp:minimum>${vu(r.normalRange.min)}</sp:minimum><sp:maximum>${vu(r.normalRange.max)}</sp:maximum></sp:ValueRange></sp:normalRange>`
      : '';
    w.raw(`<sp:quantitativeResult><sp:QuantitativeResult><sp:valueAndUnit>${vu(r.value)}</sp:valueAndUnit>${range}</sp:QuantitativeResult></sp:quantitativeResult>`);
  } else {
    w.raw(`<sp:narrativeResult><sp:NarrativeResult>${literal('sp:value', r.value)}</sp:NarrativeResult></sp:narrativeResult>`);
  }
  w.coded('sp:abnormalInterpretation', 'LabResultInterpretation', l.interpretation).coded('sp:labStatus', 'LabResultStatus', l.status).lit('sp:accessionNumber', l.accessionNumber);
  return w.statement('sp:LabResult', statementUri(c, 'lab_results', l.id));
}

export function labPanelXml(p: LabPanel, c: UriContext): Fragment {
  const w = start(c).coded('sp:labName', 'LOINC', p.name);
  for (const id of p.resultIds) w.res('sp:labResult', statementUri(c, 'lab_results', id));
  return w.statement('sp:LabPanel', statementUri(c, 'lab_panels', p.id));
}

export function encounterXml(e: Encounter, c: UriContext): Fragment {
  const w = start(c)
    .lit('sp:startDate', e.startDate)
    .lit('sp:endDate', e.endDate)
    .coded('sp:encounterType', 'EncounterType', e.type)
    .raw(`<sp:facility><sp:Organization>${literal('v:organization-name', e.facility.name)}</sp:Organization></sp:facility>`)
    .provider('sp:provider', e.provider);
  return w.statement('sp:Encounter', statementUri(c, 'encounters', e.id));
}

export function vitalSignSetXml(v: VitalSignSet, c: UriContext): Fragment {
  const w = start(c).lit('dcterms:date', v.date).res('sp:encounter', statementUri(c, 'encounters', v.encounterId));
  w.vital('sp:height', v.height).vital('sp:weight', v.weight).vital('sp:bodyMassIndex', v.bodyMassIndex).vital('sp:headCircumference', v.headCircumference);
  w.vital('sp:heartRate', v.heartRate).vital('sp:respiratoryRate', v.respiratoryRate).vital('sp:temperature', v.temperature).vital('sp:oxygenSaturation', v.oxygenSaturation);
  const bp = v.bloodPressure;
  if (bp) {
    const inner = new NodeWriter()
      .vital('sp:systolic', bp.systolic)
      .vital('sp:diastolic', bp.diastolic)
      .coded('sp:bodyPosition', 'BloodPressureBodyPosition', bp.position)
      .coded('sp:bodySite', 'BloodPressureBodySite', bp.site)
      .coded('sp:method', 'BloodPressureMethod', bp.method);
    for (const [uri, xml] of inner.codes) w.codes.set(uri, xml);
    w.raw(`<sp:bloodPressure><sp:BloodPressure>${inner.body()}</sp:BloodPressure></sp:bloodPressure>`);
  }
  return w.statement('sp:VitalSignSet', statementUri(c, 'vital_sign_sets', v.id));
}

export function immunizationXml(i: Immunization, c: UriContext): Fragment {
  const w = start(c)
    .lit('dcterms:date', i.date)
    .coded('sp:administrationStatus', 'ImmunizationAdministrationStatus', i.administrationStatus)
    .coded('sp:refusalReason', 'ImmunizationRefusalReason', i.refusalReason)
    .coded('sp:productName', 'ImmunizationProduct', i.product);
  for (const cls of i.productClasses) w.coded('sp:productClass', 'ImmunizationClass', cls);
  return w.statement('sp:Immunization', statementUri(c, 'immunizations', i.id));
}

export function procedureXml(p: Procedure, c: UriContext): Fragment {
  const w = start(c)
    .lit('dcterms:date', p.date)
    .coded('sp:procedureName', 'Procedure', p.name)
    .coded('sp:procedureStatus', 'ProcedureStatus', p.status)
    .provider('sp:provider', p.provider)
    .lit('sp:notes', p.notes);
  return w.statement('sp:Procedure', statementUri(c, 'procedures', p.id));
}

export function socialHistoryXml(s: SocialHistory, c: UriContext): Fragment {
  return start(c).coded('sp:smokingStatus', 'SmokingStatus', s.smokingStatus).statement('sp:SocialHistory', statementUri(c, 'social_history'));
}

export function clinicalNoteXml(n: ClinicalNote, c: UriContext): Fragment {
  const w = start(c)
    .lit('dcterms:date', n.date)
    .lit('dcterms:title', n.title)
    .raw(`<dcterms:format><dcterms:MediaTypeOrExtent rdf:about="http://purl.org/NET/mediatypes/${n.format}">${literal('rdfs:label', n.format)}</dcterms:MediaTypeOrExtent></dcterms:format>`)
    .provider('sp:provider', n.provider)
    .raw(`<sp:resource><sp:Resource><sp:content><sp:Content>${literal('sp:encoding', 'UTF-8')}${literal('sp:value', n.text)}</sp:Content></sp:content></sp:Resource></sp:resource>`);
  return w.statement('sp:ClinicalNote', statementUri(c, 'clinical_notes', n.id));
}

export function familyHistoryXml(f: FamilyHistory, c: UriContext): Fragment {
  const w = start(c).coded('sp:aboutRelative', 'SNOMED', f.relative).lit('v:bday', f.birthDate).lit('v:deathdate', f.deathDate);
  for (const p of f.problems) w.coded('sp:hasProblem', 'SNOMED', p);
  if (f.heightCm) w.vital('sp:height', { name: enumCode('VitalSign', '8302-2'), value: f.heightCm, unit: 'cm' });
  return w.statement('sp:FamilyHistory', statementUri(c, 'family_history', f.id));
}
