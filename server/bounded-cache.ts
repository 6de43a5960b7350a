// A Map that keeps its newest entries within a budget. Each entry weighs 1 by default (a count
// limit) or what `weigh` says (for example its size in bytes). The oldest go first when the budget
// is exceeded; with `refreshOnRead`, reading an entry makes it the newest (least recently used
// goes first), which costs a delete and an insert per hit.
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly budget: number,
    private readonly options: { weigh?: (value: V) => number; refreshOnRead?: boolean } = {},
  ) {}

  private weigh(value: V): number {
    return this.options.weigh?.(value) ?? 1;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined && this.options.refreshOnRead) {
      // A Map iterates in insertion order: re-inserting moves the entry to the young end.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.weight -= this.weigh(old);
    }
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    for (const [oldestKey, oldest] of this.entries) {
      if (this.weight <= this.budget || oldestKey === key) break;
      this.entries.delete(oldestKey);
      this.weight -= this.weigh(oldest);
    }
  }
}
