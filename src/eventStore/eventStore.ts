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
  /**
   * When the event was first recorded, for an import that moves a log: a store that `keepsRecordedAt`
   * stores it (never earlier than the event before it); others stamp their own time.
   */
  readonly recordedAt?: Date;
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
  /**
   * Read past this position, which is excluded: forwards, the events after it; backwards, the events
   * before it. Absent: from the start (or the end, backwards). The last position a reader saw resumes it.
   */
  readonly after?: GlobalPosition;
  /** How many events to hand out, at most (with `types`, events of those types). */
  readonly maxCount?: number;
  readonly direction?: Direction;
  /**
   * Only events of these types: the store passes over the others as cheaply as it can, before it
   * decodes them. Absent: every type; an empty list: none.
   */
  readonly types?: readonly string[];
  /**
   * Called between the store's reads of the log while a `types` filter passes over other events, so a
   * read that hands nothing out for long still lets its caller wait for a turn (the promise returned)
   * or stop it (by throwing, which the read then throws).
   */
  readonly betweenReads?: () => Promise<void> | undefined;
}

export interface SubscribeOptions {
  /** A checkpoint, excluded as in {@link ReadAllOptions}: the events after it. Absent: from the start. */
  readonly after?: GlobalPosition;
}

/** Catch-up then live: yields every stored event after `after`, then each new one as it is appended. */
export type Subscription = AsyncIterable<RecordedEvent> & { close(): Promise<void> };

/**
 * What a store guarantees beyond the port. Callers branch on these, never on the kind of store, so a
 * new adapter declares them and every caller follows.
 */
export interface EventStoreCapabilities {
  /**
   * Positions are consecutive integers, never reused, never skipped by a rolled-back append: a position
   * that holds no event below {@link EventStore.highestAssignedPosition} is an event removed from the store.
   */
  readonly positionsAreGapless: boolean;
  /** An append's {@link NewEvent.recordedAt} is stored; otherwise the store stamps its own time. */
  readonly keepsRecordedAt: boolean;
  /**
   * `recordedAt` never goes backwards in log order. A store that stamps events with a server's clock
   * cannot promise it: a clock stepped back, or a new leader whose clock is behind the old one's.
   */
  readonly recordedAtMonotonic: boolean;
  /**
   * Appends started together are committed in the order they were started, so a writer that must keep
   * log order (an import) may have this many in flight; 1 when concurrent appends may commit in any order.
   */
  readonly orderedAppendsInFlight: number;
  /** Nothing survives `close` (a test store): durability cannot be checked by reopening. */
  readonly inMemory: boolean;
}

/**
 * The event-store port. Every adapter (embedded SQLite, EventStoreDB) implements it and passes the
 * same contract suite (`test/contract/`). Adapters translate their driver's failures into
 * {@link WrongExpectedVersionError} and {@link EventStoreUnavailableError}. Operations only some stores
 * can offer are optional members, present on the adapters that have them.
 */
export interface EventStore {
  /** What this store is, for logs and reports: `sqlite at data/ocop.db`. */
  readonly description: string;
  readonly capabilities: EventStoreCapabilities;
  /**
   * Appends atomically: all events or none; at least one. Throws WrongExpectedVersionError on a
   * revision mismatch. `recordedAt` never goes backwards in log order when the store declares
   * `recordedAtMonotonic`.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; empty for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Every stream's events in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** The highest position the store ever assigned, to an event it may no longer hold; null before the first. */
  highestAssignedPosition(): Promise<GlobalPosition | null>;
  /**
   * Present on stores kept in one file: copies the store to a new file at `to` (never over an existing
   * one) while it keeps taking appends. The copy is the log as it was at one instant.
   */
  backupTo?(to: string): Promise<StoreBackup>;
  /**
   * Present on stores whose server stamps events by its own clock: writes a probe and answers how far
   * that clock is ahead of this machine's, in milliseconds (negative: behind), 0 within the round trip.
   */
  serverClockOffsetMs?(): Promise<number>;
  close(): Promise<void>;
}

/** A copy `backupTo` made: what it is, its size, and a way to open it as a store of its own. */
export interface StoreBackup {
  readonly description: string;
  readonly bytes: number;
  open(): EventStore;
}

/** An append records at least one event: an empty one would claim a revision and record nothing. */
export function refuseEmptyAppend(events: readonly NewEvent[]): void {
  if (events.length === 0) throw new TypeError('An append needs at least one event');
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
  /**
   * True when an append was sent and not confirmed in time: its events may have been written. Retrying
   * with the same event ids and the same expected revision is safe (the server recognises them).
   */
  readonly outcomeUnknown: boolean;

  constructor(message: string, options?: { cause?: unknown; outcomeUnknown?: boolean }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
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
