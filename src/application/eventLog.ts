import { ValidationError } from '../core/errors';
import {
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  comparePositions,
  parsePosition,
} from '../eventStore/eventStore';

export const MAX_EVENTS_PAGE = 500;

/** A position cursor as `events` hands it out (`commit:prepare`), or BAD_USER_INPUT naming the argument. */
export function parseCursor(text: string, field: string): GlobalPosition {
  const position = parsePosition(text);
  if (!position) throw new ValidationError(`${field} must be a position cursor such as "42:42"`, { field });
  return position;
}

export interface EventsQuery {
  /** Only events after this position (exclusive). */
  readonly after?: GlobalPosition | null;
  readonly first: number;
  readonly types?: readonly string[] | null;
  readonly streamId?: string | null;
}

/**
 * One page of the log in global order. The cursor is the store's own position, so it stays valid
 * across restarts and rebuilds. With a stream, only that stream is read; with types, events of other
 * types are skipped on the way (a rare type scans far: give a stream too when you can).
 */
export async function readEventsPage(
  store: EventStore,
  query: EventsQuery,
): Promise<{ events: RecordedEvent[]; hasNextPage: boolean }> {
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > MAX_EVENTS_PAGE)
    throw new ValidationError(`first must be between 1 and ${MAX_EVENTS_PAGE}`, { field: 'first' });
  const after = query.after ?? null;
  const types = query.types && query.types.length > 0 ? new Set(query.types) : null;
  const source = query.streamId ? store.readStream(query.streamId) : store.readAll(after ? { after } : {});
  const events: RecordedEvent[] = [];
  for await (const event of source) {
    // A stream is read by revision: its events up to the cursor are skipped here.
    if (after && query.streamId && comparePositions(event.position, after) <= 0) continue;
    if (types && !types.has(event.type)) continue;
    if (events.length === query.first) return { events, hasNextPage: true };
    events.push(event);
  }
  return { events, hasNextPage: false };
}
