// One VitalSignSet per visit, linked to the visit's encounter (data-model.md §2.9, §5.3). Adults
// keep a fixed height and a drifting weight around their BMI; blood pressure follows hypertension
// and its treatment; COPD lowers SpO2; infections bring fever. Children follow approximate CDC
// 50th-percentile curves shifted by a personal z-score, with lying length and head circumference
// while they are small.
import { ageInMonths } from '../dates.js';
import type { BloodPressure, VitalSign, VitalSignSet } from '../types.js';
import { enumCode, type PatientContext, type Visit } from './context.js';

// Approximate CDC 50th percentiles by age in months: [months, boys, girls].
const HEIGHT_CM: [number, number, number][] = [
  [0, 50, 49.3], [3, 61.4, 59.8], [6, 67.6, 65.7], [9, 72, 70.1], [12, 75.7, 74], [18, 82.3, 80.7], [24, 87.1, 85.7],
  [36, 95.3, 94.1], [48, 102.5, 101.6], [60, 109.2, 108.4], [72, 115.7, 115.1], [96, 127.9, 127.1], [120, 138.4, 138.2],
  [144, 149.1, 151.4], [168, 163.2, 159.8], [192, 173.4, 162.5], [216, 176.1, 163.3],
];
const WEIGHT_KG: [number, number, number][] = [
  [0, 3.5, 3.4], [3, 6.4, 5.8], [6, 7.9, 7.3], [9, 9.2, 8.6], [12, 10.2, 9.5], [18, 11.5, 10.9], [24, 12.6, 12.1],
  [36, 14.3, 13.9], [48, 16.3, 15.9], [60, 18.4, 17.9], [72, 20.7, 20.2], [96, 25.8, 25.6], [120, 31.9, 32.5],
  [144, 39.9, 41.5], [168, 50.8, 49.4], [192, 61, 53.5], [216, 67.8, 56.2],
];
const HEAD_CM: [number, number, number][] = [
  [0, 35.3, 34.7], [3, 40.5, 39.5], [6, 43.3, 42.2], [9, 45, 43.8], [12, 46.1, 45], [18, 47.4, 46.2], [24, 48.3, 47.2], [36, 49.6, 48.5],
];

function curve(table: [number, number, number][], months: number, female: boolean): number {
  const column = female ? 2 : 1;
  if (months <= table[0]![0]) return table[0]![column];
  for (let i = 1; i < table.length; i++) {
    const [m1, ...v1] = table[i]!;
    const [m0, ...v0] = table[i - 1]!;
    if (months <= m1) return v0[column - 1]! + ((v1[column - 1]! - v0[column - 1]!) * (months - m0)) / (m1 - m0);
  }
  return table[table.length - 1]![column];
}

const vital = (cls: string, loinc: string, value: string, unit: string): VitalSign => ({ name: enumCode(cls, loinc), value, unit });
const sign = (loinc: string, value: number, decimals: number, unit: string) => vital('VitalSign', loinc, value.toFixed(decimals), unit);

interface Body {
  heightCm: number;
  bmi: number;
  drift: number; // kg per year
  heightZ: number;
  weightZ: number;
}

function bloodPressure(ctx: PatientContext, visit: Visit, age: number): BloodPressure {
  const { rng } = ctx;
  let systolic: number;
  let diastolic: number;
  if (age < 18) {
    systolic = rng.normal(96 + age * 1.2, 7);
    diastolic = rng.normal(56 + age * 0.8, 6);
  } else if (ctx.has('hypertension')) {
    const onset = ctx.onsets.get('hypertension')!;
    const treated = ctx.therapies.some((t) => ['aceInhibitor', 'arb', 'thiazide', 'calciumBlocker', 'betaBlocker'].includes(t.drugClass) && t.start <= visit.day);
    if (visit.day < onset) [systolic, diastolic] = [rng.normal(136, 8), rng.normal(86, 6)];
    else if (treated) [systolic, diastolic] = [rng.normal(129, 9), rng.normal(80, 7)];
    else [systolic, diastolic] = [rng.normal(148, 12), rng.normal(92, 8)];
  } else {
    systolic = rng.normal(116 + Math.max(0, age - 40) * 0.3, 9);
    diastolic = rng.normal(75, 7);
  }
  systolic = Math.round(Math.min(200, Math.max(80, systolic)));
  diastolic = Math.round(Math.min(systolic - 20, Math.max(40, diastolic)));
  const bp: BloodPressure = {
    systolic: vital('VitalSign', '8480-6', String(systolic), 'mm[Hg]'),
    diastolic: vital('VitalSign', '8462-4', String(diastolic), 'mm[Hg]'),
  };
  if (rng.chance(0.7)) {
    bp.position = enumCode('BloodPressureBodyPosition', rng.weighted([{ weight: 8, value: '33586001' }, { weight: 1, value: '40199007' }, { weight: 1, value: '10904000' }]));
    bp.site = enumCode('BloodPressureBodySite', rng.weighted([{ weight: 6, value: '368209003' }, { weight: 4, value: '368208006' }]));
    bp.method = enumCode('BloodPressureMethod', rng.weighted([{ weight: 6, value: 'machine' }, { weight: 4, value: 'auscultation' }]));
  }
  return bp;
}

