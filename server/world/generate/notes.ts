// Clinical notes (data-model.md §2.13): short SOAP notes written from the record itself, so a note
// quotes the vitals, problems and prescriptions of its visit. ASCII only, well under 4,000
// characters, one text node.
import { daysBetween } from '../dates.js';
import type { VitalSignSet } from '../types.js';
import { REFERENCE_DATE, type PatientContext, type Visit } from './context.js';

function vitalsLine(set: VitalSignSet | undefined): string {
  if (!set) return 'Vitals not recorded.';
  const parts: string[] = [];
  if (set.bloodPressure) parts.push(`BP ${set.bloodPressure.systolic.value}/${set.bloodPressure.diastolic.value}`);
  if (set.heartRate) parts.push(`HR ${set.heartRate.value}`);
  if (set.temperature) parts.push(`T ${set.temperature.value} C`);
  if (set.weight) parts.push(`Wt ${set.weight.value} kg`);
  if (set.oxygenSaturation) parts.push(`SpO2 ${set.oxygenSaturation.value}%`);
  return `${parts.join(', ')}.`;
}

function noteFor(ctx: PatientContext, visit: Visit): string {
  const { record } = ctx;
  const set = record.vitalSignSets.find((v) => v.encounterId === visit.encounter.id);
  const problems = record.problems.filter((p) => p.startDate <= visit.day && (!p.endDate || p.endDate >= visit.day));
  const acute = problems.filter((p) => p.encounterIds.includes(visit.encounter.id) && p.endDate);
  const chronic = problems.filter((p) => !p.endDate);
  const meds = record.medications.filter((m) => m.startDate <= visit.day && (!m.endDate || m.endDate >= visit.day));
  const age = ctx.ageOn(visit.day);
  const who = `${age} year old ${ctx.sex}`;
  const subjective = acute.length > 0
    ? `S: ${who} presenting with ${acute.map((p) => p.name.title.toLowerCase()).join(' and ')}.`
    : visit.kind === 'wellChild'
      ? `S: Well-child visit. Parent reports normal feeding, sleep and development.`
      : `S: ${who} here for follow-up${chronic.length > 0 ? ` of ${chronic.map((p) => p.name.title.toLowerCase()).join(', ')}` : ''}. No new complaints.`;
  const plan = [
    ...acute.map((p) => `${p.name.title}: ${meds.some((m) => m.indicationId === p.id) ? `started ${meds.find((m) => m.indicationId === p.id)!.drug.title}` : 'supportive care'}; return if not improving.`),
    ...chronic.map((p) => {
      const treating = meds.filter((m) => m.indicationId === p.id).map((m) => m.drug.title);
      return `${p.name.title}: ${treating.length > 0 ? `continue ${treating.join(' and ')}` : 'monitor'}.`;
    }),
  ];
  return [subjective, `O: ${vitalsLine(set)}`, `A/P: ${plan.length > 0 ? plan.join(' ') : 'Healthy. Routine care.'}`].join('\n');
}

export function addClinicalNotes(ctx: PatientContext): void {
  const { rng } = ctx;
  const recent = ctx.visits.filter((v) => daysBetween(v.day, REFERENCE_DATE) < 3 * 365);
  const chosen = new Set<Visit>();
  const latest = recent[recent.length - 1];
  if (latest) chosen.add(latest);
  for (const visit of recent) if (visit.kind === 'acute' && rng.chance(0.5)) chosen.add(visit);
  if (recent.length > 2 && rng.chance(0.5)) chosen.add(rng.pick(recent));
  for (const visit of [...chosen].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const title = visit.kind === 'wellChild' ? 'Well-child visit' : visit.kind === 'acute' ? 'Acute visit' : visit.kind === 'inpatient' ? 'Hospital admission note' : 'Follow-up visit';
    ctx.record.clinicalNotes.push({ id: ctx.nextId('n'), date: visit.day, title, format: 'text/plain', provider: visit.encounter.provider, text: noteFor(ctx, visit) });
  }
}
