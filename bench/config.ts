import type { Scale } from './synthetic/scale';

/** How long and on what each workload runs; `--quick` trades precision for a run of about a minute. */
export interface BenchConfig {
  readonly mode: 'quick' | 'full';
  /** The log replay, GraphQL and asOf run on. */
  readonly largeScale: Scale['name'];
  readonly appendMs: number;
  readonly batches: readonly number[];
  readonly writers: readonly number[];
  readonly commandMs: number;
  readonly commandWriters: readonly number[];
  readonly readMs: number;
  readonly graphqlSeconds: number;
  readonly connections: readonly number[];
  readonly asOfRepeats: number;
  /** The cheap query under whole-log load: its log, its rate, and how long idle and loaded (each way of connecting). */
  readonly wholeLog: {
    readonly scale: Scale['name'];
    readonly rate: number;
    readonly idleSeconds: number;
    readonly loadedSeconds: number;
  };
  /** Each comparison's variants run this many times in turn; the best run of each is kept. */
  readonly rounds: number;
  /** Write V8 CPU profiles of the replay and server children to bench/.data/profiles (gitignored). */
  readonly profile: boolean;
  /** `--only=<workload>`: run one workload (one of WORKLOADS). */
  readonly only: string | null;
}

export const WORKLOADS = ['appends', 'stream reads', 'commands', 'replay', 'executors', 'graphql', 'whole-log'];
/** The workloads that run on the large log (the nation in full mode), which is generated only for them. */
export const LARGE_LOG_WORKLOADS = ['replay', 'executors', 'graphql'];

export function parseArgs(argv: readonly string[]): BenchConfig {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
  if (only !== null && !WORKLOADS.includes(only)) throw new Error(`--only takes one of ${WORKLOADS.join(', ')}`);
  const unknown = argv.filter((a) => !['--quick', '--profile'].includes(a) && !a.startsWith('--only='));
  if (unknown.length > 0)
    throw new Error(`Unknown option(s) ${unknown.join(' ')}; options: --quick, --profile, --only=<workload>`);
  const common = {
    batches: [1, 10, 100],
    writers: [1, 4, 16],
    connections: [1, 16, 64],
    profile: argv.includes('--profile'),
    only,
  };
  return quick
    ? {
        ...common,
        mode: 'quick',
        rounds: 1,
        largeScale: 'province',
        appendMs: 400,
        commandMs: 1500,
        commandWriters: [1, 16],
        readMs: 500,
        graphqlSeconds: 1,
        asOfRepeats: 3,
        // The province log replays in milliseconds: a check that the workload runs, not of its target.
        wholeLog: { scale: 'province', rate: 50, idleSeconds: 2, loadedSeconds: 4 },
      }
    : {
        ...common,
        mode: 'full',
        rounds: 5,
        largeScale: 'nation',
        appendMs: 1200,
        commandMs: 5000,
        commandWriters: [1, 16],
        readMs: 1500,
        graphqlSeconds: 10,
        asOfRepeats: 5,
        // Over 100,000 events; 30 s at 50/s is 1,500 loaded samples for each way of connecting, 15 above the p99.
        wholeLog: { scale: 'region', rate: 50, idleSeconds: 10, loadedSeconds: 30 },
      };
}
