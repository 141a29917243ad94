import type { DomainEvent } from '../core/decider';
import type { JsonObject } from '../core/json';

/** An event as stored: its type, data and metadata (which carries `schemaVersion`). */
export interface StoredEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/**
 * Maps a stored event to the shape the current code expects. Every event carries `schemaVersion`;
 * when an event's shape changes, the step from the old version goes here, so the log is never
 * rewritten and every reader (deciders, read models, replay) sees one shape.
 */
export function upcast<E extends DomainEvent>(event: StoredEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}
