// Family history (data-model.md §2.15). Children get both parents with heights, for the growth
// charts' mid-parental height; about half of adults get one to three relatives with conditions
// that echo their own archetypes.
import { FAMILY_PROBLEMS, RELATIVES } from '../catalogs/problems.js';
import { addDays, addYears } from '../dates.js';
import type { Code, FamilyHistory } from '../types.js';
import { code, REFERENCE_DATE, type PatientContext } from './context.js';

type RelativeKey = keyof typeof RELATIVES;

function relative(ctx: PatientContext, key: RelativeKey, yearsOlder: number, problems: Code[]): FamilyHistory {
  const { rng } = ctx;
  const r = RELATIVES[key];
  const birthDate = addDays(addYears(ctx.birthDate, -yearsOlder), rng.int(-150, 150));
  const entry: FamilyHistory = { id: ctx.nextId('fh'), relative: code(r.code, r.title), birthDate, problems };
  const ageNow = Number(REFERENCE_DATE.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (ageNow > 70 && rng.chance(0.5)) {
    const death = addDays(addYears(birthDate, rng.int(66, Math.min(ageNow, 92))), rng.int(0, 300));
    if (death < REFERENCE_DATE) entry.deathDate = death;
  }
  return entry;
}

export function addFamilyHistory(ctx: PatientContext): void {
  const { rng } = ctx;
  const problem = (snomed: string) => code(snomed, FAMILY_PROBLEMS[snomed]!);
  if (ctx.isChild) {
    const father = relative(ctx, 'father', rng.int(24, 40), rng.chance(0.2) ? [problem('195967001')] : []);
    father.heightCm = rng.clippedNormal(177, 7, 160, 198).toFixed(1);
    const mother = relative(ctx, 'mother', rng.int(22, 38), []);
    mother.heightCm = rng.clippedNormal(163, 6.5, 148, 183).toFixed(1);
    ctx.record.familyHistory.push(father, mother);
    return;
  }
  if (!rng.chance(0.5)) return;
  const echoes: string[] = [];
  if (ctx.has('diabetes')) echoes.push('44054006');
  if (ctx.has('coronary') || ctx.has('hyperlipidemia')) echoes.push('56265001');
  if (ctx.has('hypertension')) echoes.push('38341003');
  if (ctx.has('breastCancer')) echoes.push('254837009');
  const pool = Object.keys(FAMILY_PROBLEMS);
  const keys: RelativeKey[] = ['father', 'mother', 'brother', 'sister'];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    const older = key === 'father' || key === 'mother' ? rng.int(20, 40) : rng.int(-8, 8);
    const own = new Set<string>();
    if (echoes.length > 0 && rng.chance(0.6)) own.add(rng.pick(echoes));
    if (rng.chance(0.5)) own.add(rng.pick(pool));
    ctx.record.familyHistory.push(relative(ctx, key, older, [...own].map(problem)));
  }
}
