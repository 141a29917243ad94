import { DEFAULT_RATE_LIMITS, DEFAULT_WHOLE_LOG_LIMITS } from '../../../src/config/defaults';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase } from '../../support/files';
import { cpuWaitWindow } from '../../support/pressure';
import type { Row } from '../../support/results';
import { round } from '../../support/stats';
import { BENCH_JWT_SECRET, readyMs, startOcopServer } from '../servers';
import { startHeavyLoad } from './heavyLoad';
import { logExtent } from './heavyQueries';
import { type OpenLoopResult, openLoop } from './openLoop';
import { freshConnections, keptAliveConnections, postGraphql } from './post';
import { CONNECTIONS, type Connections, IDLE_CASE, LOADED_CASE, WORKLOAD, cheapRow, heavyRow } from './rows';

export interface WholeLogOptions {
  /** Concurrent whole-log requests (closed loop). */
  readonly heavy: number;
  /** Cheap queries per second, sent open-loop. */
  readonly rate: number;
  /** Each way of connecting runs this long idle, and this long under load. */
  readonly idleSeconds: number;
  readonly loadedSeconds: number;
  readonly profileDir?: string;
  readonly onRow: (row: Row) => void;
}

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
  const agents = { 'kept-alive connections': keptAliveConnections(), 'a new connection each': freshConnections() };
  try {
    const startUp = round((await readyMs(server)) / 1000, 2);
    add({
      workload: WORKLOAD,
      case: 'start-up to /readyz, full replay',
      variant: 'ocop',
      metrics: { seconds: startUp },
    });
    const url = new URL(server.url.replace('//localhost:', '//127.0.0.1:'));
    const cheap = (connections: Connections) => (i: number) =>
      postGraphql(url, agents[connections], cheapQuery(i), {}, 30_000);
    for (let i = 0; i < CHEAP_PRODUCTS; i++) {
      const answer = await cheap('a new connection each')(i);
      if (answer.code) throw new Error(`the cheap query answered ${answer.code}`);
    }
    const note = `${extent.events.toLocaleString('en-US')} events; anonymous product(id), remembered`;
    // Each way of connecting in turn, timed with the share of the window the machine's tasks waited for a CPU.
    const measure = async (seconds: number): Promise<Map<Connections, [OpenLoopResult, number | null]>> => {
      const results = new Map<Connections, [OpenLoopResult, number | null]>();
      for (const connections of CONNECTIONS) {
        const pressure = cpuWaitWindow();
        results.set(connections, [await openLoop(cheap(connections), options.rate, seconds), pressure()]);
      }
      return results;
    };
    const idle = await measure(options.idleSeconds);
    for (const [connections, [result, cpuWait]] of idle) add(cheapRow(IDLE_CASE(connections), result, note, cpuWait));
    const heavy = startHeavyLoad(url, BENCH_JWT_SECRET, extent, options.heavy, 20240322);
    const loaded = await measure(options.loadedSeconds);
    const tallies = heavy.stop();
    for (const [connections, [result, cpuWait]] of loaded) {
      const idleP99 = idle.get(connections)![0].latencies.percentile(99);
      add(cheapRow(LOADED_CASE(options.heavy, connections), result, note, cpuWait, idleP99));
    }
    for (const tally of tallies) add(heavyRow(tally));
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
