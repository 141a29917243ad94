import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type ReadPosition,
  type ResolvedEvent,
  START,
  type StreamingRead,
} from '@eventstore/db-client';
import { nextWithin, withDeadline } from './esdbDeadline';
import { isStreamNotFound, toActual, translateEsdbError } from './esdbErrors';
import { EventSelection, toClientExpected, toEventData, toRecordedEvent } from './esdbEvents';
import { DEFAULT_RESUBSCRIBE, type ResubscribePolicy, ResubscribingSubscription } from './esdbSubscription';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersionError,
  comparePositions,
} from './eventStore';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://...` for a cluster; TLS options go in the string. */
  readonly connectionString: string;
  /** How long any call may wait for the server's (first, then each next) answer. Default 5000. */
  readonly deadlineMs?: number;
  /** Only streams starting with one of these reach the application (filtered by the server on subscriptions). */
  readonly streamPrefixes?: readonly string[];
  /** How a dropped subscription is retried before its iteration fails with EventStoreUnavailableError. */
  readonly resubscribe?: Partial<ResubscribePolicy>;
}

/** How many events one `$all` page asks for while system events are skipped on our side. */
const ALL_PAGE = 500;

/**
 * The EventStoreDB adapter over @eventstore/db-client 6.x. Stream names are used as given; events are
 * JSON with our metadata as the event's custom metadata; positions are the server's commit/prepare pair.
 */
export function getEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  return new EsdbEventStore(options);
}

class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly deadlineMs: number;
  private readonly selection: EventSelection;
  private readonly policy: ResubscribePolicy;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.deadlineMs = options.deadlineMs ?? 5000;
    this.selection = new EventSelection(options.streamPrefixes);
    this.policy = { ...DEFAULT_RESUBSCRIBE, ...options.resubscribe };
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('append needs at least one event');
    const context = { streamId, expected };
    let result;
    try {
      // One call carries every event: the server writes all of them or none.
      const call = this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toClientExpected(expected),
        deadline: this.deadlineMs,
      });
      result = await withDeadline(call, this.deadlineMs, `an append to ${streamId}`);
    } catch (error) {
      throw translateEsdbError(error, context);
    }
    // Only reached when the connection string sets throwOnAppendFailure=false.
    if (!result.success) throw new WrongExpectedVersionError(streamId, expected, toActual(result.nextExpectedRevision));
    const position = result.position ?? (await this.positionOfLast(streamId));
    return { nextRevision: result.nextExpectedRevision, position };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.maxCount === 0) return;
    const backwards = options.direction === 'backwards';
    const read = (): StreamingRead<ResolvedEvent> =>
      this.client.readStream(streamId, {
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
    for await (const resolved of this.bounded(read, `a read of ${streamId}`)) {
      const event = toRecordedEvent(resolved);
      if (event) yield event;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Infinity;
    let from: ReadPosition = options.from ?? (backwards ? END : START);
    let last: GlobalPosition | undefined;
    if (backwards && options.from && remaining > 0) {
      // The server reads backwards from a position exclusively; the port includes the event at `from`.
      const [atFrom] = await this.readAllPage(options.from, 1, false);
      const event = atFrom && comparePositions(atFrom.position, options.from) === 0 ? this.accepted(atFrom) : undefined;
      if (event) {
        remaining -= 1;
        yield event;
      }
    }
    while (remaining > 0) {
      const page = await this.readAllPage(from, ALL_PAGE, backwards);
      for (const entry of page) {
        // Pages overlap by one event when the server treats the start position as inclusive.
        if (last && (backwards ? comparePositions(entry.position, last) >= 0 : comparePositions(entry.position, last) <= 0)) {
          continue;
        }
        last = entry.position;
        const event = this.accepted(entry);
        if (!event) continue;
        yield event;
        if (--remaining <= 0) return;
      }
      if (page.length < ALL_PAGE || !last) return;
      from = last;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new ResubscribingSubscription(
      {
        client: this.client,
        selection: this.selection,
        deadlineMs: this.deadlineMs,
        policy: this.policy,
        onClosed: (s) => this.subscriptions.delete(s),
      },
      options.from,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /** One raw page of `$all` (system events included), each with the position used to continue. */
  private async readAllPage(from: ReadPosition, maxCount: number, backwards: boolean): Promise<PageEntry[]> {
    const read = (): StreamingRead<ResolvedEvent> =>
      this.client.readAll({ fromPosition: from, maxCount, direction: backwards ? BACKWARDS : FORWARDS });
    const page: PageEntry[] = [];
    for await (const resolved of this.bounded(read, 'a read of $all')) {
      const raw = resolved.event;
      if (!raw?.position) continue;
      page.push({ position: raw.position, streamId: raw.streamId, type: raw.type, event: toRecordedEvent(resolved) });
    }
    return page;
  }

  private accepted(entry: PageEntry): RecordedEvent | undefined {
    return this.selection.accepts(entry.streamId, entry.type) ? entry.event : undefined;
  }

  /** The stream's last position, for a server that acknowledged an append without one. */
  private async positionOfLast(streamId: string): Promise<GlobalPosition> {
    for await (const event of this.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event.position;
    return { commit: -1n, prepare: -1n };
  }

  /**
   * Iterates a client read with a deadline on each item (reads run without a client deadline), maps
   * failures to the port's errors, reads a missing stream as empty, and cancels the call when the
   * consumer stops early.
   */
  private async *bounded(open: () => StreamingRead<ResolvedEvent>, what: string): AsyncIterable<ResolvedEvent> {
    const stream = open();
    const iterator: AsyncIterator<ResolvedEvent> = stream[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const next = await nextWithin(iterator, { ms: this.deadlineMs, what });
        if (next.done) {
          finished = true;
          return;
        }
        yield next.value;
      }
    } catch (error) {
      finished = true;
      if (isStreamNotFound(error)) return;
      throw translateEsdbError(error);
    } finally {
      // Destroying the local stream alone would leave the gRPC call open on the server.
      if (!finished) await Promise.all([stream.cancel(), iterator.return?.()]).catch(() => undefined);
    }
  }
}

interface PageEntry {
  readonly position: GlobalPosition;
  readonly streamId: string;
  readonly type: string;
  readonly event: RecordedEvent | undefined;
}
