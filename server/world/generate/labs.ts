// Laboratory results and panels, drawn on visit days (data-model.md §2.6–2.7, §5.3–5.4). Which
// tests are drawn follows the archetypes (lipids for hyperlipidemia, A1c every few months for
// diabetes, TSH for hypothyroidism, INR for warfarin), and values follow the patient's state on the
// day: LDL falls after the statin starts, A1c improves on metformin, creatinine is high in CKD.
// Results drawn together share their date and accession number and are grouped into a LabPanel.
import { LAB_PANELS, LAB_TESTS, NARRATIVE_TESTS, type LabTest, type PanelKey } from '../catalogs/labs.js';
import { addDays, ageInMonths, atTime, daysBetween } from '../dates.js';
import type { LabResult } from '../types.js';
import { code, enumCode, REFERENCE_DATE, type PatientContext, type Visit } from './context.js';

type Draw = { day: string; minute: number; panels: PanelKey[]; singles: string[]; visit?: Visit };

function normalRange(test: LabTest, female: boolean): [number, number] | undefined {
  if (!test.normal) return undefined;
  return Array.isArray(test.normal) ? test.normal : female ? test.normal.female : test.normal.male;
}

/** The value of one test for this patient on this day, in the test's unit. */
function valueFor(ctx: PatientContext, loinc: string, day: string, draw: Draw): number {
  const { rng } = ctx;
  const test = LAB_TESTS[loinc]!;
  const [lo, hi] = test.typical!;
  const typical = () => rng.float(lo, hi);
  const on = (drugClass: string) => ctx.therapyActiveOn(drugClass, day) !== undefined;
  const since = (drugClass: string) => {
    const start = ctx.firstTherapyStart(drugClass);
    return start && start <= day ? daysBetween(start, day) : undefined;
  };
  const has = (a: Parameters<PatientContext['has']>[0]) => ctx.has(a) && (ctx.onsets.get(a) ?? '0000') <= addDays(day, 365);
  const ckd = has('ckd');
  const diabetic = has('diabetes');
  switch (loinc) {
    case '13457-7':
      return has('hyperlipidemia') || has('coronary') ? (on('statin') ? rng.float(62, 112) : rng.float(132, 195)) : rng.chance(0.25) ? rng.float(101, 140) : typical();
    case '2093-3':
      return has('hyperlipidemia') || has('coronary') ? (on('statin') ? rng.float(140, 195) : rng.float(205, 285)) : rng.chance(0.2) ? rng.float(200, 230) : typical();
    case '2571-8':
      return diabetic || has('hyperlipidemia') ? rng.float(120, 320) : typical();
    case '2085-9':
      return ctx.sex === 'female' ? rng.float(45, 75) : rng.float(34, 56);
    case '4548-4': {
      if (!diabetic) return ctx.ageOn(day) > 45 && rng.chance(0.2) ? rng.float(5.7, 6.4) : typical();
      const treatedDays = since('metformin');
      // Starts high and improves with treatment; never fully normal.
      return treatedDays === undefined ? rng.float(7.8, 10.2) : Math.max(6.6, 8.9 - treatedDays / 400 + rng.normal(0, 0.35));
    }
    case '2345-7':
      return diabetic ? (on('metformin') ? rng.float(112, 175) : rng.float(150, 250)) : typical();
    case '14959-1':
      return diabetic && rng.chance(0.4) ? rng.float(32, 240) : typical();
    case '2160-0':
      return ckd ? rng.float(1.5, 2.4) : ctx.sex === 'female' ? rng.float(0.6, 1.0) : rng.float(0.75, 1.2);
    case '33914-3':
      return ckd ? rng.float(32, 58) : typical();
    case '3094-0':
      return ckd ? rng.float(24, 42) : typical();
    case '2823-3':
      if (ckd || on('aceInhibitor')) return rng.chance(0.35) ? rng.float(5.2, 5.7) : rng.float(4.2, 5.0);
      return on('thiazide') && rng.chance(0.3) ? rng.float(3.1, 3.4) : typical();
    case '2951-2':
      return on('thiazide') && rng.chance(0.3) ? rng.float(131, 134) : typical();
    case '1742-6':
      return on('statin') && rng.chance(0.12) ? rng.float(48, 95) : typical();
    case '3016-3': {
      if (!has('hypothyroid')) return typical();
      const treatedDays = since('thyroid');
      if (treatedDays === undefined || treatedDays < 30) return rng.float(6.5, 18);
      return rng.weighted([
        { weight: 75, value: () => rng.float(0.8, 3.6) },
        { weight: 15, value: () => rng.float(4.6, 8.5) },
        { weight: 10, value: () => rng.float(0.08, 0.35) },
      ])();
    }
    case '3024-7':
      return has('hypothyroid') && since('thyroid') === undefined ? rng.float(0.5, 0.78) : typical();
    case '6301-6':
      return on('anticoagulant') ? rng.clippedNormal(2.5, 0.45, 1.5, 3.9) : typical();
    case '6690-2':
      return draw.visit?.febrile ? rng.float(11.2, 16.5) : typical();
    case '718-7':
      return ctx.sex === 'female' && rng.chance(0.15) ? rng.float(10.2, 11.8) : ctx.sex === 'female' ? rng.float(12.2, 14.5) : rng.float(13.8, 16.5);
    case '2857-1': {
      const onset = ctx.onsets.get('prostateCancer');
      if (!onset) return typical();
      return day < onset ? rng.float(4.6, 9.5) : rng.float(0.02, 0.3);
    }
    case '30522-7':
      return has('coronary') || diabetic ? rng.float(2.2, 7.5) : typical();
    case '1989-3':
      return rng.chance(0.35) ? rng.float(11, 28) : typical();
    case '37362-1':
      return Math.max(1, ageInMonths(ctx.birthDate, day) + rng.normal(0, 8));
    case '5804-0':
      return diabetic && rng.chance(0.3) ? rng.pick([30, 100]) : rng.chance(0.85) ? 0 : 10;
    default:
      return typical();
  }
}

