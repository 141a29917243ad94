import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, binaryEvent, jsonEvent } from '@eventstore/db-client';
import {
  type EventStore,
  type RecordedEvent,
  type Subscription,
  WrongExpectedVersionError,
} from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';

/** What the EventStoreDB adapter hands the application, beyond the shared contract (against the double). */

let double: EsdbDouble;
let raw: EventStoreDBClient; // writes what other programs and the server itself would write
const stores: EventStore[] = [];
const open = (options: { streamPrefixes?: string[]; query?: string } = {}): EventStore => {
  const store = getEsdbEventStore({
    connectionString: double.connectionString + (options.query ?? ''),
    ...(options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : {}),
  });
  stores.push(store);
  return store;
};

beforeAll(async () => {
  double = await startEsdbDouble();
  raw = EventStoreDBClient.connectionString(double.connectionString);
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await raw.dispose();
  await double.close();
});

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

/** Everything the subscription delivers up to and including the event with type `until`. */
async function collectUntil(subscription: Subscription, until: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of subscription) {
    out.push(e);
    if (e.type === until) break;
  }
  await subscription.close();
  return out;
}

const isSystem = (e: RecordedEvent): boolean => e.streamId.startsWith('$') || e.type.startsWith('$');

describe('EventStoreDB adapter: events that reach the application', () => {
  it('should keep system events out of $all reads and subscriptions', async () => {
    const store = open();
    const id = `user-${randomUUID()}`;
    await store.append(id, [{ type: 'Mine', data: {} }], 'no_stream');
    await raw.appendToStream('$stats-double', jsonEvent({ type: '$statsCollected', data: { load: 1 } }));
    const all = await collect(store.readAll());
    expect(all.filter(isSystem)).toEqual([]);
    expect(all.map((e) => e.streamId)).toContain(id);
    // The server's own event is physically last; the newest event the application sees is ours.
    expect((await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0]?.streamId).toBe(id);
    const subscription = store.subscribeToAll();
    const sentinel = `Sentinel-${randomUUID()}`;
    const delivered = collectUntil(subscription, sentinel);
    await store.append(id, [{ type: sentinel, data: {} }], 0n);
    expect((await delivered).filter(isSystem)).toEqual([]);
  });

  it('should deliver only the configured stream prefixes, on reads and subscriptions', async () => {
    const store = open({ streamPrefixes: ['ocop-'] });
    const ours = `ocop-product-${randomUUID()}`;
    await store.append(ours, [{ type: 'ProductRegistered', data: {} }], 'no_stream');
    await store.append(`other-${randomUUID()}`, [{ type: 'Foreign', data: {} }], 'no_stream');
    const subscription = store.subscribeToAll();
    const sentinel = `Sentinel-${randomUUID()}`;
    const delivered = collectUntil(subscription, sentinel);
    await store.append(ours, [{ type: sentinel, data: {} }], 0n);
    for (const events of [await delivered, await collect(store.readAll())]) {
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.streamId.startsWith('ocop-'))).toBe(true);
    }
  });

  it('should skip events whose data is not a JSON object', async () => {
    const store = open();
    const id = `mixed-${randomUUID()}`;
    await raw.appendToStream(id, binaryEvent({ type: 'Blob', data: Uint8Array.from([1, 2, 3]) }));
    await store.append(id, [{ type: 'Json', data: { ok: true } }], 0n);
    expect((await collect(store.readStream(id))).map((e) => [e.type, e.revision])).toEqual([['Json', 1n]]);
  });

  it.each(['&throwOnAppendFailure=false', '&throw_on_append_failure=False'])(
    'should refuse a connection string with %s: on BatchAppend the client then misreports the actual revision',
    (query) => {
      expect(() => open({ query })).toThrow(/throwOnAppendFailure=false/);
    },
  );

  it('should accept throwOnAppendFailure=true and raise WrongExpectedVersionError with the actual revision', async () => {
    const store = open({ query: '&throwOnAppendFailure=true' });
    const id = `loud-${randomUUID()}`;
    await store.append(
      id,
      [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
        { type: 'C', data: {} },
      ],
      'no_stream',
    );
    const failure = store.append(id, [{ type: 'D', data: {} }], 'no_stream');
    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({ streamId: id, expected: 'no_stream', actual: 2n });
    await expect(store.append(`${id}-none`, [{ type: 'B', data: {} }], 3n)).rejects.toMatchObject({
      actual: 'no_stream',
    });
  });
});
