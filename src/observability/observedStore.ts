import {
  type EventStore,
  EventStoreUnavailableError,
  type RecordedEvent,
  WrongExpectedVersionError,
  formatPosition,
} from '../eventStore/eventStore';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { type Tracing, noTracing } from './tracing';

export interface StoreObservers {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracing: Tracing;
}

const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * The event store as the service uses it, watched: every append is timed, counted and logged (stream,
 * event types, position: never data), every call is a span, and every failure to reach the store is
 * counted. Behaviour is the store's own; this adds nothing to what callers see.
 */
export function observedStore(store: EventStore, { logger, metrics, tracing }: StoreObservers): EventStore {
  const unavailable = (call: string, error: unknown): void => {
    if (error instanceof EventStoreUnavailableError) metrics.storeUnavailable(call);
  };
  async function* observedRead(call: string, read: () => AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    try {
      yield* read();
    } catch (error) {
      unavailable(call, error);
      throw error;
    }
  }
  const watched: Pick<EventStore, 'append' | 'readStream' | 'readAll' | 'subscribeToAll'> = {
    append: (streamId, events, expected) =>
      tracing.inSpan('eventStore.append', { kind: 'client', attributes: { 'ocop.stream': streamId } }, async (span) => {
        const start = process.hrtime.bigint();
        const types = events.map((e) => e.type);
        try {
          const result = await store.append(streamId, events, expected);
          const position = formatPosition(result.position);
          metrics.appended(types, secondsSince(start));
          span.setAttributes({ 'ocop.position': position, 'ocop.events': events.length });
          logger.info({ stream: streamId, types, position, revision: String(result.nextRevision) }, 'events appended');
          return result;
        } catch (error) {
          const conflict = error instanceof WrongExpectedVersionError;
          const down = error instanceof EventStoreUnavailableError;
          metrics.appendFailed(conflict ? 'conflict' : down ? 'unavailable' : 'error', secondsSince(start));
          unavailable('append', error);
          if (conflict) logger.debug({ stream: streamId, types }, 'append conflicted with a concurrent write');
          else logger.warn({ stream: streamId, types, err: error }, 'append failed');
          throw error;
        }
      }),
    readStream: (streamId, options) => {
      const read = () => observedRead('readStream', () => store.readStream(streamId, options));
      return tracing === noTracing ? read() : tracedRead('readStream', { 'ocop.stream': streamId }, read);
    },
    readAll: (options) => observedRead('readAll', () => store.readAll(options)),
    subscribeToAll: (options) => {
      const subscription = store.subscribeToAll(options);
      const events = observedRead('subscribeToAll', () => subscription);
      return { [Symbol.asyncIterator]: () => events[Symbol.asyncIterator](), close: () => subscription.close() };
    },
  };
  // Everything else (close, and what only some stores offer) is the store's own.
  return new Proxy(store, {
    get: (target, name) =>
      Object.hasOwn(watched, name)
        ? watched[name as keyof typeof watched]
        : bindIfMethod(target, Reflect.get(target, name)),
  });

  /** A stream read as one span, from its first page to its last event (streams are one aggregate's: short). */
  async function* tracedRead(
    name: string,
    attributes: Record<string, string>,
    read: () => AsyncIterable<RecordedEvent>,
  ): AsyncIterable<RecordedEvent> {
    const events: RecordedEvent[] = [];
    await tracing.inSpan(`eventStore.${name}`, { kind: 'client', attributes }, async (span) => {
      for await (const event of read()) events.push(event);
      span.setAttributes({ 'ocop.events': events.length });
    });
    yield* events;
  }
}

function bindIfMethod(target: object, value: unknown): unknown {
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
