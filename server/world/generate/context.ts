// The state shared by the generator steps of one patient: the random stream, the record being
// built, id counters, and the clinical facts later steps depend on (when a statin started, whether
// the patient smokes, which drugs are excluded by allergies …).
import { enumCode } from '../../ontology/enumerations.js';
import type { Rng } from '../random.js';
import type { Archetype, RosterRow } from '../roster.js';
import type { Code, Encounter, PatientRecord, Provider, Organization } from '../types.js';
import { ageOn } from '../dates.js';

import { REFERENCE_DATE } from '../reference.js';

export { REFERENCE_DATE };

export interface Visit {
  encounter: Encounter;
  day: string;
  /** Minutes after midnight of the encounter start. */
  minute: number;
  kind: 'routine' | 'wellChild' | 'acute' | 'inpatient';
  /** Set when the visit is for an acute infection: fever and a raised white count. */
  febrile?: boolean;
  /** Annual physical: labs are drawn and yearly procedures happen. */
  annual?: boolean;
}

export interface TherapyFact {
  rxcui: string;
  drugClass: string;
  start: string;
  end?: string;
}

export class PatientContext {
  readonly record: PatientRecord;
  readonly visits: Visit[] = [];
  readonly therapies: TherapyFact[] = [];
  /** Onset day of each chronic archetype. */
  readonly onsets = new Map<Archetype, string>();
  /** RxNorm ingredients the patient must not be prescribed. */
  readonly excludedIngredients = new Set<string>();
  smoker: 'current' | 'former' | 'never' | 'unknown' = 'unknown';
  followStart = REFERENCE_DATE;
  primaryProvider!: Provider;
  clinic!: Organization;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly rng: Rng,
    readonly plan: RosterRow,
    record: PatientRecord,
  ) {
    this.record = record;
  }

  /** The next statement id with a prefix, e.g. m1, m2, … (stable because generation is). */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  has(archetype: Archetype): boolean {
    return this.plan.archetypes.includes(archetype);
  }

  get birthDate(): string {
    return this.record.demographics.birthDate;
  }

  get sex(): 'male' | 'female' {
    return this.record.demographics.gender;
  }

  ageOn(day: string): number {
    return ageOn(this.birthDate, day);
  }

  get isChild(): boolean {
    return this.ageOn(REFERENCE_DATE) < 18;
  }

  /** Start of the earliest therapy of a drug class that was active on `day`, if any. */
  therapyActiveOn(drugClass: string, day: string): TherapyFact | undefined {
    return this.therapies.find((t) => t.drugClass === drugClass && t.start <= day && (t.end === undefined || t.end >= day));
  }

  /** First day any therapy of the class started. */
  firstTherapyStart(drugClass: string): string | undefined {
    return this.therapies.filter((t) => t.drugClass === drugClass).map((t) => t.start).sort()[0];
  }
}

export const code = (c: string, title: string): Code => ({ code: c, title });
export { enumCode };
