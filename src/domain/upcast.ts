import type { DomainEvent } from '../core/decider';
import type { JsonObject } from '../core/json';

/** An event as stored: its type, data and metadata (which carries `schemaVersion`). */
export interface StoredEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** One version step of an event type's data: from version n to n + 1. */
type Step = (data: JsonObject) => JsonObject;

/**
 * The version steps of each event type whose shape has changed, in order: the step at index i
 * takes data of version i + 1 to version i + 2. A type that is absent has only version 1.
 */
const STEPS: Readonly<Record<string, readonly Step[]>> = {
  ProductEvaluated: [
    // 1 → 2: the outcome and the part scores. Version 1 was recorded under rules that issued a
    // certificate for every result of 3★ or more, so a result with a certificate was RECOGNISED, and
    // one without was below 3★; part scores were not recorded then.
    (data) => ({
      ...data,
      outcome: data['certificateId'] === null ? 'NOT_RECOGNISED' : 'RECOGNISED',
      parts: null,
    }),
  ],
};

/** The version the current code writes for an event type, stored in its metadata's `schemaVersion`. */
export function schemaVersionOf(type: string): number {
  return (STEPS[type]?.length ?? 0) + 1;
}

/**
 * Maps a stored event to the shape the current code expects, by its `schemaVersion` (1 when absent).
 * The log is never rewritten: every reader (deciders, read models, replay) upcasts on read, so events
 * recorded under older shapes keep meaning what they meant when they were recorded.
 */
export function upcast<E extends DomainEvent>(event: StoredEvent): E {
  const steps = STEPS[event.type] ?? [];
  const stored = event.metadata['schemaVersion'];
  let data = event.data;
  for (let version = typeof stored === 'number' ? stored : 1; version <= steps.length; version++) {
    data = steps[version - 1]!(data);
  }
  return { type: event.type, data } as unknown as E;
}
