// The plan of the 50-patient world (data-model.md §5.2): sex, age band and clinical archetypes of
// every patient, written out so the mix is exact (26 male / 24 female; ages 0–4: 3, 5–12: 5,
// 13–17: 2, 18–39: 6, 40–64: 20, 65–79: 9, 80+: 5). Worlds of another size repeat the plan, so
// every size keeps the same proportions. Faker then draws everything within a row.

export type Archetype =
  | 'wellChild'
  | 'adhd'
  | 'asthma'
  | 'healthy'
  | 'depression'
  | 'anxiety'
  | 'hypertension'
  | 'hyperlipidemia'
  | 'diabetes'
  | 'coronary'
  | 'heartFailure'
  | 'atrialFibrillation'
  | 'copd'
  | 'hypothyroid'
  | 'gerd'
  | 'osteoarthritis'
  | 'backPain'
  | 'ckd'
  | 'breastCancer'
  | 'prostateCancer';

export type Sex = 'male' | 'female';

export interface AgeBand {
  label: string;
  /** Age in years on the reference date; `infant` means under two years. */
  min: number;
  max: number;
  infant?: boolean;
}

export const AGE_BANDS = {
  infant: { label: '0-4', min: 0, max: 1, infant: true },
  toddler: { label: '0-4', min: 2, max: 4 },
  child: { label: '5-12', min: 5, max: 12 },
  teen: { label: '13-17', min: 13, max: 17 },
  young: { label: '18-39', min: 18, max: 39 },
  middle: { label: '40-64', min: 40, max: 64 },
  senior: { label: '65-79', min: 65, max: 79 },
  elderly: { label: '80+', min: 80, max: 94 },
} satisfies Record<string, AgeBand>;

export interface RosterRow {
  sex: Sex;
  band: AgeBand;
  archetypes: Archetype[];
}

const M: Sex = 'male';
const F: Sex = 'female';
const row = (sex: Sex, band: AgeBand, ...archetypes: Archetype[]): RosterRow => ({ sex, band, archetypes });
const B = AGE_BANDS;

export const ROSTER: readonly RosterRow[] = [
  row(M, B.infant, 'wellChild'),
  row(F, B.infant, 'wellChild'),
  row(M, B.toddler, 'wellChild'),
  row(F, B.child, 'wellChild'),
  row(M, B.child, 'wellChild'),
  row(F, B.child, 'wellChild'),
  row(M, B.child, 'adhd'),
  row(M, B.child, 'wellChild'),
  row(F, B.teen, 'asthma'),
  row(M, B.teen, 'healthy'),
  row(F, B.young, 'healthy'),
  row(M, B.young, 'healthy'),
  row(F, B.young, 'depression'),
  row(M, B.young, 'asthma'),
  row(F, B.young, 'hypothyroid', 'anxiety'),
  row(M, B.young, 'healthy'),
  row(M, B.middle, 'hypertension', 'hyperlipidemia'),
  row(F, B.middle, 'hypertension'),
  row(M, B.middle, 'hypertension', 'hyperlipidemia', 'gerd'),
  row(F, B.middle, 'hypertension', 'hyperlipidemia', 'osteoarthritis'),
  row(M, B.middle, 'diabetes', 'hypertension', 'hyperlipidemia'),
  row(F, B.middle, 'diabetes', 'hypertension', 'hyperlipidemia'),
  row(M, B.middle, 'diabetes', 'hyperlipidemia'),
  row(F, B.middle, 'hypothyroid', 'depression'),
  row(M, B.middle, 'hypertension', 'backPain'),
  row(F, B.middle, 'hypertension', 'hyperlipidemia', 'depression'),
  row(M, B.middle, 'coronary', 'hypertension', 'hyperlipidemia'),
  row(F, B.middle, 'breastCancer', 'hypertension'),
  row(M, B.middle, 'copd', 'hypertension'),
  row(F, B.middle, 'healthy', 'gerd'),
  row(M, B.middle, 'diabetes', 'hypertension', 'hyperlipidemia', 'backPain'),
  row(F, B.middle, 'hypertension', 'hypothyroid'),
  row(M, B.middle, 'hypertension', 'hyperlipidemia', 'gerd'),
  row(F, B.middle, 'anxiety', 'osteoarthritis'),
  row(M, B.middle, 'ckd', 'hypertension', 'diabetes'),
  row(F, B.middle, 'hypertension', 'hyperlipidemia'),
  row(M, B.senior, 'hypertension', 'hyperlipidemia', 'osteoarthritis'),
  row(F, B.senior, 'diabetes', 'hypertension', 'hyperlipidemia', 'osteoarthritis'),
  row(M, B.senior, 'atrialFibrillation', 'hypertension'),
  row(F, B.senior, 'hypertension', 'hyperlipidemia', 'gerd'),
  row(M, B.senior, 'copd', 'coronary'),
  row(F, B.senior, 'hypothyroid', 'hypertension', 'osteoarthritis'),
  row(M, B.senior, 'prostateCancer', 'hypertension', 'hyperlipidemia'),
  row(F, B.senior, 'diabetes', 'hypertension', 'ckd'),
  row(M, B.senior, 'heartFailure', 'hypertension', 'hyperlipidemia'),
  row(F, B.elderly, 'hypertension', 'hyperlipidemia', 'osteoarthritis', 'backPain'),
  row(M, B.elderly, 'coronary', 'atrialFibrillation', 'hypertension'),
  row(F, B.elderly, 'hypertension', 'gerd', 'depression'),
  row(M, B.elderly, 'diabetes', 'hypertension', 'hyperlipidemia', 'backPain'),
  row(F, B.elderly, 'copd', 'hypertension'),
];

export const rosterRow = (index: number): RosterRow => ROSTER[index % ROSTER.length]!;
