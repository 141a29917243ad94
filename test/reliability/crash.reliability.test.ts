import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type ChildServer, startChildServer } from '../support/childServer';
import {
  acknowledgedProblems,
  atomicityProblems,
  hashChainProblems,
  readLog,
  refusedProblems,
  replay,
  unexpectedAnswers,
  unsentProblems,
} from './support/history';
import { Random, intFromEnv, printFigures, seedFromEnv } from './support/random';
import { type Snapshot, expectedSnapshot, serverSnapshot } from './support/snapshot';
import { type Ledger, Workload } from './support/workload';

/**
 * Crash safety: the real server as a child process on a SQLite file, concurrent writers, `kill -9` at
 * a random moment, restart, and check the log against what the clients were told. Iterations share a
 * file in series of SERIES, so later restarts recover a log that has already survived crashes.
 * `CHAOS_ITERATIONS` and `CHAOS_SEED` reproduce or lengthen a run (`npm run chaos`). The crashes run
 * once, before the cases; each case then asserts one property over what every restart found.
 */
const ITERATIONS = intFromEnv('CHAOS_ITERATIONS', 3);
const SEED = seedFromEnv('CHAOS_SEED');
const SERIES = 10;
const CLIENTS = 8;

type Kind = 'acknowledged' | 'refused' | 'unsent' | 'unexpected' | 'atomicity' | 'chains';

/** What one restart on a crashed file found. */
interface Check {
  /** Names the crash and the seed, so a failure can be replayed. */
  readonly label: string;
  readonly problems: Readonly<Record<Kind, string[]>>;
  readonly answered: Snapshot;
  readonly replayed: Snapshot;
  readonly events: number;
  /** The commandIds the log holds events of. */
  readonly stored: ReadonlySet<string>;
}

interface Totals {
  acknowledged: number;
  acknowledgedEvents: number;
  refused: number;
  inFlight: number;
  inFlightStored: number;
  eventsVerified: number;
  killDelays: number[];
}

/** Restarted on the crashed file: what it holds, against the ledger, and what the server answers. */
async function checkAfterCrash(iteration: number, server: ChildServer, path: string, ledger: Ledger): Promise<Check> {
  const label = `after the crash of iteration ${iteration} (CHAOS_SEED=${SEED})`;
  try {
    const events = await readLog(path);
    const answered = await serverSnapshot(server.gql);
    return {
      label,
      problems: {
        acknowledged: acknowledgedProblems(events, ledger),
        refused: refusedProblems(events, ledger),
        unsent: unsentProblems(events, ledger),
        unexpected: unexpectedAnswers(ledger),
        atomicity: atomicityProblems(events),
        chains: hashChainProblems(events),
      },
      answered,
      replayed: expectedSnapshot(replay(events), answered.day),
      events: events.length,
      stored: new Set(events.map((e) => String(e.metadata['commandId']))),
    };
  } catch (error) {
    throw new Error(`${label}:\n${(error as Error).message}`);
  }
}

/** Adds the commands a check saw for the first time to the figures (every restart re-checks its whole file). */
function count(totals: Totals, ledger: Ledger, counted: Set<string>, { stored, events }: Check): void {
  totals.eventsVerified += events;
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
}

describe(`Crash safety: kill -9 under concurrent writes, ${ITERATIONS} crashes (seed ${SEED})`, () => {
  const checks: Check[] = [];
  const totals: Totals = {
    acknowledged: 0,
    acknowledgedEvents: 0,
    refused: 0,
    inFlight: 0,
    inFlightStored: 0,
    eventsVerified: 0,
    killDelays: [],
  };

  beforeAll(
    async () => {
      console.log(`crash safety: CHAOS_SEED=${SEED} CHAOS_ITERATIONS=${ITERATIONS}`);
      const random = new Random(SEED);
      const ledger: Ledger = new Map();
      const counted = new Set<string>();
      const started = Date.now();
      let dir = '';
      const path = () => join(dir, 'ocop.db');
      const check = async (iteration: number, server: ChildServer) => {
        const found = await checkAfterCrash(iteration, server, path(), ledger);
        checks.push(found);
        count(totals, ledger, counted, found);
      };
      try {
        for (let iteration = 0; iteration <= ITERATIONS; iteration++) {
          const firstOfSeries = iteration % SERIES === 0;
          // A series' last crash, and the run's, are checked by one more start.
          if ((firstOfSeries || iteration === ITERATIONS) && iteration > 0) {
            const server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
            try {
              await check(iteration, server);
            } finally {
              await server.kill('SIGTERM');
            }
          }
          if (iteration === ITERATIONS) break;
          if (firstOfSeries) {
            if (dir) rmSync(dir, { recursive: true, force: true });
            dir = mkdtempSync(join(tmpdir(), 'ocop-crash-'));
            ledger.clear();
            counted.clear();
          }
          const server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
          try {
            if (!firstOfSeries) await check(iteration, server);
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
    },
    Math.max(120_000, ITERATIONS * 60_000),
  );

  /** Every problem of one kind that any restart found, named by its crash. */
  const found = (kind: Kind): string[] => checks.flatMap((c) => c.problems[kind].map((p) => `${c.label}: ${p}`));

  it('should restart on the crashed file and check it after every crash', () => {
    expect(checks.map((c) => c.label)).toHaveLength(ITERATIONS);
  });

  it('should have stored every acknowledged command whole, with the certificate it announced', () => {
    expect(totals.acknowledged).toBeGreaterThan(0);
    expect(found('acknowledged')).toEqual([]);
  });

  it('should have stored nothing of a refused command', () => {
    expect(found('refused')).toEqual([]);
  });

  it('should hold no command that no client sent', () => {
    expect(found('unsent')).toEqual([]);
  });

  it('should have answered every command with success or a known refusal', () => {
    expect(found('unexpected')).toEqual([]);
  });

  it("should have stored each append whole: an award's evaluation, certificate and supersession together", () => {
    expect(found('atomicity')).toEqual([]);
  });

  it('should recompute every hash chain after every restart', () => {
    expect(found('chains')).toEqual([]);
  });

  it('should answer after a restart exactly what read models replayed from scratch say', () => {
    for (const { label, answered, replayed } of checks)
      expect({ label, answered }).toEqual({ label, answered: replayed });
  });
});

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]} / ${sorted[Math.floor(sorted.length / 2)]} / ${sorted.at(-1)}`;
}
