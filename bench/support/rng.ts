/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same data set on every
 * machine, so results from two runs describe the same log.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** How many events of a Poisson process with this mean happen in one period. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    for (let p = this.next(); p > limit; p *= this.next()) count++;
    return count;
  }

  /** A version-4-shaped UUID drawn from the generator (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(this.next() * 16).toString(16)).join('');
    const variant = ((Math.floor(this.next() * 4) + 8) as number).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}
