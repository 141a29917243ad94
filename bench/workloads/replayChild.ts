import Database from 'better-sqlite3';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { createServices } from '../../src/application/services';

/**
 * One replay in a process of its own, so its peak RSS is its own: `ocop` rebuilds every read model
 * as the service does at start-up (the projection runner catching up from the start of the log);
 * `raw` reads the same rows in the same order and JSON-parses data and metadata (the ceiling).
 * Prints one JSON line: events, milliseconds, peak RSS.
 */
async function replay(variant: string, path: string): Promise<{ events: number; detail: string }> {
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
  await services.runner.start();
  // Positions of a log nothing was deleted from are dense: the last one is the number of events.
  const events = Number(services.runner.position?.commit ?? 0n);
  const { products, subjects, certificates } = services.runner.models;
  await services.runner.stop();
  await store.close();
  return { events, detail: `${products.size} products, ${subjects.size} subjects, ${certificates.size} certificates` };
}

async function main(): Promise<void> {
  const [variant = 'ocop', path] = process.argv.slice(2);
  if (!path) throw new Error('usage: replayChild <ocop|raw> <sqlite file>');
  const started = performance.now();
  const { events, detail } = await replay(variant, path);
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  const peakRssMiB = usage.maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ variant, events, ms, cpuMs, peakRssMiB, detail })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
