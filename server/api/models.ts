// The record's statement types as the REST API sees them: where they live in a record, their URI
// segment, the property paths the ontology's filters and sorts name (read from our JSON shapes),
// the statements they reference (which a response must include in full, data-model.md §1.3 rule 4)
// and their RDF/XML serializer.
import type { ClinicalNote, PatientRecord } from '../world/types.js';
import { codeUri } from './rdf/codes.js';
import type { Fragment } from './rdf/node-writer.js';
import * as rdf from './rdf/statements.js';

/** A record plus the clinical notes apps have posted to it. */
export interface RecordData {
  record: PatientRecord;
  notes: readonly ClinicalNote[];
}

export interface Identified {
  id: string;
}

export interface Ref {
  model: Model<Identified>;
  item: Identified;
}

export interface Model<T extends Identified> {
  /** Local name of the sp: class. */
  type: string;
  /** URI path segment, e.g. `medications`. */
  segment: string;
  items(data: RecordData): readonly T[];
  /** Property path (as smart.owl's filters and sorts write it) → the comparable value. */
  values: Record<string, (item: T, data: RecordData) => string | undefined>;
  neighbours?(item: T, data: RecordData): Ref[];
  xml(item: T, c: rdf.UriContext): Fragment;
}

// Indexed by the items array itself: world records are immutable, and a record's notes array is
// rebuilt whenever an app posts a note, so a stale index can never be hit.
const index = new WeakMap<readonly Identified[], Map<string, Identified>>();

/** Finds a statement of a model by id. */
export function findById<T extends Identified>(model: Model<T>, data: RecordData, id: string): T | undefined {
  const items = model.items(data);
  let byId = index.get(items);
  if (!byId) index.set(items, (byId = new Map(items.map((item) => [item.id, item]))));
  return byId.get(id) as T | undefined;
}

const ref = <T extends Identified>(model: Model<T>, item: T | undefined): Ref[] => (item ? [{ model: model as unknown as Model<Identified>, item }] : []);

export const models = {} as {
  medication: Model<PatientRecord['medications'][number]>;
  fulfillment: Model<PatientRecord['fulfillments'][number]>;
  problem: Model<PatientRecord['problems'][number]>;
  allergy: Model<PatientRecord['allergies'][number]>;
  allergyExclusion: Model<PatientRecord['allergyExclusions'][number]>;
  labResult: Model<PatientRecord['labResults'][number]>;
  labPanel: Model<PatientRecord['labPanels'][number]>;
  encounter: Model<PatientRecord['encounters'][number]>;
  vitalSignSet: Model<PatientRecord['vitalSignSets'][number]>;
  immunization: Model<PatientRecord['immunizations'][number]>;
  procedure: Model<PatientRecord['procedures'][number]>;
  clinicalNote: Model<ClinicalNote>;
  familyHistory: Model<PatientRecord['familyHistory'][number]>;
};

models.encounter = {
  type: 'Encounter',
  segment: 'encounters',
  items: (d) => d.record.encounters,
  values: { 'sp:startDate': (e) => e.startDate },
  xml: rdf.encounterXml,
};

models.fulfillment = {
  type: 'Fulfillment',
  segment: 'fulfillments',
  items: (d) => d.record.fulfillments,
  values: { 'dcterms:date': (f) => f.date },
  // A fulfillment ships with its whole medication bundle: the medication links to every fill.
  neighbours: (f, d) => {
    const medication = findById(models.medication, d, f.medicationId);
    return [...ref(models.medication, medication), ...(medication?.fulfillmentIds ?? []).flatMap((id) => ref(models.fulfillment, findById(models.fulfillment, d, id)))];
  },
  xml: rdf.fulfillmentXml,
};

