import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { NewEvent } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { SCHEMA } from '../../src/eventStore/sqliteSchema';
import { removeDatabase } from '../support/files';
import { loadEmmett } from './emmett';

/** A store under test, as the append workload drives it: append to a stream at a known revision. */
export interface AppendTarget {
  append(streamId: string, events: readonly NewEvent[], expected: bigint | 'no_stream'): Promise<void>;
  close(): Promise<void>;
}

export type AppendVariant = 'ocop' | 'raw' | 'raw-grouped' | 'emmett';

/** Our adapter: group commit, a savepoint and a revision check per append. */
export function ocopTarget(path: string): AppendTarget {
  const store = getSqliteEventStore({ path });
  return {
    append: async (streamId, events, expected) => void (await store.append(streamId, events, expected)),
    close: () => store.close(),
  };
}

/** A table like the store's with the store's durability (WAL, synchronous=FULL), and a plain row insert. */
function rawTable(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRows = (streamId: string, events: readonly NewEvent[], expected: bigint | 'no_stream') => {
    const first = expected === 'no_stream' ? 0 : Number(expected) + 1;
    const now = Date.now();
    events.forEach((e, i) =>
      insert.run(
        e.id ?? randomUUID(),
        streamId,
        first + i,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata ?? {}),
        now,
      ),
    );
  };
  return { db, insertRows };
}

/**
 * The ceiling: the same rows in the same table with the same durability, one transaction per
 * append, and nothing else. UNIQUE(stream_id, revision) is the revision check.
 */
export function rawTarget(path: string): AppendTarget {
  const { db, insertRows } = rawTable(path);
  const appendRows = db.transaction(insertRows);
  return {
    append: async (streamId, events, expected) => appendRows(streamId, events, expected),
    close: async () => void db.close(),
  };
}

interface Queued {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: bigint | 'no_stream';
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The ceiling of grouping: appends that arrive in the same event-loop turn inserted in one
 * transaction, with no savepoint, revision read or result per append (one failure fails them all).
 */
export function rawGroupedTarget(path: string): AppendTarget {
  const { db, insertRows } = rawTable(path);
  const insertAll = db.transaction((batch: Queued[]) =>
    batch.forEach((a) => insertRows(a.streamId, a.events, a.expected)),
  );
  let queue: Queued[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      insertAll(batch);
      batch.forEach((a) => a.resolve());
    } catch (error) {
      batch.forEach((a) => a.reject(error));
    }
  };
  return {
    append: (streamId, events, expected) =>
      new Promise((resolve, reject) => {
        if (queue.push({ streamId, events, expected, resolve, reject }) === 1) setImmediate(flush);
      }),
    close: async () => void db.close(),
  };
}

/** Emmett's SQLite event store (from bench/peers), with its own revision check (stream versions count from 1). */
export function emmettTarget(path: string): AppendTarget {
  const emmett = loadEmmett();
  if (!emmett) throw new Error('Emmett is not installed: run `npm run bench:setup`');
  const store = emmett.sqlite.getSQLiteEventStore({ fileName: path });
  return {
    append: async (streamId, events, expected) => {
      await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
        { expectedStreamVersion: expected === 'no_stream' ? emmett.STREAM_DOES_NOT_EXIST : expected + 1n },
      );
    },
    close: async () => undefined,
  };
}

export function openTarget(variant: AppendVariant, path: string): AppendTarget {
  removeDatabase(path);
  if (variant === 'ocop') return ocopTarget(path);
  if (variant === 'raw') return rawTarget(path);
  if (variant === 'raw-grouped') return rawGroupedTarget(path);
  return emmettTarget(path);
}
