import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './eventStore';
import { querySqlite } from './sqliteErrors';
import { type Statements, toRecordedEvent } from './sqliteStatements';

/**
 * Rows fetched by one query. A fetch cannot pause halfway, so a page is kept to about a millisecond of
 * work: whole-log loops share the event loop with requests in slices of a few milliseconds.
 */
export const PAGE = 256;

/**
 * Positions one query filtered by type examines (about a millisecond without an index on `type`):
 * a type the log does not hold is looked for window after window, with the caller's turn between two.
 */
const TYPE_WINDOW = 2048n;

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
  if (options.types) {
    yield* readTypes(stmt, options.types, options, next, remaining);
    return;
  }
  while (remaining > 0) {
    const limit = Math.min(PAGE, remaining);
    const rows = querySqlite(() => (backwards ? stmt.allBackwards : stmt.allForwards).all(next, limit));
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < limit) return;
    remaining -= rows.length;
    next = BigInt(rows[rows.length - 1]![0]) + step;
  }
}

/**
 * The events of some types from `next` on, filtered in SQL so rows of other types are neither
 * transferred nor parsed. Window by window; a window that fills a page is resumed after its last row.
 */
async function* readTypes(
  stmt: Statements,
  types: readonly string[],
  options: ReadAllOptions,
  next: bigint,
  remaining: number,
): AsyncIterable<RecordedEvent> {
  if (types.length === 0) return;
  const backwards = options.direction === 'backwards';
  const typesJson = JSON.stringify(types);
  const lastPosition = () => BigInt(querySqlite(() => stmt.lastPosition.get())?.p ?? 0);
  if (backwards && next > lastPosition()) next = lastPosition();
  while (remaining > 0) {
    const turn = options.betweenReads?.();
    if (turn) await turn;
    const limit = Math.min(PAGE, remaining);
    const end = backwards ? next - TYPE_WINDOW : next + TYPE_WINDOW;
    const rows = querySqlite(() =>
      (backwards ? stmt.typedBackwards : stmt.typedForwards).all(next, end, typesJson, limit),
    );
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    if (rows.length === limit) {
      next = BigInt(rows[rows.length - 1]![0]) + (backwards ? -1n : 1n);
      continue;
    }
    // The window is done: the next starts where it ended, unless it reached past an end of the log.
    if (backwards ? end <= 0n : end > lastPosition()) return;
    next = end;
  }
}
