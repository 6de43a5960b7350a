// Allergies or an explicit "no known allergies" (data-model.md §2.5, §5.9): about 80 % of patients
// get the exclusion, a few "no known drug allergy", the rest one or two allergies with exactly one
// allergen property each. Drug allergies exclude the drug from later prescribing.
import { ALLERGENS } from '../catalogs/allergens.js';
import { addDays, addYears, maxDay } from '../dates.js';
import type { Allergy } from '../types.js';
import { code, enumCode, REFERENCE_DATE, type PatientContext } from './context.js';

const SEVERITIES = [
  { weight: 40, value: '255604002' }, // Mild
  { weight: 35, value: '6736007' }, // Moderate
  { weight: 20, value: '24484000' }, // Severe
  { weight: 5, value: '442452003' }, // Life threatening
];

export function addAllergies(ctx: PatientContext): void {
  const { rng } = ctx;
  const outcome = rng.weighted([
    { weight: 80, value: 'none' as const },
    { weight: 3, value: 'noDrug' as const },
    { weight: 17, value: 'allergic' as const },
  ]);
  const recorded = maxDay(ctx.followStart, addDays(ctx.birthDate, 30));
  if (outcome !== 'allergic' || ctx.ageOn(REFERENCE_DATE) < 1) {
    ctx.record.allergyExclusions.push({
      id: ctx.nextId('x'),
      date: recorded,
      name: enumCode('AllergyExclusion', outcome === 'noDrug' ? '409137002' : '160244002'),
    });
    return;
  }
  const count = rng.chance(0.3) ? 2 : 1;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, ALLERGENS.length - 1));
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const allergen = ALLERGENS[index]!;
    const earliest = addYears(ctx.birthDate, 1);
    const span = Math.max(1, Math.round((Date.parse(REFERENCE_DATE) - Date.parse(earliest)) / 86_400_000) - 30);
    const anaphylaxis = allergen.reaction.code === '39579001';
    const allergy: Allergy = {
      id: ctx.nextId('a'),
      startDate: addDays(earliest, rng.int(0, span)),
      category: enumCode('AllergyCategory', allergen.category),
      allergenKind: allergen.kind,
      allergen: code(allergen.code, allergen.title),
      reaction: code(allergen.reaction.code, allergen.reaction.title),
      severity: enumCode('AllergySeverity', anaphylaxis ? rng.pick(['24484000', '442452003']) : rng.weighted(SEVERITIES)),
    };
    ctx.record.allergies.push(allergy);
    for (const ingredient of allergen.excludes) ctx.excludedIngredients.add(ingredient);
  }
}
