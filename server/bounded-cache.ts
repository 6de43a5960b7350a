// A Map that keeps its most recently used entries within a budget. Each entry weighs 1 by default
// (a count limit) or what `weigh` says (for example its size in bytes). Reading an entry makes it
// the newest; the least recently used go first when the budget is exceeded.
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly budget: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
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
