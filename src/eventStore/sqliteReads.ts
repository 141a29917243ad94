import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './eventStore';
import { querySqlite } from './sqliteErrors';
import { type Statements, toRecordedEvent } from './sqliteStatements';

/**
 * Rows fetched by one query. A fetch cannot pause halfway, so a page is kept to about a millisecond of
 * work: whole-log loops share the event loop with requests in slices of a few milliseconds.
 */
export const PAGE = 256;

/** Far past any position: where a backward read without a start begins. */
const END = BigInt(Number.MAX_SAFE_INTEGER);

export async function* readStreamEvents(
  stmt: Statements,
  streamId: string,
  options: ReadStreamOptions,
): AsyncIterable<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  let next = options.fromRevision ?? (backwards ? END : 0n);
  let remaining = options.maxCount ?? Infinity;
  while (remaining > 0) {
    const limit = Math.min(PAGE, remaining);
    const rows = querySqlite(() => (backwards ? stmt.streamBackwards : stmt.streamForwards).all(streamId, next, limit));
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < limit) return;
    remaining -= rows.length;
    next = BigInt(rows[rows.length - 1]![3]) + (backwards ? -1n : 1n);
  }
}

export async function* readAllEvents(stmt: Statements, options: ReadAllOptions): AsyncIterable<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const step = backwards ? -1n : 1n;
  const after = options.after?.commit;
  let next = after === undefined ? (backwards ? END : 0n) : after + step;
  let remaining = options.maxCount ?? Infinity;
  while (remaining > 0) {
    const limit = Math.min(PAGE, remaining);
    const rows = querySqlite(() => (backwards ? stmt.allBackwards : stmt.allForwards).all(next, limit));
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < limit) return;
    remaining -= rows.length;
    next = BigInt(rows[rows.length - 1]![0]) + step;
  }
}