function result(ctx: PatientContext, loinc: string, draw: Draw, accession: string): LabResult {
  const { rng } = ctx;
  const date = atTime(draw.day, Math.floor(draw.minute / 60), draw.minute % 60);
  const base = { id: ctx.nextId('l'), date, status: enumCode('LabResultStatus', 'final'), accessionNumber: accession };
  const narrative = NARRATIVE_TESTS[loinc];
  if (narrative) {
    let answer = rng.chance(0.85) ? narrative.answers[0]! : rng.pick(narrative.answers);
    // A urinary tract infection shows on the dipstick.
    if (draw.visit && ctx.record.problems.some((p) => p.name.code === '68566005' && p.startDate === draw.day) && (loinc === '5799-2' || loinc === '5802-4')) answer = 'Positive';
    return { ...base, test: code(loinc, narrative.title), result: { kind: 'narrative', value: answer } };
  }
  const test = LAB_TESTS[loinc]!;
  const value = valueFor(ctx, loinc, draw.day, draw);
  const shown = Number(value.toFixed(test.decimals));
  const range = normalRange(test, ctx.sex === 'female');
  const lab: LabResult = {
    ...base,
    test: code(loinc, test.title),
    result: {
      kind: 'quantitative',
      value: shown.toFixed(test.decimals),
      unit: test.unit,
      ...(range ? { normalRange: { min: range[0].toFixed(test.decimals), max: range[1].toFixed(test.decimals) } } : {}),
    },
  };
  if (range) {
    // The ontology's range is [minimum, maximum) but labs report the maximum as normal; use inclusive bounds.
    const abnormal = shown < range[0] || shown > range[1];
    lab.interpretation = enumCode('LabResultInterpretation', abnormal ? 'abnormal' : 'normal');
  }
  return lab;
}

function panelsForAnnual(ctx: PatientContext, visit: Visit): Draw {
  const { rng } = ctx;
  const age = ctx.ageOn(visit.day);
  const draw: Draw = { day: visit.day, minute: visit.minute + 20, panels: [], singles: [], visit };
  draw.panels.push(rng.chance(0.3) ? 'cmp' : 'bmp');
  if (rng.chance(0.5)) draw.panels.push('cbc');
  if (ctx.has('hyperlipidemia') || ctx.has('coronary') || ctx.has('diabetes') || (age >= 35 && rng.chance(0.6))) draw.panels.push('lipid');
  if (ctx.has('diabetes')) draw.panels.push('urinalysis');
  else if (rng.chance(0.15)) draw.panels.push('urinalysis');
  if (ctx.has('diabetes')) draw.singles.push('4548-4', '14959-1');
  else if (age >= 45 && rng.chance(0.35)) draw.singles.push('4548-4');
  if (ctx.has('diabetes') || ctx.has('ckd')) draw.singles.push('33914-3');
  if (ctx.has('hypothyroid')) draw.singles.push('3016-3');
  if (ctx.sex === 'male' && age >= 50 && rng.chance(0.5)) draw.singles.push('2857-1');
  if ((ctx.has('coronary') || ctx.has('hyperlipidemia')) && rng.chance(0.35)) draw.singles.push('30522-7');
  if (rng.chance(0.15)) draw.singles.push('1989-3');
  return draw;
}

