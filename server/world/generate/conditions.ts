// Problems and the prescriptions that treat them. Chronic archetypes get a problem with an onset,
// then therapy that starts on or after it; acute episodes get a visit, a resolved problem and,
// when bacterial, a short antibiotic course chosen around the patient's allergies.
import { DRUG_CLASSES, DRUGS, type DrugClass } from '../catalogs/medications.js';
import { PROBLEMS } from '../catalogs/problems.js';
import { PHARMACIES } from '../catalogs/people.js';
import { addDays, daysBetween, maxDay, minDay } from '../dates.js';
import type { Archetype } from '../roster.js';
import type { Medication, Problem } from '../types.js';
import { code, enumCode, REFERENCE_DATE, type PatientContext, type Visit } from './context.js';
import { addVisit, dayInFollowUp } from './timeline.js';

interface ChronicPlan {
  /** Weighted SNOMED alternatives for the problem. */
  problem: { weight: number; value: string }[];
  /** Youngest plausible age at onset. */
  minOnsetAge: number;
  /** Lines of therapy; each line is a choice of drug classes, `null` meaning "no drug". */
  therapy: { classes: DrugClass[]; probability: number }[];
}

const one = (snomed: string) => [{ weight: 1, value: snomed }];

const CHRONIC: Partial<Record<Archetype, ChronicPlan>> = {
  hypertension: {
    problem: [{ weight: 3, value: '38341003' }, { weight: 1, value: '1201005' }],
    minOnsetAge: 25,
    therapy: [
      { classes: ['aceInhibitor', 'thiazide', 'calciumBlocker', 'arb'], probability: 0.95 },
      { classes: ['thiazide', 'calciumBlocker', 'betaBlocker'], probability: 0.4 },
    ],
  },
  hyperlipidemia: { problem: [{ weight: 3, value: '55822004' }, { weight: 1, value: '267432004' }], minOnsetAge: 30, therapy: [{ classes: ['statin'], probability: 0.9 }] },
  diabetes: {
    problem: one('44054006'),
    minOnsetAge: 30,
    therapy: [
      { classes: ['metformin'], probability: 1 },
      { classes: ['sulfonylurea'], probability: 0.4 },
    ],
  },
  coronary: {
    problem: [{ weight: 2, value: '53741008' }, { weight: 1, value: '413838009' }],
    minOnsetAge: 40,
    therapy: [
      { classes: ['antiplatelet'], probability: 1 },
      { classes: ['betaBlocker'], probability: 0.9 },
      { classes: ['nitrate'], probability: 0.7 },
      { classes: ['statin'], probability: 1 },
    ],
  },
  heartFailure: {
    problem: one('42343007'),
    minOnsetAge: 50,
    therapy: [
      { classes: ['heartFailureBeta'], probability: 1 },
      { classes: ['loopDiuretic'], probability: 1 },
      { classes: ['aceInhibitor', 'arb'], probability: 0.9 },
    ],
  },
  atrialFibrillation: {
    problem: one('49436004'),
    minOnsetAge: 50,
    therapy: [
      { classes: ['anticoagulant'], probability: 1 },
      { classes: ['rateControl', 'betaBlocker'], probability: 0.9 },
    ],
  },
  copd: { problem: one('13645005'), minOnsetAge: 40, therapy: [{ classes: ['copdMaintenance'], probability: 1 }, { classes: ['rescueInhaler'], probability: 1 }] },
  asthma: { problem: one('195967001'), minOnsetAge: 3, therapy: [{ classes: ['rescueInhaler'], probability: 1 }, { classes: ['controllerAsthma'], probability: 0.5 }] },
  hypothyroid: { problem: one('40930008'), minOnsetAge: 18, therapy: [{ classes: ['thyroid'], probability: 1 }] },
  depression: { problem: one('35489007'), minOnsetAge: 16, therapy: [{ classes: ['antidepressant'], probability: 0.85 }, { classes: ['sleep'], probability: 0.3 }] },
  anxiety: { problem: one('48694002'), minOnsetAge: 16, therapy: [{ classes: ['antidepressant', 'anxiolytic'], probability: 0.8 }] },
  gerd: { problem: one('235595009'), minOnsetAge: 20, therapy: [{ classes: ['ppi'], probability: 0.9 }] },
  osteoarthritis: { problem: one('396275006'), minOnsetAge: 45, therapy: [{ classes: ['nsaid'], probability: 0.6 }] },
  backPain: { problem: one('279039007'), minOnsetAge: 20, therapy: [{ classes: ['nsaid'], probability: 0.5 }] },
  ckd: { problem: one('433144002'), minOnsetAge: 45, therapy: [] },
  breastCancer: { problem: one('254837009'), minOnsetAge: 40, therapy: [] },
  prostateCancer: { problem: one('399068003'), minOnsetAge: 50, therapy: [] },
  adhd: { problem: one('406506008'), minOnsetAge: 5, therapy: [] },
};

