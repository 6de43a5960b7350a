// The EMR's own chart of a patient, so a developer can see what their app should show: active
// and past problems, current medications, allergies, immunizations, recent labs with abnormal
// values marked, and vital-sign series for the blood-pressure and weight chart.
import type { PatientRecord } from '../world/types.js';

export function chartOf(record: PatientRecord, today: string) {
  const byDateDesc = <T>(key: (x: T) => string) => (a: T, b: T) => key(b).localeCompare(key(a));
  return {
    problems: [...record.problems]
      .sort(byDateDesc((p) => p.startDate))
      .map((p) => ({ name: p.name.title, snomed: p.name.code, start: p.startDate, end: p.endDate ?? null, status: p.status?.title ?? (p.endDate ? 'Resolved' : 'Active') })),
    medications: [...record.medications]
      .filter((m) => !m.endDate || m.endDate >= today)
      .sort(byDateDesc((m) => m.startDate))
      .map((m) => ({ name: m.drug.title, rxnorm: m.drug.code, instructions: m.instructions, start: m.startDate, end: m.endDate ?? null })),
    allergies: [
      ...record.allergies.map((a) => ({ allergen: a.allergen.title, reaction: a.reaction.title, severity: a.severity.title, category: a.category.title })),
      ...record.allergyExclusions.map((x) => ({ allergen: x.name.title, reaction: '', severity: '', category: '' })),
    ],
    immunizations: [...record.immunizations].sort(byDateDesc((i) => i.date)).map((i) => ({ name: i.product.title, date: i.date, status: i.administrationStatus.title })),
    labs: [...record.labResults]
      .sort(byDateDesc((l) => l.date))
      .slice(0, 40)
      .map((l) => ({
        name: l.test.title,
        loinc: l.test.code,
        date: l.date.slice(0, 10),
        value: l.result.value,
        unit: l.result.kind === 'quantitative' ? l.result.unit : '',
        range: l.result.kind === 'quantitative' && l.result.normalRange ? `${l.result.normalRange.min}–${l.result.normalRange.max}` : '',
        abnormal: l.interpretation !== undefined && l.interpretation.code !== 'normal',
      })),
    vitals: [...record.vitalSignSets]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((v) => ({
        date: v.date.slice(0, 10),
        systolic: v.bloodPressure ? Number(v.bloodPressure.systolic.value) : null,
        diastolic: v.bloodPressure ? Number(v.bloodPressure.diastolic.value) : null,
        weight: v.weight ? Number(v.weight.value) : null,
      })),
    smoking: record.socialHistory.smokingStatus.title,
  };
}
