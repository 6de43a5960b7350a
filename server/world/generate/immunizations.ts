// Immunizations (data-model.md §2.10, §5.8): children follow the 2013 CDC schedule, adults get a
// flu shot most autumns (high dose from 65), Tdap once, PPV23 from 65 and zoster from 60. About
// 5 % of offered doses are recorded as not administered, with a reason.
import { VACCINES } from '../catalogs/vaccines.js';
import { addDays, addYears, maxDay } from '../dates.js';
import type { Immunization } from '../types.js';
import { code, enumCode, REFERENCE_DATE, type PatientContext } from './context.js';

const CHILD_SCHEDULE: [number, string][] = [
  [2, '110'], [2, '116'], [2, '133'],
  [4, '110'], [4, '116'], [4, '133'],
  [6, '110'], [6, '116'], [6, '133'],
  [12, '03'], [12, '21'], [12, '83'], [15, '133'], [16, '20'], [18, '83'],
  [54, '20'], [54, '10'], [54, '03'], [54, '21'],
  [138, '115'], [138, '114'], [138, '62'], [140, '62'], [144, '62'],
];
const REFUSALS = ['patientOrParentRefused', 'providerDeferred', 'vaccineUnavailable', 'documentedImmunityOrPreviousDisease'];

function give(ctx: PatientContext, cvx: string, day: string): void {
  const { rng } = ctx;
  const vaccine = VACCINES[cvx]!;
  const refused = rng.chance(0.05);
  const immunization: Immunization = {
    id: ctx.nextId('i'),
    date: day,
    product: code(vaccine.cvx, vaccine.title),
    productClasses: vaccine.groups.map((g) => code(g.code, g.title)),
    administrationStatus: enumCode('ImmunizationAdministrationStatus', refused ? 'notAdministered' : 'doseGiven'),
  };
  if (refused) immunization.refusalReason = enumCode('ImmunizationRefusalReason', rng.pick(REFUSALS));
  ctx.record.immunizations.push(immunization);
}

export function addImmunizations(ctx: PatientContext): void {
  const { rng } = ctx;
  if (ctx.isChild) {
    for (const [months, cvx] of CHILD_SCHEDULE) {
      const day = addDays(ctx.birthDate, Math.round(months * 30.44) + rng.int(0, 10));
      if (day < REFERENCE_DATE && day >= ctx.followStart) give(ctx, cvx, day);
    }
    return;
  }
  const first = Number(ctx.followStart.slice(0, 4));
  for (let year = first; year <= 2012; year++) {
    const day = `${year}-${rng.pick(['09', '10', '10', '11', '12'])}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (day < ctx.followStart || !rng.chance(ctx.ageOn(day) >= 65 ? 0.8 : 0.55)) continue;
    give(ctx, ctx.ageOn(day) >= 65 ? '135' : rng.pick(['141', '140']), day);
  }
  if (rng.chance(0.7)) give(ctx, '115', addDays(ctx.followStart, rng.int(20, 900)));
  const at65 = addYears(ctx.birthDate, 65);
  if (at65 < REFERENCE_DATE) give(ctx, '33', addDays(maxDay(at65, ctx.followStart), rng.int(0, 300)));
  const at60 = maxDay(addYears(ctx.birthDate, 60), '2006-06-01'); // zoster vaccine licensed 2006
  if (at60 < REFERENCE_DATE && rng.chance(0.6)) give(ctx, '121', addDays(maxDay(at60, ctx.followStart), rng.int(0, 400)));
  ctx.record.immunizations = ctx.record.immunizations.filter((i) => i.date < REFERENCE_DATE);
}
