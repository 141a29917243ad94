import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/eventStore/eventStore';

/** What an adapter's test file hands the contract suite. */
export interface EventStoreFixture {
  store: EventStore;
  /**
   * Closes the store and opens a new one on the same storage. Every store must offer it unless it
   * declares itself in-memory: the durability case fails without it.
   */
  reopen?: () => Promise<EventStore>;
  /** Cuts the store off from its storage (a lock held elsewhere, the network gone); resolves to the undo. */
  outage: () => Promise<() => Promise<void>>;
  cleanup: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

/** The store and fixture of the running case (each case gets fresh ones). */
export interface ContractContext {
  readonly store: EventStore;
  readonly fixture: EventStoreFixture;
  /** Replaces the store the case works with (after a reopen). */
  use(store: EventStore): void;
}

/** Stream names unique per case, so the suite also runs against a shared server holding other events. */
export const stream = (label: string): string => `contract-${label}-${randomUUID()}`;

export const event = (
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<Pick<NewEvent, 'metadata' | 'recordedAt'>> = {},
): NewEvent => ({ type, data: data as NewEvent['data'], ...extra });

export async function collect(iterable: AsyncIterable<RecordedEvent>, limit = Infinity): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) {
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}

/** Only the events of these streams, in the order read. */
export const ofStreams = (events: readonly RecordedEvent[], ...ids: string[]): RecordedEvent[] =>
  events.filter((e) => ids.includes(e.streamId));

export const types = (events: readonly RecordedEvent[]): string[] => events.map((e) => e.type);
