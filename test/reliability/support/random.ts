/**
 * A seeded pseudo-random generator (mulberry32), so a failing run can be replayed from the seed it
 * printed. Not for anything but tests.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
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

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A child generator, so one part of a run draws the same numbers whatever another part does. */
  fork(): Random {
    return new Random(this.int(0, 0xffffffff));
  }
}

/** The seed from `name` in the environment, or a fresh one; either way the caller prints it. */
export function seedFromEnv(name: string): number {
  const given = process.env[name];
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`${name} must be an integer, got ${given}`);
    return seed >>> 0;
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

export function intFromEnv(name: string, fallback: number): number {
  const given = process.env[name];
  if (given === undefined || given === '') return fallback;
  const value = Number(given);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${given}`);
  return value;
}

/** Prints a test's figures on one line each, so a CI log shows what was actually exercised. */
export function printFigures(title: string, figures: Record<string, string | number>): void {
  const lines = Object.entries(figures).map(([key, value]) => `  ${key}: ${value}`);
  console.log(`${title}\n${lines.join('\n')}`);
}
