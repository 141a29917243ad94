import { Command } from 'commander';
import { createReadStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { type ImportedEvent, parseExportLine } from '../application/exportFormat';
import { assertEmptyStore, checkExport, importEvents } from '../application/importLog';
import { type Config, loadConfig } from '../config';
import type { EventStore } from '../eventStore/eventStore';
import { getSqliteEventStore } from '../eventStore/sqlite';
import { openStore } from '../openStore';
import { formatCount, rate } from './historyIo';
import type { CliIo } from './io';

async function* readExport(file: string): AsyncIterable<ImportedEvent> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() !== '') yield parseExportLine(line, number);
  }
}

/**
 * The target store. SQLite stamps each append with its clock: the import's clock hands out each event's
 * original recording time, in the order the appends are made, so `asOf` answers the same after a move.
 * EventStoreDB stamps its own time; the original stays in every event's metadata (`recordedAt`).
 */
function openTarget(config: Config, recordedTimes: number[]): Promise<EventStore> {
  if (config.store !== 'sqlite') return openStore(config);
  const path = resolve(config.sqlitePath);
  mkdirSync(dirname(path), { recursive: true });
  return Promise.resolve(getSqliteEventStore({ path, clock: () => recordedTimes.shift() ?? Date.now() }));
}

/**
 * Loads an export into an EMPTY store of either kind (OCOP_STORE=sqlite|esdb), in log order, with the
 * same streams, revisions, ids, data and metadata, so every hash chain still verifies. The file is
 * checked whole first (order, revisions, chains); a non-empty target is refused.
 */
export async function importLog(file: string, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const recordedTimes: number[] = [];
  const store = await openTarget(config, recordedTimes);
  try {
    await assertEmptyStore(store);
    const checked = await checkExport(readExport(file));
    io.stderr.write(`${file}: ${formatCount(checked.events)} events in ${checked.streams} streams, chains intact\n`);
    const began = performance.now();
    const events = await importEvents(store, readExport(file), {
      inFlight: config.store === 'sqlite' ? 1000 : 1,
      beforeAppend: (event) => recordedTimes.push(event.recordedAt.getTime()),
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Import failed (${reason}); the target holds part of the log: empty it before trying again`);
    });
    const ms = performance.now() - began;
    const target = config.store === 'sqlite' ? `sqlite at ${config.sqlitePath}` : config.store;
    io.stdout.write(
      `imported ${formatCount(events)} events into ${target} in ${(ms / 1000).toFixed(1)} s (${rate(events, ms)} events/s)\n`,
    );
    if (config.store !== 'sqlite')
      io.stderr.write('note: EventStoreDB records its own time; each original is in metadata.recordedAt\n');
  } finally {
    await store.close();
  }
}

export const importCommand = (io: CliIo): Command =>
  new Command('import')
    .description('Load an `ocop export` file into an EMPTY store (OCOP_STORE names which), checking it whole first.')
    .argument('<file>', 'the NDJSON file `ocop export` wrote')
    .action((file: string) => importLog(file, io));