function addProblem(ctx: PatientContext, snomed: string, startDate: string, options: { endDate?: string; active?: boolean; visit?: Visit; notes?: string } = {}): Problem {
  const title = PROBLEMS[snomed];
  if (!title) throw new Error(`no SNOMED title for ${snomed}`);
  const problem: Problem = { id: ctx.nextId('p'), name: code(snomed, title), startDate, encounterIds: options.visit ? [options.visit.encounter.id] : [] };
  if (options.endDate) {
    problem.endDate = options.endDate;
    if (ctx.rng.chance(0.7)) problem.status = enumCode('ProblemStatus', '413322009');
  } else if (options.active !== false && ctx.rng.chance(0.8)) {
    problem.status = enumCode('ProblemStatus', '55561003');
  }
  if (options.notes) problem.notes = options.notes;
  ctx.record.problems.push(problem);
  return problem;
}

function allowed(ctx: PatientContext, rxcui: string): boolean {
  return DRUGS[rxcui]!.ingredients.every((i) => !ctx.excludedIngredients.has(i));
}

/** Picks a drug of one of the classes the patient may take and is not already taking. */
function pickDrug(ctx: PatientContext, classes: readonly DrugClass[]): { rxcui: string; drugClass: DrugClass } | undefined {
  const options = classes.flatMap((c) =>
    DRUG_CLASSES[c].filter((rx) => allowed(ctx, rx) && !ctx.therapies.some((t) => t.drugClass === c && !t.end)).map((rxcui) => ({ rxcui, drugClass: c })),
  );
  return options.length > 0 ? ctx.rng.pick(options) : undefined;
}

/** Adds a prescription with its fills: first fill on the start date, refills after supply × U(0.9, 1.25) (§5.3). */
export function prescribe(ctx: PatientContext, rxcui: string, drugClass: string, start: string, end: string | undefined, indication: Problem | undefined): Medication {
  const drug = DRUGS[rxcui]!;
  const { rng } = ctx;
  const medication: Medication = {
    id: ctx.nextId('m'),
    drug: code(drug.rxcui, drug.title),
    startDate: start,
    instructions: drug.instructions,
    fulfillmentIds: [],
  };
  if (end) medication.endDate = end;
  if (drug.quantity) medication.quantity = { value: drug.quantity[0], unit: drug.quantity[1] };
  if (drug.frequency) medication.frequency = { value: drug.frequency[0], unit: drug.frequency[1] };
  if (indication) medication.indicationId = indication.id;
  const supply = rng.pick(drug.supply);
  const pharmacy = rng.pick(PHARMACIES);
  const pbm = `T${rng.digits(14)}`;
  const stop = minDay(end ?? REFERENCE_DATE, REFERENCE_DATE);
  // Courses of ten days or less (antibiotics, tapers) are dispensed once.
  const singleFill = supply <= 10;
  for (let day = start; day <= stop; day = addDays(day, Math.round(supply * rng.float(0.9, 1.25)))) {
    const id = ctx.nextId('f');
    const perDay = drug.quantity && drug.frequency ? Number(drug.quantity[0]) * Number(drug.frequency[0]) / (drug.frequency[1] === '/wk' ? 7 : 1) : 0;
    const dispensed = drug.dispensed ?? (perDay > 0 ? [String(Math.round(perDay * supply)), drug.quantity![1]] : undefined);
    ctx.record.fulfillments.push({
      id,
      medicationId: medication.id,
      date: day,
      dispenseDaysSupply: supply,
      ...(dispensed ? { quantityDispensed: { value: dispensed[0], unit: dispensed[1] } } : {}),
      pharmacy,
      provider: ctx.primaryProvider,
      pbm,
    });
    medication.fulfillmentIds.push(id);
    if (singleFill) break;
  }
  ctx.record.medications.push(medication);
  ctx.therapies.push({ rxcui, drugClass, start, ...(end ? { end } : {}) });
  return medication;
}

