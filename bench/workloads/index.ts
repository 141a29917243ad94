import type { BenchConfig } from '../config';
import type { Row } from '../support/results';
import { formatNumber } from '../support/stats';
import type { AppendVariant } from './appendTargets';
import { appendCaseName, measureAppends } from './appends';
import { measureCommands } from './commands';
import { loadEmmett, quietly } from './emmett';
import { measureGraphql } from './graphql';
import { loadPayloads } from './payloads';
import { type ReadVariant, loadStreams, measureStreamReads } from './reads';
import { measureReplay } from './replay';

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

/** Every workload in turn; peers that are not installed are left out (and said so). */
export async function runWorkloads(config: BenchConfig, paths: Paths): Promise<Row[]> {
  const rows: Row[] = [];
  const emmett = loadEmmett();
  if (!emmett) console.log('Emmett is not installed (npm run bench:setup): its columns stay empty');
  else console.log(`peer: @event-driven-io/emmett-sqlite ${emmett.version}`);
  const peer = <V extends string>(variants: V[]): V[] => variants.filter((v) => v !== 'emmett' || emmett);

  const payloads = loadPayloads(paths.province);
  for (const batch of config.batches) {
    for (const writers of config.writers) {
      for (const variant of peer<AppendVariant>(['raw', 'ocop', 'emmett'])) {
        if (variant === 'emmett' && writers > 1) {
          rows.push(show(emmettCannotShare({ batch, writers })));
          continue;
        }
        const measure = () => measureAppends(variant, { batch, writers }, payloads, paths.work, config.appendMs);
        rows.push(show(variant === 'emmett' ? await quietly(measure) : await measure()));
      }
    }
  }
  const streams = loadStreams(paths.province);
  for (const variant of peer<ReadVariant>(['raw', 'ocop', 'emmett'])) {
    rows.push(show(await quietly(() => measureStreamReads(variant, streams, paths.work, config.readMs))));
  }
  for (const writers of config.commandWriters) {
    rows.push(show(await measureCommands(paths.province, paths.work, writers, config.commandMs)));
  }
  for (const variant of ['raw', 'ocop'] as const) {
    rows.push(show(await measureReplay(variant, paths.large, paths.profileDir)));
  }
  rows.push(
    ...(await measureGraphql(paths.large, paths.work, {
      seconds: config.graphqlSeconds,
      connections: config.connections,
      asOfInstants: ['2020-12-31T12:00:00.000Z', '2024-06-30T12:00:00.000Z'],
      asOfRepeats: config.asOfRepeats,
      profileDir: paths.profileDir,
      onRow: show,
    })),
  );
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
