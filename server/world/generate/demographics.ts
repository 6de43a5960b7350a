// Demographics from their own random stream, so the patient list of a large world can be built
// without generating every clinical record (data-model.md §2.1, §5.2).
import { addDays, addYears } from '../dates.js';
import { Rng } from '../random.js';
import type { RosterRow } from '../roster.js';
import type { Demographics } from '../types.js';
import { REFERENCE_DATE } from './context.js';

const RACES = [
  { weight: 70, value: 'White' },
  { weight: 13, value: 'Black or African American' },
  { weight: 6, value: 'Asian' },
  { weight: 2, value: 'American Indian or Alaska Native' },
  { weight: 4, value: 'Other Race' },
  { weight: 5, value: undefined },
];

/** Draws a birth date so the age on the reference date falls in the roster row's band. */
function birthDateFor(rng: Rng, row: RosterRow): string {
  if (row.band.infant) return addDays(REFERENCE_DATE, -rng.int(60, 700));
  const latest = addYears(REFERENCE_DATE, -row.band.min);
  const earliest = addDays(addYears(REFERENCE_DATE, -(row.band.max + 1)), 1);
  const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / 86_400_000);
  return addDays(earliest, rng.int(0, span));
}

export function generateDemographics(seed: number, index: number, recordId: string, row: RosterRow): Demographics {
  const rng = new Rng('demographics', [seed, index, 1]);
  const f = rng.faker;
  const sex = row.sex;
  const givenName = f.person.firstName(sex);
  const familyName = f.person.lastName();
  const birthDate = birthDateFor(rng, row);
  const race = rng.weighted(RACES);
  const hispanic = rng.chance(race === 'White' || race === 'Other Race' ? 0.18 : 0.04);
  const demographics: Demographics = {
    givenName,
    familyName,
    gender: sex,
    birthDate,
    mrn: recordId,
    address: {
      street: f.location.streetAddress(),
      city: f.location.city(),
      region: f.location.state({ abbreviated: true }),
      postalCode: f.location.zipCode('#####'),
      country: 'USA',
    },
    homePhone: f.helpers.replaceSymbols('800-555-####'),
    email: f.internet.email({ firstName: givenName, lastName: familyName, provider: 'example.com' }).toLowerCase(),
    preferredLanguage: hispanic && rng.chance(0.4) ? 'Spanish' : 'English',
  };
  if (rng.chance(0.6)) demographics.additionalName = f.person.middleName(sex).charAt(0);
  if (rng.chance(0.3)) demographics.address.extended = f.location.secondaryAddress();
  if (rng.chance(0.6)) demographics.cellPhone = f.helpers.replaceSymbols('800-555-####');
  if (race) demographics.race = race;
  demographics.ethnicity = hispanic ? 'Hispanic or Latino' : 'Not Hispanic or Latino';
  if (row.band.max <= 4) demographics.gestationalAgeWeeks = rng.clippedNormal(39, 1.4, 33, 42).toFixed(1);
  return demographics;
}
