import { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { type ImportedEvent, parseExportLine } from '../application/exportFormat';
import { assertEmptyStore, checkExport, importEvents } from '../application/importLog';
import { openStore } from './openStore';
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
 * Loads an export into an EMPTY store of any kind (OCOP_STORE), in log order, with the same streams,
 * revisions, ids, data and metadata, so every hash chain still verifies. A store that keeps recording
 * times gets the originals, so `asOf` answers the same after a move; one that stamps its own still has
 * each original in the event's metadata (`recordedAt`). The file is checked whole first (order,
 * revisions, chains); a non-empty target is refused.
 */
async function importLog(file: string, io: CliIo): Promise<void> {
  const store = await openStore(io.env, { create: true });
  try {
    await assertEmptyStore(store);
    const checked = await checkExport(readExport(file));
    io.stderr.write(`${file}: ${formatCount(checked.events)} events in ${checked.streams} streams, chains intact\n`);
    const began = performance.now();
    const events = await importEvents(store, readExport(file)).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Import failed (${reason}); the target holds part of the log: empty it before trying again`);
    });
    const ms = performance.now() - began;
    io.stdout.write(
      `imported ${formatCount(events)} events into ${store.description} in ${(ms / 1000).toFixed(1)} s (${rate(events, ms)} events/s)\n`,
    );
    if (!store.capabilities.keepsRecordedAt)
      io.stderr.write('note: the store records its own time; each original is in metadata.recordedAt\n');
  } finally {
    await store.close();
  }
}

export const importCommand = (io: CliIo): Command =>
  new Command('import')
    .description('Load an `ocop export` file into an EMPTY store (OCOP_STORE names which), checking it whole first.')
    .argument('<file>', 'the NDJSON file `ocop export` wrote')
    .action((file: string) => importLog(file, io));