/** A chronic prescription covering about 2–12 fills before the reference date, never before onset. */
function chronicCourse(ctx: PatientContext, problem: Problem, classes: readonly DrugClass[]): void {
  const choice = pickDrug(ctx, classes);
  if (!choice) return;
  const { rng } = ctx;
  const supply = DRUGS[choice.rxcui]!.supply[0]!;
  const earliest = addDays(problem.startDate, rng.int(0, 30));
  const byFills = addDays(REFERENCE_DATE, -Math.round(rng.int(2, 12) * supply * 1.07));
  const start = minDay(maxDay(earliest, byFills), addDays(REFERENCE_DATE, -7));
  // A quarter of chronic therapies replaced an earlier drug of the same class (dose change, side effects).
  if (rng.chance(0.25) && daysBetween(earliest, start) > 120) {
    const previous = pickDrug(ctx, [choice.drugClass]);
    if (previous) {
      const previousStart = maxDay(earliest, addDays(start, -rng.int(150, 700)));
      prescribe(ctx, previous.rxcui, previous.drugClass, previousStart, addDays(start, -1), problem);
    }
  }
  prescribe(ctx, choice.rxcui, choice.drugClass, start, undefined, problem);
}

/** Onset: at an early visit (linked to its encounter) or before follow-up started. */
function chooseOnset(ctx: PatientContext, plan: ChronicPlan): { day: string; visit?: Visit } {
  const { rng } = ctx;
  const earliest = addDays(ctx.birthDate, Math.round(plan.minOnsetAge * 365.25));
  const routine = ctx.visits.filter((v) => v.day >= earliest && v.kind !== 'acute');
  if (routine.length > 0 && rng.chance(0.6)) {
    const visit = routine[rng.int(0, Math.max(0, Math.floor(routine.length * 0.6) - 1))]!;
    return { day: visit.day, visit };
  }
  const before = addDays(ctx.followStart, -rng.int(30, 2500));
  return { day: maxDay(maxDay(before, earliest), '1995-01-01') };
}

export function addChronicConditions(ctx: PatientContext): void {
  for (const archetype of ctx.plan.archetypes) {
    const plan = CHRONIC[archetype];
    if (!plan) continue;
    const onset = chooseOnset(ctx, plan);
    ctx.onsets.set(archetype, onset.day);
    const problem = addProblem(ctx, ctx.rng.weighted(plan.problem), onset.day, onset.visit ? { visit: onset.visit } : {});
    if (archetype === 'coronary' && ctx.rng.chance(0.4)) {
      addProblem(ctx, '22298006', onset.day, { endDate: addDays(onset.day, 28), ...(onset.visit ? { visit: onset.visit } : {}) });
    }
    for (const line of plan.therapy) {
      if (ctx.rng.chance(line.probability)) chronicCourse(ctx, problem, line.classes);
    }
  }
  if (ctx.smoker === 'current' && !ctx.isChild) addProblem(ctx, '89765005', dayInFollowUp(ctx, addDays(ctx.followStart, -400)));
  if (!ctx.isChild && ctx.rng.chance(0.12)) {
    const rhinitis = addProblem(ctx, '61582004', dayInFollowUp(ctx));
    chronicCourse(ctx, rhinitis, ['antihistamine']);
  }
}

interface AcuteEpisode {
  snomed: string;
  weight: number;
  fits: (age: number, ctx: PatientContext) => boolean;
  antibiotics: string[];
  febrile: boolean;
  emergency: number;
}

