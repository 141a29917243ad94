/** Latency samples in milliseconds, summarised as percentiles. */
export class Latencies {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  /** Times one call and records it. */
  async time<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.samples.push(performance.now() - started);
    return result;
  }

  reset(): void {
    this.samples.length = 0;
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(p: number): number {
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }
}

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** A figure as a table shows it: thousands separated, at most 3 significant decimals below 10. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
