import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RATE_LIMITS } from '../../../src/graphql/limits/rateLimits';
import { DEFAULT_WHOLE_LOG_LIMITS } from '../../../src/graphql/limits/wholeLogWork';
import { copyDatabase } from '../../support/files';
import { cpuWaitWindow } from '../../support/pressure';
import type { Row } from '../../support/results';
import { round } from '../../support/stats';
import { BENCH_JWT_SECRET, readyMs, startOcopServer } from '../servers';
import { type HeavyTally, startHeavyLoad } from './heavyLoad';
import { logExtent } from './heavyQueries';
import { type OpenLoopResult, openLoop } from './openLoop';
import { freshConnections, postGraphql } from './post';

export interface WholeLogOptions {
  /** Concurrent whole-log requests (closed loop). */
  readonly heavy: number;
  /** Cheap queries per second, sent open-loop. */
  readonly rate: number;
  readonly idleSeconds: number;
  readonly loadedSeconds: number;
  readonly profileDir?: string;
  readonly onRow: (row: Row) => void;
}

export const WORKLOAD = 'whole-log';
/** The heavy requests' rows, a table of their own (their columns are not the cheap query's). */
const HEAVY_WORKLOAD = 'whole-log: heavy requests';
export const LOADED_CASE = (heavy: number) => `cheap query, ${heavy} heavy running`;
/** Products the cheap query rotates over: each asked once before measuring, then answered from memory. */
const CHEAP_PRODUCTS = 100;
const cheapQuery = (i: number) => `{ product(id: "prd-${i % CHEAP_PRODUCTS}") { id name group stars } }`;

/**
 * The service as an operator runs it (production mode, its default limits on whole-log work, per
 * token, cost and time), except the limit per address: every request here comes from 127.0.0.1,
 * which stands for many members of the public. Snapshots are off: the log does not grow, so the only
 * one would be written at start-up, possibly inside a measured window.
 */
const SERVER_ENV = {
  OCOP_RATE_LIMIT_PER_TOKEN: String(DEFAULT_RATE_LIMITS.perToken),
  OCOP_MAX_WHOLE_LOG_PER_CALLER: String(DEFAULT_WHOLE_LOG_LIMITS.perCaller),
  OCOP_MAX_WHOLE_LOG_TOTAL: String(DEFAULT_WHOLE_LOG_LIMITS.total),
  OCOP_SNAPSHOTS: 'false',
};

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const listed = (counts: Map<string, number>) => [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');

function cheapRow(
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

function heavyRow(tally: HeavyTally): Row {
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

/**
 * A cheap anonymous query sent open-loop at a fixed rate, first with nothing else running (idle),
 * then while `heavy` analysts' whole-log requests run back to back, on one server in the same run.
 */
export async function measureWholeLogLoad(datasetPath: string, dir: string, options: WholeLogOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    options.onRow(row);
  };
  const work = mkdtempSync(join(dir, 'whole-log-'));
  const path = join(work, 'log.db');
  copyDatabase(datasetPath, path);
  const extent = logExtent(path);
  const server = await startOcopServer(path, options.profileDir, SERVER_ENV);
  const agent = freshConnections();
  try {
    const startUp = round((await readyMs(server)) / 1000, 2);
    add({
      workload: WORKLOAD,
      case: 'start-up to /readyz, full replay',
      variant: 'ocop',
      metrics: { seconds: startUp },
    });
    const url = new URL(server.url.replace('//localhost:', '//127.0.0.1:'));
    const cheap = (i: number) => postGraphql(url, agent, cheapQuery(i), {}, 30_000);
    for (let i = 0; i < CHEAP_PRODUCTS; i++) {
      const answer = await cheap(i);
      if (answer.code) throw new Error(`the cheap query answered ${answer.code}`);
    }
    const note = `${extent.events.toLocaleString('en-US')} events; anonymous product(id), remembered`;
    let pressure = cpuWaitWindow();
    const idle = await openLoop(cheap, options.rate, options.idleSeconds);
    add(cheapRow('cheap query, idle', idle, note, pressure()));
    pressure = cpuWaitWindow();
    const heavy = startHeavyLoad(url, BENCH_JWT_SECRET, extent, options.heavy, 20240322);
    const loaded = await openLoop(cheap, options.rate, options.loadedSeconds);
    const tallies = heavy.stop();
    add(cheapRow(LOADED_CASE(options.heavy), loaded, note, pressure(), idle.latencies.percentile(99)));
    for (const tally of tallies) add(heavyRow(tally));
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
