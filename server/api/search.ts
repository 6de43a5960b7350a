// Patient search, shared by GET /records/search and the EMR's patient picker: case-insensitive
// prefix match on names and gender, exact match on birth date, MRN and ZIP code (protocol.md §4.1).
import type { PatientSummary } from '../world/types.js';
import type { World } from '../world/world.js';

export interface SearchCriteria {
  familyName?: string;
  givenName?: string;
  /** Matches either the given or the family name (the picker's single search box). */
  name?: string;
  gender?: string;
  birthDate?: string;
  mrn?: string;
  zipcode?: string;
}

/** Reads both spellings the clients used (date_of_birth from the JS client, birthday from the reference server). */
export function criteriaFromQuery(query: URLSearchParams): SearchCriteria {
  const get = (...names: string[]) => names.map((n) => query.get(n)).find((v) => v !== null && v.trim() !== '')?.trim();
  const criteria: SearchCriteria = {};
  const set = (key: keyof SearchCriteria, value: string | undefined) => {
    if (value !== undefined) criteria[key] = value;
  };
  set('familyName', get('family_name', 'familyName'));
  set('givenName', get('given_name', 'givenName'));
  set('gender', get('gender'));
  set('birthDate', get('date_of_birth', 'birthday'));
  set('mrn', get('medical_record_number'));
  set('zipcode', get('zipcode'));
  return criteria;
}

const compare = (a: PatientSummary, b: PatientSummary) =>
  a.demographics.familyName.localeCompare(b.demographics.familyName) || a.demographics.givenName.localeCompare(b.demographics.givenName) || a.id.localeCompare(b.id);

/** Lower-cased names per summary, computed once: search runs over every patient on each keystroke. */
const folded = new WeakMap<PatientSummary, { given: string; family: string; full: string }>();

function namesOf(summary: PatientSummary) {
  let names = folded.get(summary);
  if (!names) {
    const given = summary.demographics.givenName.toLowerCase();
    const family = summary.demographics.familyName.toLowerCase();
    folded.set(summary, (names = { given, family, full: `${given} ${family}` }));
  }
  return names;
}

/** Criteria with their text lower-cased once per search rather than once per patient. */
function fold(criteria: SearchCriteria): SearchCriteria {
  const out: SearchCriteria = { ...criteria };
  for (const key of ['familyName', 'givenName', 'name', 'gender'] as const) if (out[key] !== undefined) out[key] = out[key]!.toLowerCase();
  return out;
}

function matchesFolded(summary: PatientSummary, c: SearchCriteria): boolean {
  const d = summary.demographics;
  const names = namesOf(summary);
  if (c.familyName !== undefined && !names.family.startsWith(c.familyName)) return false;
  if (c.givenName !== undefined && !names.given.startsWith(c.givenName)) return false;
  if (c.gender !== undefined && !d.gender.startsWith(c.gender)) return false;
  if (c.name !== undefined && !names.given.startsWith(c.name) && !names.family.startsWith(c.name) && !names.full.startsWith(c.name)) return false;
  if (c.birthDate !== undefined && d.birthDate !== c.birthDate) return false;
  if (c.mrn !== undefined && d.mrn !== c.mrn) return false;
  if (c.zipcode !== undefined && d.address.postalCode !== c.zipcode) return false;
  return true;
}

/** A predicate for the criteria: names and gender by case-insensitive prefix, the rest exactly. */
export function matcher(criteria: SearchCriteria): (summary: PatientSummary) => boolean {
  const c = fold(criteria);
  return (summary) => matchesFolded(summary, c);
}

export function searchPatients(world: World, criteria: SearchCriteria): PatientSummary[] {
  return world.summaries.filter(matcher(criteria)).sort(compare);
}

export const searchRecords = (world: World, query: URLSearchParams): PatientSummary[] => searchPatients(world, criteriaFromQuery(query));
