import { ValidationError } from '../core/errors';
import { wholeLogSlices } from '../core/fairSlices';
import {
  type EventStore,
  type GlobalPosition,
  type ReadAllOptions,
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
  /** Only events before this position (exclusive). */
  readonly before?: GlobalPosition | null;
  /** The first events of the range, or (`last`) the last ones. */
  readonly first?: number | null;
  readonly last?: number | null;
  readonly types?: readonly string[] | null;
  readonly streamId?: string | null;
}

export interface EventsPage {
  /** In log order, whichever end the page was taken from. */
  readonly events: RecordedEvent[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/**
 * One page of the log in global order. The cursor is the store's own position, so it stays valid
 * across restarts and rebuilds. With a stream, only that stream is read; with types, the store skips
 * events of other types itself (a rare type still passes over much of the log, cheaply).
 */
export async function readEventsPage(
  store: EventStore,
  query: EventsQuery,
  /** Called between slices of a long scan; throws to stop it (its request is out of time). */
  interrupt?: () => void,
): Promise<EventsPage> {
  if (query.first != null && query.last != null)
    throw new ValidationError('Give first or last, not both', { field: 'last' });
  const backwards = query.last != null;
  const field = backwards ? 'last' : 'first';
  const size = query.last ?? query.first ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > MAX_EVENTS_PAGE)
    throw new ValidationError(`${field} must be between 1 and ${MAX_EVENTS_PAGE}`, { field });
  const { after = null, before = null } = query;
  const types = query.types && query.types.length > 0 ? new Set(query.types) : null;
  const inRange = (event: RecordedEvent) =>
    (!after || comparePositions(event.position, after) > 0) &&
    (!before || comparePositions(event.position, before) < 0);
  // A rare type may be looked for through the whole log: requests get their turns between slices of it,
  // between the events handed out and between the store's reads that hand none out.
  const takeTurn = () => wholeLogSlices.pauseOrStop(interrupt);
  const events: RecordedEvent[] = [];
  let more = false;
  for await (const event of source(store, query, backwards, takeTurn)) {
    const turn = takeTurn();
    if (turn) await turn;
    if (!inRange(event)) {
      // Past the far end of the range in the direction of reading: nothing further can be in it.
      const far = backwards ? after : before;
      if (far && comparePositions(event.position, far) === (backwards ? -1 : 1)) break;
      continue;
    }
    if (types && !types.has(event.type)) continue;
    if (events.length === size) {
      more = true;
      break;
    }
    events.push(event);
  }
  if (backwards) events.reverse();
  return backwards
    ? { events, hasNextPage: before !== null, hasPreviousPage: more }
    : { events, hasNextPage: more, hasPreviousPage: after !== null };
}

/** The events to page through, in the direction of reading: a stream is short enough to reverse whole. */
async function* source(
  store: EventStore,
  query: EventsQuery,
  backwards: boolean,
  betweenReads: ReadAllOptions['betweenReads'],
): AsyncIterable<RecordedEvent> {
  if (query.streamId) {
    const all: RecordedEvent[] = [];
    for await (const event of store.readStream(query.streamId)) all.push(event);
    yield* backwards ? all.reverse() : all;
    return;
  }
  const from = backwards ? query.before : query.after;
  const types = query.types && query.types.length > 0 ? { types: query.types, betweenReads } : {};
  yield* store.readAll({
    ...(from ? { after: from } : {}),
    ...(backwards ? { direction: 'backwards' } : {}),
    ...types,
  });
}