export function addVitalSigns(ctx: PatientContext): void {
  const { rng } = ctx;
  const female = ctx.sex === 'female';
  const overweight = ctx.has('diabetes') || ctx.has('osteoarthritis') ? 4 : 0;
  const body: Body = {
    heightCm: rng.clippedNormal(female ? 162 : 176, 7, 145, 198),
    bmi: rng.clippedNormal(27 + overweight, 5, 18.5, 45),
    drift: rng.normal(0, 1.2),
    heightZ: rng.clippedNormal(0, 0.8, -2, 2),
    weightZ: rng.clippedNormal(0, 0.8, -2, 2.5),
  };
  const firstDay = ctx.visits[0]?.day ?? ctx.followStart;
  for (const visit of ctx.visits) {
    const age = ctx.ageOn(visit.day);
    const months = ageInMonths(ctx.birthDate, visit.day);
    const minute = visit.minute + 5;
    const set: VitalSignSet = {
      id: ctx.nextId('v'),
      date: `${visit.day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`,
      encounterId: visit.encounter.id,
    };
    let heightCm: number;
    let weightKg: number;
    if (age < 18) {
      heightCm = curve(HEIGHT_CM, months, female) * (1 + body.heightZ * 0.04) + rng.normal(0, 0.3);
      weightKg = curve(WEIGHT_KG, months, female) * (1 + body.weightZ * 0.11) + rng.normal(0, 0.1);
    } else {
      const years = (Date.parse(visit.day) - Date.parse(firstDay)) / (365.25 * 86_400_000);
      heightCm = body.heightCm + rng.normal(0, 0.4);
      weightKg = body.bmi * (body.heightCm / 100) ** 2 + body.drift * years + rng.normal(0, 0.8);
    }
    set.height = sign(months < 24 ? '8306-3' : '8302-2', heightCm, 1, 'cm');
    set.weight = sign('3141-9', Math.max(1.5, weightKg), 1, 'kg');
    if (age >= 2 && rng.chance(0.96)) set.bodyMassIndex = sign('39156-5', weightKg / (heightCm / 100) ** 2, 1, 'kg/m2');
    if (months < 36) set.headCircumference = sign('8287-5', curve(HEAD_CM, months, female) * (1 + body.heightZ * 0.03) + rng.normal(0, 0.2), 1, 'cm');
    if (rng.chance(0.9)) {
      const hr = months < 12 ? rng.normal(132, 10) : age < 6 ? rng.normal(105, 9) : age < 13 ? rng.normal(88, 9) : rng.normal(74, 9);
      set.heartRate = sign('8867-4', Math.round(hr + (visit.febrile ? 12 : 0)), 0, '{beats}/min');
    }
    if (rng.chance(0.9)) {
      const rr = months < 12 ? rng.normal(40, 4) : age < 6 ? rng.normal(27, 3) : age < 13 ? rng.normal(20, 2) : rng.clippedNormal(16, 2, 12, 20);
      set.respiratoryRate = sign('9279-1', Math.round(rr), 0, '{breaths}/min');
    }
    if (rng.chance(0.9) || visit.febrile) {
      set.temperature = sign('8310-5', visit.febrile ? rng.float(37.8, 39.0) : rng.clippedNormal(36.8, 0.25, 36.0, 37.5), 1, 'Cel');
    }
    if (rng.chance(0.9)) {
      const spo2 = ctx.has('copd') ? rng.int(89, 95) : rng.int(95, 100);
      set.oxygenSaturation = sign('2710-2', spo2, 0, '%{HemoglobinSaturation}');
    }
    if (age >= 3 && (ctx.has('hypertension') || rng.chance(0.93))) set.bloodPressure = bloodPressure(ctx, visit, age);
    ctx.record.vitalSignSets.push(set);
  }
}
