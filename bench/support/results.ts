/** One measured line of the results table. */
export interface Row {
  readonly workload: string;
  /** What was measured, e.g. "100 events × 16 writers". */
  readonly case: string;
  /** ocop (this project), raw (the ceiling), emmett (the peer), apollo (bare server). */
  readonly variant: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly note?: string;
}

/** A target from the issue, checked against figures of the same run. */
export interface Ratio {
  readonly name: string;
  readonly target: string;
  /** The measured ratio (or absolute figure), null when a side could not be measured. */
  readonly value: number | null;
  readonly unit: '×' | '%' | 's' | 'MiB' | 'ms';
  readonly met: boolean | null;
  readonly basis: string;
}

export const metric = (row: Row | undefined, key: string): number | null => {
  const value = row?.metrics[key];
  return value === undefined || Number.isNaN(value) ? null : value;
};

export function findRow(rows: readonly Row[], workload: string, variant: string, caseName: string): Row | undefined {
  return rows.find((r) => r.workload === workload && r.variant === variant && r.case === caseName);
}
