// The patient world the sandbox serves. The default world is the committed fixtures; other sizes
// or seeds are generated deterministically. For large worlds only the searchable summaries are
// built at start-up, and full records are generated on first use and kept in a bounded cache,
// which keeps 10,000 patients within the start-up and memory budgets.
import { BoundedCache } from '../bounded-cache.js';
import type { Logger } from '../log.js';
import { readFixtureManifest, readFixtureRecord } from './fixtures.js';
import { REFERENCE_DATE } from './reference.js';
import { shiftDates, shiftDays } from './shift.js';
import type { PatientRecord, PatientSummary } from './types.js';

export interface WorldOptions {
  seed: number;
  patients: number;
  /** YYYY-MM-DD the reference date is shifted to, if any. */
  today?: string;
  log?: Logger;
}

type Generator = typeof import('./generate/index.js');

/** How many generated records stay cached; fixtures are always kept. */
const CACHE_LIMIT = 500;

export class World {
  readonly referenceDate = REFERENCE_DATE;
  /** The (shifted) "today" of the world. */
  readonly today: string;
  private readonly byId = new Map<string, PatientSummary>();
  private readonly cache = new BoundedCache<string, PatientRecord>(CACHE_LIMIT, { refreshOnRead: true });

  private constructor(
    readonly seed: number,
    readonly summaries: readonly PatientSummary[],
    private readonly pinned: ReadonlyMap<string, PatientRecord>,
    readonly dayShift: number,
    private readonly generator: Generator | undefined,
  ) {
    for (const s of summaries) this.byId.set(s.id, s);
    this.today = shiftDates(REFERENCE_DATE, dayShift);
  }

  static async load(options: WorldOptions): Promise<World> {
    const days = shiftDays(REFERENCE_DATE, options.today);
    const pinned = new Map<string, PatientRecord>();
    const manifest = await readFixtureManifest();
    const fromFixtures = manifest.seed === options.seed ? Math.min(options.patients, manifest.records.length) : 0;
    const records = await Promise.all(manifest.records.slice(0, fromFixtures).map((id) => readFixtureRecord(id)));
    const summaries: PatientSummary[] = [];
    records.forEach((record, index) => {
      const shifted = shiftDates(record, days);
      pinned.set(record.id, shifted);
      summaries.push({ id: record.id, index, demographics: shifted.demographics });
    });
    // The generator (and faker) is loaded only when the fixtures do not cover the world.
    const generator = fromFixtures < options.patients ? await import('./generate/index.js') : undefined;
    for (let index = fromFixtures; index < options.patients; index++) {
      const summary = generator!.generateSummary(options.seed, index);
      summaries.push({ ...summary, demographics: shiftDates(summary.demographics, days) });
    }
    options.log?.debug(`world: ${fromFixtures} patients from fixtures, ${options.patients - fromFixtures} generated on demand`);
    return new World(options.seed, summaries, pinned, days, generator);
  }

  get count(): number {
    return this.summaries.length;
  }

  summary(id: string): PatientSummary | undefined {
    return this.byId.get(id);
  }

  /** The full record, or undefined for an unknown id. */
  record(id: string): PatientRecord | undefined {
    const pinned = this.pinned.get(id);
    if (pinned) return pinned;
    const summary = this.byId.get(id);
    if (!summary) return undefined;
    let record = this.cache.get(id);
    if (!record) {
      record = shiftDates(this.generator!.generatePatient(this.seed, summary.index), this.dayShift);
      this.cache.set(id, record);
    }
    return record;
  }
}
