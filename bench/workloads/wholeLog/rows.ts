import type { Row } from '../../support/results';
import { round } from '../../support/stats';
import type { HeavyTally } from './heavyLoad';
import type { OpenLoopResult } from './openLoop';

export const WORKLOAD = 'whole-log';
/** The heavy requests' rows, a table of their own (their columns are not the cheap query's). */
const HEAVY_WORKLOAD = 'whole-log: heavy requests';

/** How the cheap query's client connects (see post.ts): the two ways the public reaches a server. */
export type Connections = 'kept-alive connections' | 'a new connection each';
export const CONNECTIONS: readonly Connections[] = ['kept-alive connections', 'a new connection each'];

export const IDLE_CASE = (connections: Connections) => `cheap query, idle, ${connections}`;
export const LOADED_CASE = (heavy: number, connections: Connections) =>
  `cheap query, ${heavy} heavy running, ${connections}`;

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const listed = (counts: Map<string, number>) => [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');

export function cheapRow(
  caseName: string,
  result: OpenLoopResult,
  note: string,
  cpuWait: number | null,
  idleP99?: number,
): Row {
  const l = result.latencies;
  const p99 = l.percentile(99);
  const failures = listed(result.failures);
  return {
    workload: WORKLOAD,
    case: caseName,
    variant: 'ocop',
    metrics: {
      'sent/s': round(result.sent / result.seconds, 1),
      'p50 ms': round(l.percentile(50), 1),
      'p95 ms': round(l.percentile(95), 1),
      'p99 ms': round(p99, 1),
      'max ms': round(l.percentile(100), 1),
      failed: total(result.failures),
      ...(cpuWait === null ? {} : { 'cpu wait %': cpuWait }),
      ...(idleP99 ? { 'p99 ÷ idle': round(p99 / idleP99, 1) } : {}),
    },
    note: failures ? `${note}; failed: ${failures}` : note,
  };
}

export function heavyRow(tally: HeavyTally): Row {
  const seconds = tally.seconds;
  const note = [
    ...(tally.refused.size ? [`refused: ${listed(tally.refused)}`] : []),
    ...(tally.failed.size ? [`no answer: ${listed(tally.failed)}`] : []),
  ].join('; ');
  return {
    workload: HEAVY_WORKLOAD,
    case: `${tally.kind} × ${tally.workers}`,
    variant: 'ocop',
    metrics: {
      completed: tally.completed,
      refused: total(tally.refused),
      'no answer': total(tally.failed),
      'mean s': seconds.length ? round(seconds.reduce((a, b) => a + b, 0) / seconds.length, 2) : NaN,
      'max s': seconds.length ? round(Math.max(...seconds), 2) : NaN,
    },
    note: note || undefined,
  };
}
