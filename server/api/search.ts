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

export function matches(summary: PatientSummary, criteria: SearchCriteria): boolean {
  const d = summary.demographics;
  const prefix = (value: string, wanted: string | undefined) => wanted === undefined || value.toLowerCase().startsWith(wanted.toLowerCase());
  if (!prefix(d.familyName, criteria.familyName) || !prefix(d.givenName, criteria.givenName) || !prefix(d.gender, criteria.gender)) return false;
  if (criteria.name !== undefined && !prefix(d.givenName, criteria.name) && !prefix(d.familyName, criteria.name) && !prefix(`${d.givenName} ${d.familyName}`, criteria.name)) return false;
  if (criteria.birthDate !== undefined && d.birthDate !== criteria.birthDate) return false;
  if (criteria.mrn !== undefined && d.mrn !== criteria.mrn) return false;
  if (criteria.zipcode !== undefined && d.address.postalCode !== criteria.zipcode) return false;
  return true;
}

export function searchPatients(world: World, criteria: SearchCriteria): PatientSummary[] {
  return world.summaries.filter((s) => matches(s, criteria)).sort(compare);
}

export const searchRecords = (world: World, query: URLSearchParams): PatientSummary[] => searchPatients(world, criteriaFromQuery(query));
