import type { DomainEvent } from '../core/decider';
import type { RecordedEvent } from '../eventStore/eventStore';

/**
 * Maps a stored event to the shape the current code expects. Every event carries `schemaVersion`;
 * when an event's shape changes, the step from the old version goes here so the log is never rewritten.
 */
export function upcast<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}