models.medication = {
  type: 'Medication',
  segment: 'medications',
  items: (d) => d.record.medications,
  values: { 'sp:startDate': (m) => m.startDate, 'sp:drugName/sp:code': (m) => codeUri('RxNorm_Semantic', m.drug) },
  neighbours: (m, d) => m.fulfillmentIds.flatMap((id) => ref(models.fulfillment, findById(models.fulfillment, d, id))),
  xml: rdf.medicationXml,
};

models.problem = {
  type: 'Problem',
  segment: 'problems',
  items: (d) => d.record.problems,
  values: { 'sp:startDate': (p) => p.startDate, 'sp:problemName/sp:code': (p) => codeUri('SNOMED', p.name) },
  neighbours: (p, d) => p.encounterIds.flatMap((id) => ref(models.encounter, findById(models.encounter, d, id))),
  xml: rdf.problemXml,
};

models.allergy = {
  type: 'Allergy',
  segment: 'allergies',
  items: (d) => d.record.allergies,
  values: { 'sp:startDate': (a) => a.startDate },
  xml: rdf.allergyXml,
};

models.allergyExclusion = {
  type: 'AllergyExclusion',
  segment: 'allergy_exclusions',
  items: (d) => d.record.allergyExclusions,
  values: { 'dcterms:date': (x) => x.date },
  xml: rdf.allergyExclusionXml,
};

models.labResult = {
  type: 'LabResult',
  segment: 'lab_results',
  items: (d) => d.record.labResults,
  values: { 'dcterms:date': (l) => l.date, 'sp:labName/sp:code': (l) => codeUri('LOINC', l.test) },
  xml: rdf.labResultXml,
};

models.labPanel = {
  type: 'LabPanel',
  segment: 'lab_panels',
  items: (d) => d.record.labPanels,
  values: {},
  neighbours: (p, d) => p.resultIds.flatMap((id) => ref(models.labResult, findById(models.labResult, d, id))),
  xml: rdf.labPanelXml,
};

models.vitalSignSet = {
  type: 'VitalSignSet',
  segment: 'vital_sign_sets',
  items: (d) => d.record.vitalSignSets,
  values: {
    'dcterms:date': (v) => v.date,
    'sp:encounter/sp:encounterType/sp:code': (v, d) => {
      const encounter = findById(models.encounter, d, v.encounterId);
      return encounter ? codeUri('EncounterType', encounter.type) : undefined;
    },
  },
  neighbours: (v, d) => ref(models.encounter, findById(models.encounter, d, v.encounterId)),
  xml: rdf.vitalSignSetXml,
};

models.immunization = {
  type: 'Immunization',
  segment: 'immunizations',
  items: (d) => d.record.immunizations,
  values: { 'dcterms:date': (i) => i.date },
  xml: rdf.immunizationXml,
};

models.procedure = {
  type: 'Procedure',
  segment: 'procedures',
  items: (d) => d.record.procedures,
  values: { 'dcterms:date': (p) => p.date, 'sp:procedureName/sp:code': (p) => codeUri('Procedure', p.name) },
  xml: rdf.procedureXml,
};

models.clinicalNote = {
  type: 'ClinicalNote',
  segment: 'clinical_notes',
  items: (d) => d.notes,
  values: { 'dcterms:date': (n) => n.date },
  xml: rdf.clinicalNoteXml,
};

models.familyHistory = {
  type: 'FamilyHistory',
  segment: 'family_history',
  items: (d) => d.record.familyHistory,
  values: {},
  xml: rdf.familyHistoryXml,
};

/** The model serving each ontology target type's list and single calls. */
export const MODEL_BY_TARGET: Record<string, Model<Identified>> = Object.fromEntries(
  [
    models.medication,
    models.fulfillment,
    models.problem,
    models.allergy,
    models.labResult,
    models.labPanel,
    models.encounter,
    models.vitalSignSet,
    models.immunization,
    models.procedure,
    models.clinicalNote,
    models.familyHistory,
  ].map((m) => [m.type, m as unknown as Model<Identified>]),
);
