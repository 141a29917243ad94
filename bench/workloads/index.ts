import type { BenchConfig } from '../config';
import type { Row } from '../support/results';
import { formatNumber } from '../support/stats';
import type { AppendVariant } from './appendTargets';
import { appendCaseName, measureAppends } from './appends';
import { measureCommands } from './commands';
import { loadEmmett, quietly } from './emmett';
import { measureExecutors } from './executors';
import { measureGraphql } from './graphql';
import { loadPayloads } from './payloads';
import { type ReadVariant, loadStreams, measureStreamReads } from './reads';
import { measureReplay } from './replay';
import { ensureDataset } from '../synthetic/dataset';
import { measureWholeLogLoad } from './wholeLog/measure';

export interface Paths {
  /** The province log: payloads for appends, streams for reads, the base for whole commands. */
  readonly province: string;
  /** The log replay, GraphQL and asOf run on (the nation in full mode). */
  readonly large: string;
  /** A scratch folder for the files each workload writes. */
  readonly work: string;
  readonly profileDir?: string;
}

function show(row: Row): Row {
  const figures = Object.entries(row.metrics).map(([k, v]) => `${k} ${formatNumber(v)}`);
  console.log(
    `  ${row.workload} | ${row.case} | ${row.variant} | ${figures.join(', ')}${row.note ? ` (${row.note})` : ''}`,
  );
  return row;
}

/** Runs every variant once per round, in turn, and keeps each variant's row with the highest `key`. */
async function bestOfRounds<V extends string>(
  rounds: number,
  variants: readonly V[],
  key: string,
  measure: (variant: V) => Promise<Row>,
): Promise<Row[]> {
  const best = new Map<V, Row>();
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const row = show(await measure(variant));
      const kept = best.get(variant);
      if (!kept || (row.metrics[key] ?? 0) > (kept.metrics[key] ?? 0)) best.set(variant, row);
    }
  }
  return variants.map((v) => best.get(v)!);
}

/** Every workload in turn; peers that are not installed are left out (and said so). */
export async function runWorkloads(config: BenchConfig, paths: Paths): Promise<Row[]> {
  const rows: Row[] = [];
  const emmett = loadEmmett();
  if (!emmett) console.log('Emmett is not installed (npm run bench:setup): its columns stay empty');
  else console.log(`peer: @event-driven-io/emmett-sqlite ${emmett.version}`);
  const peer = <V extends string>(variants: V[]): V[] => variants.filter((v) => v !== 'emmett' || emmett);

  // Each comparison runs its variants in turn, `rounds` times, and keeps each variant's best run:
  // on a shared machine a neighbour's burst then hurts one round, not the ratio.
  const runs = (workload: string) => config.only === null || config.only === workload;
  const payloads = loadPayloads(paths.province);
  for (const batch of runs('appends') ? config.batches : []) {
    for (const writers of config.writers) {
      const variants = peer<AppendVariant>(['raw', ...(writers > 1 ? ['raw-grouped' as const] : []), 'ocop', 'emmett']);
      const measured = variants.filter((v) => v !== 'emmett' || writers === 1);
      rows.push(
        ...(await bestOfRounds(config.rounds, measured, 'events/s', (variant) => {
          const measure = () => measureAppends(variant, { batch, writers }, payloads, paths.work, config.appendMs);
          return variant === 'emmett' ? quietly(measure) : measure();
        })),
      );
      if (variants.includes('emmett') && writers > 1) rows.push(show(emmettCannotShare({ batch, writers })));
    }
  }
  const streams = loadStreams(paths.province);
  if (runs('stream reads'))
    rows.push(
      ...(await bestOfRounds(config.rounds, peer<ReadVariant>(['raw', 'ocop', 'emmett']), 'events/s', (variant) =>
        quietly(() => measureStreamReads(variant, streams, paths.work, config.readMs)),
      )),
    );
  for (const writers of runs('commands') ? config.commandWriters : []) {
    rows.push(show(await measureCommands(paths.province, paths.work, writers, config.commandMs)));
  }
  if (runs('replay'))
    rows.push(
      ...(await bestOfRounds(config.rounds, ['raw', 'ocop'] as const, 'events/s', (variant) =>
        measureReplay(variant, paths.large, paths.profileDir),
      )),
    );
  if (runs('executors'))
    for (const row of await measureExecutors(paths.large, config.readMs, config.rounds)) rows.push(show(row));
  if (runs('graphql'))
    rows.push(
      ...(await measureGraphql(paths.large, paths.work, {
        seconds: config.graphqlSeconds,
        connections: config.connections,
        asOfInstants: ['2020-12-31T12:00:00.000Z', '2024-06-30T12:00:00.000Z'],
        asOfRepeats: config.asOfRepeats,
        settleMs: config.mode === 'full' ? 10_000 : 500,
        profileDir: paths.profileDir,
        onRow: show,
      })),
    );
  if (runs('whole-log')) {
    const { scale, ...load } = config.wholeLog;
    const dataset = scale === 'province' ? null : await ensureDataset(scale);
    if (dataset) console.log(`data: ${scale}, ${dataset.summary.events.toLocaleString('en-US')} events`);
    const log = dataset?.path ?? paths.province;
    rows.push(
      ...(await measureWholeLogLoad(log, paths.work, {
        heavy: 15,
        ...load,
        profileDir: paths.profileDir,
        onRow: show,
      })),
    );
  }
  return rows;
}

/**
 * Emmett 0.38.5's SQLite store keeps one connection per store and closes it when each call ends, so
 * a second append in flight fails (SQLITE_MISUSE, SQLITE_BUSY) and an unhandled statement error can
 * end the process: concurrent writers are not measured, and the table says why.
 */
function emmettCannotShare(c: { batch: number; writers: number }): Row {
  return {
    workload: 'appends',
    case: appendCaseName(c),
    variant: 'emmett',
    metrics: {},
    note: 'not measurable: concurrent appends fail (one connection per store, closed after each call)',
  };
}