function planDraws(ctx: PatientContext): Draw[] {
  const { rng } = ctx;
  const draws: Draw[] = [];
  const age = ctx.ageOn(REFERENCE_DATE);
  if (ctx.isChild) {
    const oneYear = ctx.visits.find((v) => v.kind === 'wellChild' && ageInMonths(ctx.birthDate, v.day) >= 11 && ageInMonths(ctx.birthDate, v.day) <= 14);
    if (oneYear) draws.push({ day: oneYear.day, minute: oneYear.minute + 20, panels: ['cbc'], singles: [], visit: oneYear });
    if (ctx.has('adhd') || (age >= 5 && rng.chance(0.3))) {
      const candidates = ctx.visits.filter((v) => v.kind === 'wellChild' && ctx.ageOn(v.day) >= 4);
      const visit = candidates.length > 0 ? rng.pick(candidates) : ctx.visits[ctx.visits.length - 1];
      if (visit) draws.push({ day: visit.day, minute: visit.minute + 30, panels: [], singles: ['37362-1'], visit });
    }
  } else {
    const healthyYoung = ctx.has('healthy') && age < 40;
    const labYears = healthyYoung ? rng.int(0, 2) : rng.int(2, 5);
    const from = addDays(REFERENCE_DATE, -365 * labYears);
    for (const visit of ctx.visits) if (visit.annual && visit.day >= from) draws.push(panelsForAnnual(ctx, visit));
    if (ctx.has('diabetes')) {
      for (const visit of ctx.visits) {
        if (visit.kind === 'routine' && !visit.annual && visit.day >= addDays(REFERENCE_DATE, -730)) {
          draws.push({ day: visit.day, minute: visit.minute + 20, panels: [], singles: ['4548-4', '2345-7'], visit });
        }
      }
    }
    const thyroidStart = ctx.firstTherapyStart('thyroid');
    if (thyroidStart && thyroidStart >= from) draws.push({ day: addDays(thyroidStart, 42), minute: 9 * 60, panels: [], singles: ['3016-3', '3024-7'] });
    const warfarin = ctx.firstTherapyStart('anticoagulant');
    if (warfarin) {
      for (let day = addDays(REFERENCE_DATE, -180); day < REFERENCE_DATE; day = addDays(day, rng.int(26, 35))) {
        if (day >= warfarin) draws.push({ day, minute: 8 * 60 + 15 * rng.int(0, 16), panels: [], singles: ['6301-6'] });
      }
    }
  }
  for (const visit of ctx.visits) {
    if (visit.kind !== 'acute' && visit.kind !== 'inpatient') continue;
    const problem = ctx.record.problems.find((p) => p.startDate === visit.day && p.encounterIds.includes(visit.encounter.id));
    const snomed = problem?.name.code;
    if (snomed === '68566005') draws.push({ day: visit.day, minute: visit.minute + 15, panels: ['urinalysis'], singles: [], visit });
    else if (snomed === '29857009') draws.push({ day: visit.day, minute: visit.minute + 10, panels: ['bmp', 'cbc'], singles: ['10839-9'], visit });
    else if (visit.febrile && !ctx.isChild && rng.chance(0.3)) draws.push({ day: visit.day, minute: visit.minute + 15, panels: ['cbc'], singles: [], visit });
  }
  return draws.filter((d) => d.day < REFERENCE_DATE).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.minute - b.minute));
}

export function addLabs(ctx: PatientContext): void {
  for (const draw of planDraws(ctx)) {
    const accession = `A${ctx.rng.digits(9)}`;
    for (const key of draw.panels) {
      const panel = LAB_PANELS[key];
      const results = panel.members.map((loinc) => result(ctx, loinc, draw, accession));
      ctx.record.labResults.push(...results);
      ctx.record.labPanels.push({ id: ctx.nextId('lp'), name: code(panel.loinc, panel.title), resultIds: results.map((r) => r.id) });
    }
    for (const loinc of draw.singles) {
      if (draw.panels.some((k) => (LAB_PANELS[k].members as string[]).includes(loinc))) continue;
      ctx.record.labResults.push(result(ctx, loinc, draw, accession));
    }
  }
}
