import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type ChildServer, startChildServer } from '../support/childServer';
import { atomicityProblems, hashChainProblems, ledgerProblems, readLog, replay } from './support/history';
import { Random, intFromEnv, printFigures, seedFromEnv } from './support/random';
import { expectedSnapshot, serverSnapshot } from './support/snapshot';
import { type Ledger, Workload } from './support/workload';

/**
 * Crash safety: the real server as a child process on a SQLite file, concurrent writers, `kill -9` at
 * a random moment, restart, and check the log against what the clients were told. Iterations share a
 * file in series of SERIES, so later restarts recover a log that has already survived crashes.
 * `CHAOS_ITERATIONS` and `CHAOS_SEED` reproduce or lengthen a run (`npm run chaos`).
 */
const ITERATIONS = intFromEnv('CHAOS_ITERATIONS', 3);
const SEED = seedFromEnv('CHAOS_SEED');
const SERIES = 10;
const CLIENTS = 8;

interface Totals {
  acknowledged: number;
  acknowledgedEvents: number;
  refused: number;
  inFlight: number;
  inFlightStored: number;
  eventsVerified: number;
  killDelays: number[];
}

/** Restarts on the crashed file and checks everything it is supposed to hold. */
async function verifyAfterCrash(
  server: ChildServer,
  path: string,
  ledger: Ledger,
  counted: Set<string>,
  totals: Totals,
): Promise<void> {
  const events = await readLog(path);
  const problems = [...hashChainProblems(events), ...atomicityProblems(events), ...ledgerProblems(events, ledger)];
  expect(problems).toEqual([]);
  const snapshot = await serverSnapshot(server.gql);
  expect(snapshot).toEqual(expectedSnapshot(replay(events), snapshot.day));
  const stored = new Set(events.map((e) => String(e.metadata['commandId'])));
  // Every restart re-checks the whole ledger of its file; the figures count each command once.
  for (const [commandId, outcome] of ledger) {
    if (counted.has(commandId)) continue;
    counted.add(commandId);
    if (outcome.state === 'acked') {
      totals.acknowledged += 1;
      totals.acknowledgedEvents += outcome.events;
    }
    if (outcome.state === 'refused') totals.refused += 1;
    if (outcome.state === 'unknown' || outcome.state === 'pending') {
      totals.inFlight += 1;
      if (stored.has(commandId)) totals.inFlightStored += 1;
    }
  }
  totals.eventsVerified += events.length;
}

describe('Crash safety: kill -9 under concurrent writes', () => {
  it(
    `should keep every acknowledged event over ${ITERATIONS} crashes (seed ${SEED})`,
    async () => {
      console.log(`crash safety: CHAOS_SEED=${SEED} CHAOS_ITERATIONS=${ITERATIONS}`);
      const random = new Random(SEED);
      const totals: Totals = {
        acknowledged: 0,
        acknowledgedEvents: 0,
        refused: 0,
        inFlight: 0,
        inFlightStored: 0,
        eventsVerified: 0,
        killDelays: [],
      };
      let dir = '';
      const ledger: Ledger = new Map();
      const counted = new Set<string>();
      const started = Date.now();
      try {
        for (let iteration = 0; iteration <= ITERATIONS; iteration++) {
          const firstOfSeries = iteration % SERIES === 0;
          // A series' last crash, and the run's, are verified by one more start.
          if ((firstOfSeries || iteration === ITERATIONS) && iteration > 0) await check(iteration);
          if (iteration === ITERATIONS) break;
          if (firstOfSeries) {
            if (dir) rmSync(dir, { recursive: true, force: true });
            dir = mkdtempSync(join(tmpdir(), 'ocop-crash-'));
            ledger.clear();
            counted.clear();
          }
          const server = await startChildServer({ env: { OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
          try {
            if (!firstOfSeries)
              await step(iteration, () => verifyAfterCrash(server, join(dir, 'ocop.db'), ledger, counted, totals));
            const killAfter = random.int(30, 1500);
            totals.killDelays.push(killAfter);
            let stopped = false;
            const workload = new Workload(server.gql, random.fork(), `i${iteration}`, ledger);
            const running = workload.run(CLIENTS, () => stopped);
            await delay(killAfter);
            await server.kill('SIGKILL');
            stopped = true;
            await running;
          } finally {
            await server.kill('SIGKILL');
          }
        }
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
      printFigures('crash safety', {
        seed: SEED,
        iterations: ITERATIONS,
        'kill delay ms (min/median/max)': spread(totals.killDelays),
        'acknowledged commands checked': totals.acknowledged,
        'acknowledged events checked': totals.acknowledgedEvents,
        'refused commands checked (nothing appended)': totals.refused,
        'in flight at the kill (stored whole / none)': `${totals.inFlight} (${totals.inFlightStored} / ${totals.inFlight - totals.inFlightStored})`,
        'events re-verified after restarts (hash chains, atomicity, replay)': totals.eventsVerified,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      expect(totals.acknowledged).toBeGreaterThan(0);

      async function check(iteration: number): Promise<void> {
        const server = await startChildServer({ env: { OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
        try {
          await step(iteration, () => verifyAfterCrash(server, join(dir, 'ocop.db'), ledger, counted, totals));
        } finally {
          await server.kill('SIGTERM');
        }
      }
    },
    Math.max(120_000, ITERATIONS * 60_000),
  );
});

/** Names the seed and iteration in a failure, so it can be replayed. */
async function step(iteration: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw new Error(`after the crash of iteration ${iteration} (CHAOS_SEED=${SEED}):\n${(error as Error).message}`);
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]} / ${sorted[Math.floor(sorted.length / 2)]} / ${sorted.at(-1)}`;
}
