import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import type { Row } from '../support/results';
import { round } from '../support/stats';
import { removeDatabase } from '../support/files';
import { loadEmmett } from './emmett';

export type ReadVariant = 'ocop' | 'raw' | 'emmett';

/** Reads one whole stream and answers how many events it held. */
type StreamReader = (streamId: string) => Promise<number>;

async function openReader(variant: ReadVariant, path: string, streams: Map<string, NewEvent[]>) {
  if (variant === 'emmett') {
    const emmett = loadEmmett();
    if (!emmett) throw new Error('Emmett is not installed: run `npm run bench:setup`');
    const store = emmett.sqlite.getSQLiteEventStore({ fileName: path });
    for (const [streamId, events] of streams) {
      await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
      );
    }
    const read: StreamReader = async (streamId) => (await store.readStream(streamId)).events.length;
    return { read, close: async () => undefined };
  }
  const store = getSqliteEventStore({ path });
  await Promise.all([...streams].map(([streamId, events]) => store.append(streamId, events, 'no_stream')));
  if (variant === 'ocop') {
    const read: StreamReader = async (streamId) => {
      let count = 0;
      for await (const _event of store.readStream(streamId)) count++;
      return count;
    };
    return { read, close: () => store.close() };
  }
  await store.close();
  // The ceiling: the same rows selected by the same index and parsed, with nothing around them.
  const db = new Database(path, { readonly: true });
  const select = db.prepare<[string], { data: string; metadata: string }>(
    'SELECT data, metadata FROM events WHERE stream_id = ? ORDER BY revision',
  );
  const read: StreamReader = async (streamId) => {
    let count = 0;
    for (const row of select.iterate(streamId)) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count++;
    }
    return count;
  };
  return { read, close: async () => void db.close() };
}

/** Reads every stream of the province log, one after the other, again and again for `durationMs`. */
export async function measureStreamReads(
  variant: ReadVariant,
  streams: Map<string, NewEvent[]>,
  dir: string,
  durationMs: number,
): Promise<Row> {
  const path = join(dir, `reads-${variant}.db`);
  removeDatabase(path);
  const reader = await openReader(variant, path, streams);
  const ids = [...streams.keys()];
  try {
    for (const id of ids) await reader.read(id); // warm-up
    let events = 0;
    let reads = 0;
    const started = performance.now();
    while (performance.now() - started < durationMs) {
      for (const id of ids) {
        events += await reader.read(id);
        reads++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      workload: 'stream reads',
      case: `${ids.length} streams, ${round(events / reads, 0)} events each`,
      variant,
      metrics: { 'events/s': round(events / seconds, 0), 'streams/s': round(reads / seconds, 0) },
    };
  } finally {
    await reader.close();
    removeDatabase(path);
  }
}

/** The province log grouped by stream, in revision order, to load into each store under test. */
export function loadStreams(datasetPath: string): Map<string, NewEvent[]> {
  const db = new Database(datasetPath, { readonly: true });
  try {
    const streams = new Map<string, NewEvent[]>();
    const rows = db
      .prepare<[], { stream_id: string; type: string; data: string; metadata: string }>(
        'SELECT stream_id, type, data, metadata FROM events ORDER BY position',
      )
      .all();
    for (const row of rows) {
      const events = streams.get(row.stream_id) ?? [];
      events.push({ type: row.type, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) });
      streams.set(row.stream_id, events);
    }
    return streams;
  } finally {
    db.close();
  }
}
