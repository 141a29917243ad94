import type { EventStore, GlobalPosition } from '../eventStore/eventStore';
import { formatPosition } from '../eventStore/eventStore';
import type { LagSample } from './metrics';

/** Counting stops here: a lag this large is an alarm whatever its exact size. */
const MAX_COUNTED = 10_000;

export interface ProjectionLag extends LagSample {
  /** The last event in the log, or null for an empty log. */
  readonly head: string | null;
  /** The last event the read models applied, or null before the first. */
  readonly applied: string | null;
}

/** What the lag is measured against: the position the read models reached and when it was recorded. */
export interface AppliedPosition {
  readonly position: GlobalPosition | null;
  readonly lastRecordedAt: Date | null;
}

/**
 * How far the read models are behind the log: the events between what they applied and the head
 * (counted up to 10,000), and the recording time between them. Positions are not event counts on
 * every store (EventStoreDB's are byte offsets), so the events are counted, not subtracted.
 */
export async function projectionLag(store: EventStore, applied: AppliedPosition): Promise<ProjectionLag> {
  let head = null;
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) head = event;
  const reached = applied.position;
  const base = { head: head && formatPosition(head.position), applied: reached && formatPosition(reached) };
  if (!head || (reached && formatPosition(reached) === base.head)) return { ...base, events: 0, seconds: 0 };
  let events = 0;
  let firstUnapplied: Date | null = null;
  for await (const event of store.readAll({ after: reached ?? undefined, maxCount: MAX_COUNTED })) {
    firstUnapplied ??= event.recordedAt;
    events++;
  }
  const since = applied.lastRecordedAt ?? firstUnapplied ?? head.recordedAt;
  return {
    ...base,
    events: Math.min(events, MAX_COUNTED),
    seconds: (head.recordedAt.getTime() - since.getTime()) / 1000,
  };
}
