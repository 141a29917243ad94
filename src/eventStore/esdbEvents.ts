import { randomUUID } from 'node:crypto';
import {
  ANY,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  NO_STREAM,
  type Position,
  type ResolvedEvent,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type { JsonObject } from '../core/json';
import type { ExpectedRevision, GlobalPosition, NewEvent, RecordedEvent } from './eventStore';

export function toEventData(event: NewEvent): EventData {
  // Metadata is always written, `{}` included, so it reads back exactly as the SQLite store returns it.
  return jsonEvent({
    id: event.id ?? randomUUID(),
    type: event.type,
    data: event.data,
    metadata: event.metadata ?? {},
  });
}

export function toClientExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return expected;
}

/**
 * Which events the store hands out. System events (type or stream starting with `$`: stats, settings,
 * stream metadata, projection links) never reach the application; with `prefixes`, only those streams do.
 */
export class EventSelection {
  private readonly prefixes: readonly string[] | undefined;

  constructor(prefixes: readonly string[] | undefined) {
    this.prefixes = prefixes && prefixes.length > 0 ? [...prefixes] : undefined;
  }

  /** The same choice, made by the server for subscriptions so foreign events never cross the wire. */
  serverFilter(): Filter {
    return this.prefixes ? streamNameFilter({ prefixes: [...this.prefixes] }) : excludeSystemEvents();
  }

  accepts(streamId: string, type: string): boolean {
    if (type.startsWith('$') || streamId.startsWith('$')) return false;
    return this.prefixes === undefined || this.prefixes.some((prefix) => streamId.startsWith(prefix));
  }
}

/**
 * The port's view of one event read from the server, or undefined for an event the application cannot
 * use: a link without its target, or an event whose data or metadata is not a JSON object (written by
 * some other program).
 */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || !isJsonObject(event.data)) return undefined;
  const metadata = event.metadata === undefined ? {} : event.metadata;
  if (!isJsonObject(metadata)) return undefined;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: toPosition(event.position),
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: event.created,
  };
}

/**
 * Servers before 21.x sent no position on stream reads (and the protocol marks a missing one as 2^64-1):
 * such an event gets -1/-1, which sorts before every real position instead of pretending to be one.
 */
const NO_POSITION = 2n ** 64n - 1n;
function toPosition(position: Position | undefined): GlobalPosition {
  if (!position || position.commit === NO_POSITION) return { commit: -1n, prepare: -1n };
  return { commit: position.commit, prepare: position.prepare };
}

function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}
