// Builds one patient record from (seed, index): the roster row gives sex, age band and archetypes;
// two seeded faker streams give demographics and the clinical history. The same inputs always give
// the same record, on any machine, so records can be generated lazily and in any order.
import { rosterRow } from '../roster.js';
import { Rng } from '../random.js';
import type { PatientRecord, PatientSummary } from '../types.js';
import { addAllergies } from './allergies.js';
import { addAcuteEpisodes, addChronicConditions } from './conditions.js';
import { PatientContext } from './context.js';
import { generateDemographics } from './demographics.js';
import { addFamilyHistory } from './family.js';
import { addImmunizations } from './immunizations.js';
import { addLabs } from './labs.js';
import { addClinicalNotes } from './notes.js';
import { addProcedures } from './procedures.js';
import { addSocialHistory } from './social.js';
import { chooseCareTeam, scheduleRoutineVisits, sortVisits } from './timeline.js';
import { addVitalSigns } from './vitals.js';

export { REFERENCE_DATE } from './context.js';

/** Bumped whenever the generator's output changes, and recorded in the fixtures manifest. */
export const GENERATOR_VERSION = 1;

// Record ids are 7-digit strings that look random but are a bijection of the index, so every
// index has its own id without global bookkeeping: id = 1000000 + (a·(index+1) + b) mod 9000000,
// with a coprime to 9000000.
const ID_MULTIPLIER = 7_654_321;
const ID_SPACE = 9_000_000;

export function recordIdFor(seed: number, index: number): string {
  const offset = seed % ID_SPACE;
  return String(1_000_000 + ((ID_MULTIPLIER * (index + 1) + offset) % ID_SPACE));
}

export function generateSummary(seed: number, index: number): PatientSummary {
  const id = recordIdFor(seed, index);
  return { id, index, demographics: generateDemographics(seed, index, id, rosterRow(index)) };
}

const byDate = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function generatePatient(seed: number, index: number): PatientRecord {
  const summary = generateSummary(seed, index);
  const plan = rosterRow(index);
  const record: PatientRecord = {
    id: summary.id,
    archetypes: [...plan.archetypes],
    demographics: summary.demographics,
    problems: [],
    medications: [],
    fulfillments: [],
    allergies: [],
    allergyExclusions: [],
    labResults: [],
    labPanels: [],
    encounters: [],
    vitalSignSets: [],
    immunizations: [],
    procedures: [],
    socialHistory: { smokingStatus: { code: '', title: '' } },
    clinicalNotes: [],
    familyHistory: [],
  };
  const ctx = new PatientContext(new Rng('clinical', [seed, index, 2]), plan, record);
  chooseCareTeam(ctx);
  scheduleRoutineVisits(ctx);
  addSocialHistory(ctx);
  addAllergies(ctx);
  addChronicConditions(ctx);
  addAcuteEpisodes(ctx);
  sortVisits(ctx);
  addVitalSigns(ctx);
  addLabs(ctx);
  addImmunizations(ctx);
  addProcedures(ctx);
  addFamilyHistory(ctx);
  addClinicalNotes(ctx);

  record.encounters = ctx.visits.map((v) => v.encounter);
  // Chronological order makes the fixture files readable; the API sorts on its own.
  record.problems.sort(byDate((p) => p.startDate));
  record.medications.sort(byDate((m) => m.startDate));
  record.fulfillments.sort(byDate((f) => f.date));
  record.labResults.sort(byDate((l) => l.date));
  record.vitalSignSets.sort(byDate((v) => v.date));
  record.immunizations.sort(byDate((i) => i.date));
  record.procedures.sort(byDate((p) => p.date));
  return record;
}
