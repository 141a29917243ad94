import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { snapshotKey } from '../../projections/snapshotKey';
import { writeSnapshot } from '../../projections/snapshots';
import type { ReadModels } from '../../projections/views/models';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { createServices } from '../../src/application/services';

const MIB = 2 ** 20;
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Writes a snapshot of `models` as the service does, sampling the process's RSS between its slices:
 * how much memory writing takes beyond the models themselves (the payload goes to disk entry by
 * entry, so it should be a small part of them).
 */
async function snapshotWriteMemory(models: ReadModels, last: RecordedEvent) {
  collect();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const dir = mkdtempSync(join(tmpdir(), 'ocop-bench-snapshot-'));
  const started = performance.now();
  try {
    const settings = { dir, name: 'bench', everyEvents: 1, everyMs: 1, key: snapshotKey('bench-snapshot-key') };
    await writeSnapshot(settings, models, last, last.recordedAt);
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { writeMs: performance.now() - started, writeExtraMiB: (peak - before) / MIB };
}

/**
 * One replay in a process of its own, so its peak RSS is its own: `ocop` rebuilds every read model
 * as the service does at start-up (the projection runner catching up from the start of the log);
 * `raw` reads the same rows in the same order and JSON-parses data and metadata (the ceiling).
 * `ocop` then weighs its read models and writes a snapshot of them, measuring what writing costs in
 * memory. Prints one JSON line: events, milliseconds, peak RSS (and for `ocop`, the snapshot's figures).
 */
interface Replayed {
  events: number;
  detail: string;
  /** The read models' own size: the heap they hold once garbage is collected (ocop only). */
  modelsMiB?: number;
  writeMs?: number;
  writeExtraMiB?: number;
}

async function replay(variant: string, path: string): Promise<Replayed> {
  if (variant === 'raw') {
    const db = new Database(path, { readonly: true });
    let events = 0;
    let bytes = 0;
    // The fastest plain read: rows as arrays, in log order, each data and metadata column parsed.
    const select = db.prepare<[], [number, string, string, number, string, string, string, number]>(
      'SELECT position, event_id, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY position',
    );
    for (const row of select.raw().iterate()) {
      const data = JSON.parse(row[5]) as object;
      const metadata = JSON.parse(row[6]) as object;
      if (data && metadata) events++;
      bytes += row[5].length + row[6].length;
    }
    db.close();
    return { events, detail: `${Math.round(bytes / 2 ** 20)} MiB of JSON` };
  }
  const store = getSqliteEventStore({ path });
  const services = createServices(store);
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  await services.runner.start();
  // Positions of a log nothing was deleted from are dense: the last one is the number of events.
  const events = Number(services.runner.position?.commit ?? 0n);
  const { products, subjects, certificates } = services.runner.models;
  await services.runner.stop();
  collect();
  const modelsMiB = (process.memoryUsage().heapUsed - heapBefore) / MIB;
  let last: RecordedEvent | undefined;
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) last = event;
  const written = await snapshotWriteMemory(services.runner.models, last!);
  await store.close();
  return {
    events,
    detail: `${products.size} products, ${subjects.size} subjects, ${certificates.size} certificates`,
    modelsMiB,
    ...written,
  };
}

async function main(): Promise<void> {
  const [variant = 'ocop', path] = process.argv.slice(2);
  if (!path) throw new Error('usage: replayChild <ocop|raw> <sqlite file>');
  const started = performance.now();
  const { events, detail, ...snapshot } = await replay(variant, path);
  const ms = performance.now() - started - (snapshot.writeMs ?? 0);
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  const peakRssMiB = usage.maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ variant, events, ms, cpuMs, peakRssMiB, detail, ...snapshot })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
