import { once } from 'node:events';
import { type AllStreamResolvedEvent, type EventStoreDBClient, START } from '@eventstore/db-client';
import { delay, nextWithin, withDeadline } from './esdbDeadline';
import { isAccessDenied, isUnavailable, translateEsdbError } from './esdbErrors';
import { type EventSelection, toRecordedEvent } from './esdbEvents';
import {
  EventStoreUnavailableError,
  type GlobalPosition,
  type RecordedEvent,
  type Subscription,
  comparePositions,
} from './eventStore';

export interface ResubscribePolicy {
  /**
   * Consecutive failed attempts before the iteration fails: an attempt counts as failed when the
   * server did not confirm it, or, after any failure other than the server being unreachable, when it
   * dropped again before delivering an event and within `maxDelayMs` of its confirmation.
   */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RESUBSCRIBE: ResubscribePolicy = { attempts: 10, initialDelayMs: 50, maxDelayMs: 2000 };

export interface SubscriptionContext {
  readonly client: EventStoreDBClient;
  readonly selection: EventSelection;
  readonly deadlineMs: number;
  readonly policy: ResubscribePolicy;
  readonly onClosed: (subscription: Subscription) => void;
}

type Unsubscribable = { unsubscribe(): Promise<void> };

/** What one server subscription tells the retry loop: it was confirmed, it delivered an event. */
interface Progress {
  confirmed(): void;
  delivered(): void;
}

/**
 * Catch-up then live over `$all`. A dropped server subscription (any error but access denied, or an
 * unexpected end) is reopened from the last event seen, with a growing delay; events at or before that
 * position are skipped, so the consumer sees each event once and in order whether the server's start
 * position is inclusive or not. grpc-js reports a reset HTTP/2 stream, or a call that ended without a
 * status, as INTERNAL or UNKNOWN: those are reopened too, and a confirmation does not undo them (an
 * event or a subscription that stayed up does), so a failure that repeats at once still ends the
 * iteration after the policy's attempts.
 */
export class ResubscribingSubscription implements Subscription {
  private last: GlobalPosition | undefined;
  private closed = false;
  private current: Unsubscribable | undefined;
  private readonly stopped: Promise<void>;
  private stop!: () => void;

  constructor(
    private readonly context: SubscriptionContext,
    after: GlobalPosition | undefined,
  ) {
    this.last = after;
    this.stopped = new Promise((resolve) => (this.stop = resolve));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    const { attempts, initialDelayMs, maxDelayMs } = this.context.policy;
    let failures = 0;
    let lastWasUnreachable = true;
    let confirmedAt: number | undefined;
    const progress: Progress = {
      confirmed: () => {
        confirmedAt = Date.now();
        if (lastWasUnreachable) failures = 0;
      },
      delivered: () => (failures = 0),
    };
    while (!this.closed) {
      confirmedAt = undefined;
      const failure = yield* this.runOnce(progress);
      if (this.closed) return;
      // A subscription that stayed up a while was working: a quiet log is not a failure.
      if (confirmedAt !== undefined && Date.now() - confirmedAt >= maxDelayMs) failures = 0;
      failures += 1;
      lastWasUnreachable = isUnavailable(failure);
      if (failures >= attempts) {
        throw new EventStoreUnavailableError(`EventStoreDB subscription failed ${failures} times in a row`, {
          cause: failure,
        });
      }
      await Promise.race([delay(Math.min(initialDelayMs * 2 ** (failures - 1), maxDelayMs)), this.stopped]);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.context.onClosed(this);
    await this.current?.unsubscribe().catch(() => undefined);
  }

  /** One server subscription, until it drops (returns the reason) or the consumer closes. */
  private async *runOnce(progress: Progress): AsyncGenerator<RecordedEvent, unknown> {
    const { client, selection, deadlineMs } = this.context;
    const subscription = client.subscribeToAll({ fromPosition: this.last ?? START, filter: selection.serverFilter() });
    this.current = subscription;
    // Failures reach us through the iterator; this listener keeps one emitted before it exists from crashing.
    subscription.on('error', () => undefined);
    try {
      await withDeadline(
        Promise.race([once(subscription, 'confirmation'), this.stopped]),
        deadlineMs,
        'a subscription',
      );
      if (this.closed) return undefined;
      progress.confirmed();
      const iterator: AsyncIterator<AllStreamResolvedEvent> = subscription[Symbol.asyncIterator]();
      for (;;) {
        const next = await nextWithin(iterator, { what: 'a subscription', stop: this.stopped });
        if (next.done) return new EventStoreUnavailableError('EventStoreDB ended the subscription');
        const event = next.value.event;
        if (!event) continue;
        if (this.last && comparePositions(event.position, this.last) <= 0) continue;
        this.last = { commit: event.position.commit, prepare: event.position.prepare };
        progress.delivered();
        if (!selection.accepts(event.streamId, event.type)) continue;
        const recorded = toRecordedEvent(next.value);
        if (recorded) yield recorded;
      }
    } catch (error) {
      if (this.closed) return undefined;
      // Retrying cannot grant a permission: the operator must.
      if (isAccessDenied(error)) throw error;
      return translateEsdbError(error);
    } finally {
      this.current = undefined;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }
}
