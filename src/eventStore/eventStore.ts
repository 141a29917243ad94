import type { JsonObject } from '../core/json';

/**
 * What the writer expects the stream to look like: absent (`no_stream`), anything (`any`),
 * or at exactly this 0-based revision (the revision of its last event).
 */
export type ExpectedRevision = 'no_stream' | 'any' | bigint;

/** A place in the global log. Totally ordered by `commit`, then `prepare`. SQLite: both are the row id. */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface NewEvent {
  /** A UUID; the adapter generates one when absent. */
  readonly id?: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** When the store recorded the event (not a business date). */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** The revision of the last event written: pass it as `expected` for the next append. */
  readonly nextRevision: bigint;
  /** The global position of the last event written. */
  readonly position: GlobalPosition;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to read (inclusive); defaults to the start (or the end, backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
  readonly direction?: Direction;
}

export interface ReadAllOptions {
  /** First position to read (inclusive); defaults to the start (or the end, backwards). */
  readonly from?: GlobalPosition;
  readonly maxCount?: number;
  readonly direction?: Direction;
}

export interface SubscribeOptions {
  /** A checkpoint: the subscription delivers the events strictly after it. Absent: from the start. */
  readonly from?: GlobalPosition;
}

/** Catch-up then live: yields every stored event after `from`, then each new one as it is appended. */
export type Subscription = AsyncIterable<RecordedEvent> & { close(): Promise<void> };

/**
 * The event-store port. Every adapter (embedded SQLite, EventStoreDB) implements it and passes the
 * same contract suite (`test/contract/`). Adapters translate their driver's failures into
 * {@link WrongExpectedVersionError} and {@link EventStoreUnavailableError}.
 */
export interface EventStore {
  /** Appends atomically: all events or none. Throws WrongExpectedVersionError on a revision mismatch. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; empty for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Every stream's events in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Text form of a position, stable across restarts: used as a cursor and a checkpoint. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}:${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition | undefined {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(text);
  if (!match) return undefined;
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
