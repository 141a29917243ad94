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

export type AppendVariant = 'ocop' | 'raw' | 'emmett';

/** Our adapter: group commit, a savepoint and a revision check per append. */
export function ocopTarget(path: string): AppendTarget {
  const store = getSqliteEventStore({ path });
  return {
    append: async (streamId, events, expected) => void (await store.append(streamId, events, expected)),
    close: () => store.close(),
  };
}

/**
 * The ceiling: the same rows in the same table with the same durability (WAL, synchronous=FULL),
 * one transaction per append, and nothing else. UNIQUE(stream_id, revision) is the revision check.
 */
export function rawTarget(path: string): AppendTarget {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const appendRows = db.transaction((streamId: string, events: readonly NewEvent[], first: number) => {
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
  });
  return {
    append: async (streamId, events, expected) =>
      appendRows(streamId, events, expected === 'no_stream' ? 0 : Number(expected) + 1),
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
  return emmettTarget(path);
}