const ACUTE: AcuteEpisode[] = [
  { snomed: '54150009', weight: 5, fits: () => true, antibiotics: [], febrile: true, emergency: 0.02 },
  { snomed: '65363002', weight: 6, fits: (age) => age < 12, antibiotics: ['308189'], febrile: true, emergency: 0.05 },
  { snomed: '91487003', weight: 4, fits: (age) => age < 2, antibiotics: [], febrile: false, emergency: 0 },
  { snomed: '14760008', weight: 1, fits: (age) => age < 12, antibiotics: [], febrile: false, emergency: 0 },
  { snomed: '36971009', weight: 3, fits: (age) => age >= 12, antibiotics: ['308194', '562508', '199026'], febrile: true, emergency: 0.02 },
  { snomed: '10509002', weight: 3, fits: (age) => age >= 18, antibiotics: ['199026'], febrile: true, emergency: 0.05 },
  { snomed: '68566005', weight: 2, fits: (age, ctx) => age >= 18 && ctx.sex === 'female', antibiotics: ['309309', '309114'], febrile: false, emergency: 0.05 },
  { snomed: '29857009', weight: 2, fits: (age) => age >= 30, antibiotics: [], febrile: false, emergency: 0.9 },
  { snomed: '25064002', weight: 1, fits: (age) => age >= 12, antibiotics: [], febrile: false, emergency: 0.1 },
  { snomed: '21522001', weight: 1, fits: (age) => age >= 5, antibiotics: [], febrile: false, emergency: 0.3 },
  { snomed: '49727002', weight: 1, fits: () => true, antibiotics: [], febrile: false, emergency: 0 },
];

/** Days before the reference date by which an acute episode and its treatment are over. */
const ACUTE_MARGIN = 30;

export function addAcuteEpisodes(ctx: PatientContext): void {
  const { rng } = ctx;
  const count = ctx.isChild ? rng.int(2, 6) : rng.int(1, 5);
  for (let i = 0; i < count; i++) {
    // One visit a day: re-draw a day that already has one.
    // Episodes end before the reference date, so nothing in the world lies in its future.
    let day = dayInFollowUp(ctx, ctx.followStart, ACUTE_MARGIN);
    for (let tries = 0; tries < 5 && ctx.visits.some((v) => v.day === day); tries++) day = dayInFollowUp(ctx, ctx.followStart, ACUTE_MARGIN);
    const age = ctx.ageOn(day);
    const candidates = ACUTE.filter((e) => e.fits(age, ctx));
    const episode = rng.weighted(candidates.map((e) => ({ weight: e.weight, value: e })));
    const emergency = rng.chance(episode.emergency);
    const visit = addVisit(ctx, day, 'acute', { ...(emergency ? { type: 'emergency' } : {}), febrile: episode.febrile });
    const problem = addProblem(ctx, episode.snomed, day, { endDate: addDays(day, rng.int(5, 21)), visit });
    const antibiotic = episode.antibiotics.filter((rx) => allowed(ctx, rx));
    if (antibiotic.length > 0) {
      const rxcui = rng.pick(antibiotic);
      prescribe(ctx, rxcui, 'antibiotic', day, addDays(day, DRUGS[rxcui]!.supply[0]! - 1), problem);
    }
  }
  // Chronic lung disease flares: a steroid taper, sometimes with an admission.
  if ((ctx.has('copd') || ctx.has('asthma')) && rng.chance(0.6)) {
    const day = dayInFollowUp(ctx, ctx.followStart, ACUTE_MARGIN);
    const inpatient = ctx.has('copd') && rng.chance(0.5);
    const visit = addVisit(ctx, day, inpatient ? 'inpatient' : 'acute', { ...(inpatient ? {} : { type: 'emergency' }), febrile: true });
    const problem = addProblem(ctx, '10509002', day, { endDate: addDays(day, rng.int(10, 21)), visit, notes: 'Exacerbation of chronic airway disease' });
    prescribe(ctx, '312615', 'steroid', day, addDays(day, 4), problem);
  }
  if ((ctx.has('heartFailure') || ctx.has('coronary')) && rng.chance(0.5)) {
    const day = dayInFollowUp(ctx, ctx.onsets.get(ctx.has('heartFailure') ? 'heartFailure' : 'coronary') ?? ctx.followStart, ACUTE_MARGIN);
    const visit = addVisit(ctx, day, 'inpatient');
    addProblem(ctx, '29857009', day, { endDate: addDays(day, rng.int(3, 10)), visit, notes: 'Admitted for evaluation; ruled out acute coronary syndrome' });
  }
}
