import type Database from 'better-sqlite3';
import type { RecordedEvent } from './eventStore';
import { parseStoredObject } from './sqliteErrors';

/**
 * Reads fetch rows as arrays (better-sqlite3's raw mode) in this column order: replaying a million
 * events then builds no intermediate object with named keys per row.
 */
const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';
export type EventTuple = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: number,
];

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    head: db.prepare<[string], { revision: number }>(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    insert: db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    streamForwards: db
      .prepare<[string, bigint, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(),
    streamBackwards: db
      .prepare<[string, bigint, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(),
    allForwards: db
      .prepare<[bigint, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
      )
      .raw(),
    allBackwards: db
      .prepare<[bigint, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
      )
      .raw(),
    // Of types given as a JSON array, within a window of positions: a type absent from the log is looked
    // for a window at a time, each query examining a bounded number of rows.
    typedForwards: db
      .prepare<[bigint, bigint, string, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE position >= ? AND position < ?
         AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
      )
      .raw(),
    typedBackwards: db
      .prepare<[bigint, bigint, string, number], EventTuple>(
        `SELECT ${COLUMNS} FROM events WHERE position <= ? AND position > ?
         AND type IN (SELECT value FROM json_each(?)) ORDER BY position DESC LIMIT ?`,
      )
      .raw(),
    lastPosition: db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM events'),
    // AUTOINCREMENT keeps the highest row id ever assigned here: rows deleted at the very end of the log
    // leave no gap between the rows left, but this still counts them.
    highestAssigned: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
    // Recording times never go backwards in position order: the last row has the latest, found
    // through the primary key instead of a scan of the whole log at every start.
    lastRecordedAt: db.prepare<[], { t: number | null }>(
      'SELECT recorded_at AS t FROM events ORDER BY position DESC LIMIT 1',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export function toRecordedEvent(row: EventTuple): RecordedEvent {
  const [position, id, streamId, revision, type, data, metadata, recordedAt] = row;
  const at = { position, streamId, revision };
  const global = BigInt(position);
  return {
    id,
    streamId,
    revision: BigInt(revision),
    position: { commit: global, prepare: global },
    type,
    data: parseStoredObject(data, 'data', at),
    metadata: parseStoredObject(metadata, 'metadata', at),
    recordedAt: new Date(recordedAt),
  };
}
