/**
 * The double's in-memory transaction log. It keeps the server semantics the adapter relies on:
 * 0-based stream revisions, one global log position per event (commit = prepare, as the server reports
 * for events appended outside explicit transactions), positions that grow by the record's size rather
 * than by one, and appends that are checked and written as one step.
 */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** 100-nanosecond ticks since the Unix epoch, as the server sends `created`. */
  readonly createdTicks: bigint;
}

export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { readonly ok: true; readonly currentRevision: bigint; readonly position: bigint }
  | { readonly ok: false; readonly currentRevision: bigint | undefined };

export type LogStart = 'start' | 'end' | bigint;

/** A real log starts with the server's own records, so the first user event is never at 0. */
const FIRST_POSITION = 4096n;
const RECORD_OVERHEAD = 96;

export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private nextPosition = FIRST_POSITION;

  /** `clock` gives the server's time in epoch milliseconds (tests may run at another date). */
  constructor(private readonly clock: () => number = Date.now) {}

  get size(): number {
    return this.all.length;
  }

  append(streamId: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!matches) return this.alreadyWritten(stream, expected, proposed) ?? { ok: false, currentRevision: current };
    const createdTicks = BigInt(this.clock()) * 10_000n;
    const written: StoredEvent[] = proposed.map((event, i) => {
      const position = this.nextPosition;
      this.nextPosition += BigInt(RECORD_OVERHEAD + streamId.length + event.data.length + event.customMetadata.length);
      return { ...event, streamId, revision: BigInt(stream.length + i), position, createdTicks };
    });
    stream.push(...written);
    this.streams.set(streamId, stream);
    this.all.push(...written);
    for (const event of written) for (const listener of this.listeners) listener(event);
    const last = written[written.length - 1];
    return { ok: true, currentRevision: last?.revision ?? current ?? -1n, position: last?.position ?? -1n };
  }

  /**
   * The server's idempotency check for an exact expected revision (or no stream): the same event ids
   * already written right after that revision are answered as a success, with nothing written again.
   */
  private alreadyWritten(
    stream: readonly StoredEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    if (expected !== 'no_stream' && typeof expected !== 'bigint') return undefined;
    const first = expected === 'no_stream' ? 0 : Number(expected) + 1;
    const written = stream.slice(first, first + proposed.length);
    if (written.length !== proposed.length || written.some((event, i) => event.id !== proposed[i]!.id))
      return undefined;
    const last = written[written.length - 1]!;
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  /** A copy of the log as it is now, which later appends do not reach (a follower that stopped replicating). */
  snapshot(): EventLog {
    const copy = new EventLog(this.clock);
    copy.nextPosition = this.nextPosition;
    copy.all.push(...this.all);
    for (const [id, events] of this.streams) copy.streams.set(id, [...events]);
    return copy;
  }

  /** Undefined when the stream does not exist. Revisions are inclusive in both directions. */
  readStream(streamId: string, from: LogStart, count: bigint, backwards: boolean): StoredEvent[] | undefined {
    const stream = this.streams.get(streamId);
    if (!stream) return undefined;
    const selected = backwards
      ? stream.filter((e) => from === 'end' || (from !== 'start' && e.revision <= from)).reverse()
      : stream.filter((e) => from === 'start' || (from !== 'end' && e.revision >= from));
    return take(selected, count);
  }

  /** Forwards from a position includes the event there; backwards from a position excludes it (as the server does). */
  readAll(from: LogStart, count: bigint, backwards: boolean): StoredEvent[] {
    const selected = backwards
      ? this.all.filter((e) => from === 'end' || (from !== 'start' && e.position < from)).reverse()
      : this.all.filter((e) => from === 'start' || (from !== 'end' && e.position >= from));
    return take(selected, count);
  }

  /** The events a subscription starting at `from` catches up on: strictly after the position. */
  after(from: LogStart): StoredEvent[] {
    if (from === 'end') return [];
    return from === 'start' ? [...this.all] : this.all.filter((e) => e.position > from);
  }

  onAppended(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function take(events: StoredEvent[], count: bigint): StoredEvent[] {
  return count >= BigInt(events.length) ? events : events.slice(0, Number(count));
}
