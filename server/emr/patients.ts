// The patient picker's data: one search box that understands a name prefix (given or family),
// a birth date (YYYY-MM-DD), a sex, a ZIP code (5 digits) or an MRN (7 digits), in any combination.
import { matcher, type SearchCriteria } from '../api/search.js';
import { ageOn } from '../world/dates.js';
import type { PatientSummary } from '../world/types.js';
import type { World } from '../world/world.js';

export interface PatientRow {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  gender: string;
  birthDate: string;
  age: number;
  mrn: string;
  zip: string;
}

export function criteriaFromBox(query: string): SearchCriteria {
  const criteria: SearchCriteria = {};
  const names: string[] = [];
  for (const token of query.trim().split(/\s+/).filter(Boolean)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(token)) criteria.birthDate = token;
    else if (/^(male|female|m|f)$/i.test(token)) criteria.gender = token.toLowerCase().startsWith('f') ? 'female' : 'male';
    else if (/^\d{5}$/.test(token)) criteria.zipcode = token;
    else if (/^\d{7}$/.test(token)) criteria.mrn = token;
    else names.push(token);
  }
  if (names.length > 0) criteria.name = names.join(' ');
  return criteria;
}

export function rowOf(summary: PatientSummary, today: string): PatientRow {
  const d = summary.demographics;
  return {
    id: summary.id,
    name: `${d.familyName}, ${d.givenName}`,
    givenName: d.givenName,
    familyName: d.familyName,
    gender: d.gender,
    birthDate: d.birthDate,
    age: ageOn(d.birthDate, today),
    mrn: d.mrn,
    zip: d.address.postalCode,
  };
}

const byName = (a: PatientSummary, b: PatientSummary) =>
  a.demographics.familyName.localeCompare(b.demographics.familyName) || a.demographics.givenName.localeCompare(b.demographics.givenName) || a.id.localeCompare(b.id);

/** Sorted by name, as the reference's list; the sorted order is computed once per world. */
const sortedCache = new WeakMap<World, PatientSummary[]>();

/** The world's patients in name order, sorted once per world. */
function sortedByName(world: World): PatientSummary[] {
  let sorted = sortedCache.get(world);
  if (!sorted) sortedCache.set(world, (sorted = [...world.summaries].sort(byName)));
  return sorted;
}

export function searchPicker(world: World, query: string, limit: number): { total: number; rows: PatientRow[] } {
  const sorted = sortedByName(world);
  const criteria = criteriaFromBox(query);
  const found = Object.keys(criteria).length === 0 ? sorted : sorted.filter(matcher(criteria));
  return { total: found.length, rows: found.slice(0, limit).map((s) => rowOf(s, world.today)) };
}

/** The patients before and after `id` in name order, for the banner's arrows. */
export function neighbours(world: World, id: string): { previous?: string; next?: string } {
  const sorted = sortedByName(world);
  const index = sorted.findIndex((s) => s.id === id);
  if (index < 0) return {};
  const previous = sorted[(index - 1 + sorted.length) % sorted.length]!.id;
  const next = sorted[(index + 1) % sorted.length]!.id;
  return { previous, next };
}
