// Procedures the archetypes call for (data-model.md §2.11, §5.10): yearly diabetic foot and eye
// exams, smoking-cessation counselling, ECGs for chest pain, surgery for cancer survivors and
// screening by age and sex.
import { PROCEDURES } from '../catalogs/procedures.js';
import { addDays, addYears, maxDay } from '../dates.js';
import { code, enumCode, REFERENCE_DATE, type PatientContext, type Visit } from './context.js';

type ProcedureKey = keyof typeof PROCEDURES;

function perform(ctx: PatientContext, key: ProcedureKey, day: string, notes?: string, visit?: Visit): void {
  if (day >= REFERENCE_DATE) return;
  const p = PROCEDURES[key];
  ctx.record.procedures.push({
    id: ctx.nextId('pr'),
    date: day,
    name: code(p.code, p.title),
    status: enumCode('ProcedureStatus', '385658003'),
    provider: visit?.encounter.provider ?? ctx.primaryProvider,
    ...(notes ? { notes } : {}),
  });
}

export function addProcedures(ctx: PatientContext): void {
  const { rng } = ctx;
  const annual = ctx.visits.filter((v) => v.annual && v.day >= addDays(REFERENCE_DATE, -3 * 365));
  if (ctx.has('diabetes')) {
    for (const visit of annual) {
      perform(ctx, 'diabeticFootExam', visit.day, rng.pick(['Normal monofilament sensation bilaterally', 'Decreased monofilament sensation at both great toes']), visit);
      if (rng.chance(0.7)) perform(ctx, 'eyeExam', addDays(visit.day, rng.int(7, 60)), rng.pick(['No diabetic retinopathy', 'Mild nonproliferative diabetic retinopathy']));
    }
  }
  if (ctx.smoker === 'current' && ctx.visits.length > 0) perform(ctx, 'smokingCessation', rng.pick(ctx.visits).day, 'Counselled on quitting; nicotine replacement discussed');
  if (ctx.has('asthma')) perform(ctx, 'peakFlow', rng.pick(ctx.visits).day);
  if (ctx.has('copd')) perform(ctx, 'chestXray', ctx.onsets.get('copd')!, 'Hyperinflation, no infiltrate');
  const coronary = ctx.onsets.get('coronary');
  if (coronary) {
    perform(ctx, 'ecg', coronary);
    if (rng.chance(0.4)) perform(ctx, 'cabg', addDays(coronary, rng.int(20, 60)));
  }
  const breast = ctx.onsets.get('breastCancer');
  if (breast) perform(ctx, 'mastectomy', addDays(breast, rng.int(14, 40)));
  for (const visit of ctx.visits) {
    const problem = ctx.record.problems.find((p) => p.name.code === '29857009' && p.startDate === visit.day);
    if (problem) perform(ctx, 'ecg', visit.day, 'Normal sinus rhythm, no acute ST changes', visit);
  }
  const age = ctx.ageOn(REFERENCE_DATE);
  if (ctx.sex === 'female' && age >= 42) {
    for (let day = maxDay(addYears(ctx.birthDate, 40), ctx.followStart); day < REFERENCE_DATE; day = addDays(day, rng.int(330, 760))) {
      if (rng.chance(0.7)) perform(ctx, 'mammography', day, breast && day > breast ? 'Post-surgical changes, no new findings' : 'BI-RADS 1, negative');
    }
  }
  if (age >= 52 && rng.chance(0.6)) perform(ctx, 'colonoscopy', addDays(maxDay(addYears(ctx.birthDate, 50), ctx.followStart), rng.int(30, 900)), rng.pick(['No polyps', 'Two small tubular adenomas removed']));
  if (ctx.has('osteoarthritis') && age >= 65 && rng.chance(0.3)) perform(ctx, 'hipReplacement', addDays(ctx.followStart, rng.int(100, 1500)));
}
