// All randomness of the generator, drawn from one seeded faker instance per stream. Nothing else in
// the generator may call Math.random or read the clock, or the committed fixtures would not be
// reproducible.
import { Faker, base, en, en_US } from '@faker-js/faker';

// Building a Faker instance merges its locale tables, which is slow compared with reseeding, so
// each stream kind reuses one instance and reseeds it. Generation is synchronous, so two patients'
// draws can never interleave.
const shared = new Map<string, Faker>();

export class Rng {
  readonly faker: Faker;

  /** A stream for one purpose (`stream`) of one patient, fully determined by `seed`. */
  constructor(stream: string, seed: number[]) {
    let faker = shared.get(stream);
    if (!faker) {
      faker = new Faker({ locale: [en_US, en, base] });
      shared.set(stream, faker);
    }
    faker.seed(seed);
    this.faker = faker;
  }

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  float(min: number, max: number): number {
    return this.faker.number.float({ min, max });
  }

  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  weighted<T>(items: readonly { weight: number; value: T }[]): T {
    return this.faker.helpers.weightedArrayElement(items as { weight: number; value: T }[]);
  }

  /** Normally distributed value (Box–Muller), so vitals and labs cluster around their means. */
  normal(mean: number, sd: number): number {
    const u = Math.max(this.float(0, 1), 1e-12);
    const v = this.float(0, 1);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal draw clipped to [min, max]. */
  clippedNormal(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  digits(count: number): string {
    return this.faker.string.numeric({ length: count, allowLeadingZeros: true });
  }
}
