// Visits: the backbone every other layer hangs on. Adults are seen 2–4 times a year over 5–10
// years; children follow the well-child schedule. Each visit is one Encounter; vital signs, labs,
// problem onsets, procedures and notes all happen at visits (data-model.md §5.2, §5.3).
import { addDays, addYears, atTime, maxDay } from '../dates.js';
import { CLINICS, HOSPITAL, PEDIATRIC_CLINIC, PEDIATRICS, PRIMARY_CARE, SPECIALISTS } from '../catalogs/people.js';
import { enumCode, REFERENCE_DATE, type PatientContext, type Visit } from './context.js';

const WELL_CHILD_MONTHS = [0.5, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36];
const EARLIEST_VISIT = '2003-01-01';

export function chooseCareTeam(ctx: PatientContext): void {
  const { rng } = ctx;
  ctx.primaryProvider = ctx.isChild ? rng.pick(PEDIATRICS) : rng.pick(PRIMARY_CARE);
  ctx.clinic = ctx.isChild ? PEDIATRIC_CLINIC : rng.pick(CLINICS);
}

/** Adds one visit (encounter) on `day`; returns it. */
export function addVisit(ctx: PatientContext, day: string, kind: Visit['kind'], options: { type?: string; febrile?: boolean } = {}): Visit {
  const { rng } = ctx;
  const minute = 8 * 60 + 30 + 15 * rng.int(0, 32); // 08:30–16:30 in 15-minute slots
  const type = options.type ?? (kind === 'inpatient' ? 'inpatient' : rng.weighted([{ weight: 97, value: 'ambulatory' }, { weight: 2, value: 'virtual' }, { weight: 1, value: 'home' }]));
  const start = atTime(day, Math.floor(minute / 60), minute % 60);
  const end =
    type === 'inpatient'
      ? atTime(addDays(day, rng.int(2, 6)), rng.int(9, 15), 0)
      : atTime(day, Math.floor((minute + 20 + 5 * rng.int(0, 4)) / 60), (minute + 20 + 5 * rng.int(0, 4)) % 60);
  const specialist = type === 'inpatient' || type === 'emergency';
  const visit: Visit = {
    day,
    minute,
    kind,
    encounter: {
      id: ctx.nextId('e'),
      startDate: start,
      endDate: end,
      type: enumCode('EncounterType', type),
      facility: specialist ? HOSPITAL : ctx.clinic,
      provider: specialist ? rng.pick(SPECIALISTS) : ctx.primaryProvider,
    },
  };
  if (options.febrile) visit.febrile = true;
  ctx.visits.push(visit);
  return visit;
}

export function scheduleRoutineVisits(ctx: PatientContext): void {
  const { rng } = ctx;
  if (ctx.isChild) {
    const schedule: string[] = WELL_CHILD_MONTHS.map((m) => addDays(ctx.birthDate, Math.round(m * 30.44)));
    for (let age = 4; age <= 17; age++) schedule.push(addDays(addYears(ctx.birthDate, age), rng.int(-20, 60)));
    const from = maxDay(ctx.birthDate, addYears(REFERENCE_DATE, -rng.int(5, 8)));
    ctx.followStart = from;
    for (const day of schedule) if (day >= from && day < REFERENCE_DATE) addVisit(ctx, day, 'wellChild');
    return;
  }
  const years = rng.int(5, 10);
  ctx.followStart = maxDay(maxDay(addYears(ctx.birthDate, 18), EARLIEST_VISIT), addYears(REFERENCE_DATE, -years));
  let day = addDays(ctx.followStart, rng.int(0, 60));
  let lastAnnualYear = '';
  while (day < addDays(REFERENCE_DATE, -7)) {
    const visit = addVisit(ctx, day, 'routine');
    if (day.slice(0, 4) !== lastAnnualYear) {
      visit.annual = true;
      lastAnnualYear = day.slice(0, 4);
    }
    // Sicker patients are seen more often.
    const gap = ctx.plan.archetypes.length >= 3 ? rng.int(70, 150) : rng.int(90, 200);
    day = addDays(day, gap);
  }
}

/** A random day within the follow-up period, at least `marginDays` before the reference date. */
export function dayInFollowUp(ctx: PatientContext, from = ctx.followStart, marginDays = 8): string {
  const lastDay = addDays(REFERENCE_DATE, -marginDays);
  if (from >= lastDay) return lastDay;
  const span = Math.round((Date.parse(lastDay) - Date.parse(from)) / 86_400_000);
  return addDays(from, ctx.rng.int(0, span));
}

/** Visits sorted by start; called after all visits exist. */
export function sortVisits(ctx: PatientContext): void {
  ctx.visits.sort((a, b) => (a.encounter.startDate < b.encounter.startDate ? -1 : a.encounter.startDate > b.encounter.startDate ? 1 : 0));
}

