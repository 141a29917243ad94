import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PEERS_DIR } from '../support/paths';

/** The part of Emmett's SQLite event store the benchmarks use (typed here: the peers are optional). */
export interface EmmettEvent {
  type: string;
  data: object;
  metadata?: object;
}

export interface EmmettSqliteStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint | string },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(streamName: string): Promise<{ events: EmmettEvent[]; currentStreamVersion: bigint }>;
}

export interface Emmett {
  readonly version: string;
  readonly sqlite: { getSQLiteEventStore(options: { fileName: string }): EmmettSqliteStore };
  readonly STREAM_DOES_NOT_EXIST: string;
}

/** Emmett from bench/peers/node_modules, or null when `npm run bench:setup` has not installed it. */
export function loadEmmett(): Emmett | null {
  const manifest = join(PEERS_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite', 'package.json');
  if (!existsSync(manifest)) return null;
  const load = createRequire(join(PEERS_DIR, 'package.json'));
  const sqlite = load('@event-driven-io/emmett-sqlite') as Emmett['sqlite'];
  const core = load('@event-driven-io/emmett') as { STREAM_DOES_NOT_EXIST: string };
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { version, sqlite, STREAM_DOES_NOT_EXIST: core.STREAM_DOES_NOT_EXIST };
}

/**
 * Runs a measurement with console.log silenced: Emmett's SQLite connection logs every failed
 * transaction to the console, which would bury the bench's own output (failures are counted instead).
 */
export async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run();
  } finally {
    console.log = log;
  }
}
