import { type AppendResult as ClientAppendResult, EventStoreDBClient } from '@eventstore/db-client';
import { measureClockOffset } from './esdbClock';
import { delay, withDeadline } from './esdbDeadline';
import { isNotLeader, neverReachedServer, translateEsdbError } from './esdbErrors';
import { EventSelection, toClientExpected, toEventData } from './esdbEvents';
import { EsdbReader } from './esdbReads';
import { DEFAULT_RESUBSCRIBE, type ResubscribePolicy, ResubscribingSubscription } from './esdbSubscription';
import {
  type AppendResult,
  type EventStore,
  type EventStoreCapabilities,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  refuseEmptyAppend,
} from './eventStore';

export interface EsdbEventStoreOptions {
  /**
   * `esdb://host:2113?tls=false`, `esdb+discover://...` for a cluster; TLS options go in the string.
   * `throwOnAppendFailure=false` is refused: the client then misreports the stream's actual revision.
   */
  readonly connectionString: string;
  /** How long any call may wait for the server's (first, then each next) answer. Default 5000. */
  readonly deadlineMs?: number;
  /** Only streams starting with one of these reach the application (filtered by the server on subscriptions). */
  readonly streamPrefixes?: readonly string[];
  /** How a dropped subscription is retried before its iteration fails with EventStoreUnavailableError. */
  readonly resubscribe?: Partial<ResubscribePolicy>;
}

/**
 * The EventStoreDB adapter over @eventstore/db-client 6.x. Stream names are used as given; events are
 * JSON with our metadata as the event's custom metadata; positions are the server's commit/prepare pair.
 */
export function getEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  return new EsdbEventStore(options);
}

class EsdbEventStore implements EventStore {
  readonly description: string;
  readonly capabilities: EventStoreCapabilities = {
    // Positions are byte offsets in the server's transaction log.
    positionsAreGapless: false,
    // The server stamps each event's `created` time itself,
    keepsRecordedAt: false,
    // by the clock of whichever node leads: a new leader, or a clock stepped back, can go back in time.
    recordedAtMonotonic: false,
    // Concurrent calls may be committed in any order.
    orderedAppendsInFlight: 1,
    inMemory: false,
  };
  private readonly client: EventStoreDBClient;
  private readonly deadlineMs: number;
  private readonly selection: EventSelection;
  private readonly policy: ResubscribePolicy;
  private readonly subscriptions = new Set<Subscription>();
  private readonly reader: EsdbReader;

  constructor(options: EsdbEventStoreOptions) {
    refuseQuietAppendFailures(options.connectionString);
    // Without the user and password a connection string may carry.
    this.description = `esdb at ${options.connectionString.replace(/\/\/[^@/]*@/, '//')}`;
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.deadlineMs = options.deadlineMs ?? 5000;
    this.selection = new EventSelection(options.streamPrefixes);
    this.policy = { ...DEFAULT_RESUBSCRIBE, ...options.resubscribe };
    this.reader = new EsdbReader(this.client, this.deadlineMs, this.selection);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    refuseEmptyAppend(events);
    const context = { streamId, expected };
    const data = events.map(toEventData); // built once, so a retry sends the same event ids
    let result: ClientAppendResult;
    for (let attempt = 1; ; attempt++) {
      try {
        // One call carries every event: the server writes all of them or none. A follower refuses it
        // (NotLeader) rather than forward it, so the client moves to the leader and stays there.
        const call = this.client.appendToStream(streamId, data, {
          expectedRevision: toClientExpected(expected),
          deadline: this.deadlineMs,
          requiresLeader: true,
        });
        result = await withDeadline(call, this.deadlineMs, `an append to ${streamId}`);
        break;
      } catch (error) {
        // Neither was sent to a node that could write it; the client reconnects on its next turn.
        if (attempt === 1 && (neverReachedServer(error) || isNotLeader(error))) {
          await delay(0);
          continue;
        }
        throw translateEsdbError(error, context);
      }
    }
    const position = result.position ?? (await this.positionOfLast(streamId));
    return { nextRevision: result.nextExpectedRevision, position };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.stream(streamId, options);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.all(options);
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
      options.after,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  serverClockOffsetMs(): Promise<number> {
    return measureClockOffset(this.client, this.deadlineMs);
  }

  highestAssignedPosition(): Promise<GlobalPosition | null> {
    return this.reader.lastPosition();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /** The stream's last position, for a server that acknowledged an append without one. */
  private async positionOfLast(streamId: string): Promise<GlobalPosition> {
    for await (const event of this.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event.position;
    return { commit: -1n, prepare: -1n };
  }
}

/**
 * With `throwOnAppendFailure=false` a failed revision check resolves instead of throwing, and on
 * BatchAppend (every server since 21.10) the client reports the actual revision as 1 whatever it is.
 */
function refuseQuietAppendFailures(connectionString: string): void {
  const query = connectionString.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    const flat = key.trim().toLowerCase().replace(/[_-]/g, '');
    if (flat === 'throwonappendfailure' && value.trim().toLowerCase() === 'false') {
      throw new TypeError('The EventStoreDB connection string must not set throwOnAppendFailure=false');
    }
  }
}
