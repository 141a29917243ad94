import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedVersionError,
  comparePositions,
} from '../../src/eventStore/eventStore';

/** What an adapter's test file hands the contract suite. */
export interface EventStoreFixture {
  store: EventStore;
  /** Closes the store and opens a new one on the same storage; absent for stores that cannot reopen. */
  reopen?: () => Promise<EventStore>;
  cleanup: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

const event = (type: string, data: Record<string, unknown> = {}, metadata?: Record<string, unknown>): NewEvent => ({
  type,
  data: data as NewEvent['data'],
  ...(metadata ? { metadata: metadata as NewEvent['metadata'] } : {}),
});

async function collect(iterable: AsyncIterable<RecordedEvent>, limit = Infinity): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) {
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The behaviour every event-store adapter must show. Stream names are unique per test, so the suite
 * also runs against a shared server that already holds other events.
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const stream = (label: string): string => `contract-${label}-${randomUUID()}`;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('append with expected revision', () => {
      it('should create a stream with no_stream and number revisions from 0', async () => {
        const id = stream('create');
        const result = await store.append(id, [event('A'), event('B')], 'no_stream');
        expect(result.nextRevision).toBe(1n);
        const read = await collect(store.readStream(id));
        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0n],
          ['B', 1n],
        ]);
        expect(read[1]!.position).toEqual(result.position);
      });

      it('should refuse no_stream when the stream exists', async () => {
        const id = stream('exists');
        await store.append(id, [event('A')], 'no_stream');
        const failure = store.append(id, [event('B')], 'no_stream');
        await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(failure).rejects.toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
      });

      it('should accept the exact current revision and refuse a stale one', async () => {
        const id = stream('exact');
        await store.append(id, [event('A'), event('B')], 'no_stream');
        await expect(store.append(id, [event('C')], 1n)).resolves.toMatchObject({ nextRevision: 2n });
        await expect(store.append(id, [event('D')], 1n)).rejects.toMatchObject({ expected: 1n, actual: 2n });
      });

      it('should refuse an exact revision on a missing stream', async () => {
        const id = stream('missing');
        await expect(store.append(id, [event('A')], 0n)).rejects.toMatchObject({ actual: 'no_stream' });
      });

      it('should accept any whether or not the stream exists', async () => {
        const id = stream('any');
        await expect(store.append(id, [event('A')], 'any')).resolves.toMatchObject({ nextRevision: 0n });
        await expect(store.append(id, [event('B')], 'any')).resolves.toMatchObject({ nextRevision: 1n });
      });

      it('should append all events of a refused append or none', async () => {
        const id = stream('atomic');
        await store.append(id, [event('A')], 'no_stream');
        await expect(store.append(id, [event('B'), event('C'), event('D')], 5n)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect((await collect(store.readStream(id))).map((e) => e.type)).toEqual(['A']);
      });

      it('should let exactly one of two writers expecting the same revision win', async () => {
        const id = stream('race');
        await store.append(id, [event('A')], 'no_stream');
        const results = await Promise.allSettled([
          store.append(id, [event('B1'), event('B2')], 0n),
          store.append(id, [event('C1'), event('C2')], 0n),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const types = (await collect(store.readStream(id))).map((e) => e.type);
        expect([
          ['A', 'B1', 'B2'],
          ['A', 'C1', 'C2'],
        ]).toContainEqual(types);
      });
    });

    describe('reading', () => {
      it('should read a missing stream as empty', async () => {
        expect(await collect(store.readStream(stream('none')))).toEqual([]);
      });

      it('should read a stream backwards and from a revision', async () => {
        const id = stream('directions');
        await store.append(
          id,
          ['A', 'B', 'C', 'D'].map((t) => event(t)),
          'no_stream',
        );
        expect((await collect(store.readStream(id, { fromRevision: 2n }))).map((e) => e.type)).toEqual(['C', 'D']);
        const backwards = await collect(store.readStream(id, { direction: 'backwards', maxCount: 2 }));
        expect(backwards.map((e) => e.type)).toEqual(['D', 'C']);
      });

      it('should keep one global order across streams and read $all from a position', async () => {
        const [a, b] = [stream('order-a'), stream('order-b')];
        const first = await store.append(a, [event('A1')], 'no_stream');
        await store.append(b, [event('B1'), event('B2')], 'no_stream');
        await store.append(a, [event('A2')], 0n);
        const ours = (await collect(store.readAll({ from: first.position }))).filter((e) =>
          [a, b].includes(e.streamId),
        );
        expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        for (let i = 1; i < ours.length; i++) {
          expect(comparePositions(ours[i - 1]!.position, ours[i]!.position)).toBeLessThan(0);
        }
      });

      it('should read $all backwards from the end', async () => {
        const id = stream('tail');
        await store.append(id, [event('X'), event('Y')], 'no_stream');
        const [last] = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
        expect(last).toMatchObject({ streamId: id, type: 'Y' });
      });

      it('should round-trip data and metadata unchanged, unicode included', async () => {
        const id = stream('unicode');
        const data = {
          name: 'Miến dong Na Rì',
          nested: { list: [1, 2.5, -0.125, null, true, 'Chợ Đồn'], empty: {} },
          numberLikeText: '0012',
          emoji: '🍜 Trà hoa vàng',
        };
        const metadata = { actor: { id: 'u-1', role: 'PROVINCIAL_OFFICER', unit: '06' }, note: 'Bắc Kạn' };
        await store.append(id, [{ id: randomUUID(), type: 'ProductRegistered', data, metadata }], 'no_stream');
        const [read] = await collect(store.readStream(id));
        expect(read!.data).toEqual(data);
        expect(read!.metadata).toEqual(metadata);
        expect(read!.recordedAt).toBeInstanceOf(Date);
      });

      it('should keep a given event id', async () => {
        const id = stream('ids');
        const eventId = randomUUID();
        await store.append(id, [{ id: eventId, type: 'A', data: {} }], 'no_stream');
        expect((await collect(store.readStream(id)))[0]!.id).toBe(eventId);
      });
    });

    describe('subscribing to $all', () => {
      it('should catch up from a checkpoint, then deliver live appends', async () => {
        const id = stream('subscribe');
        const before = await store.append(id, [event('Old')], 'no_stream');
        await store.append(id, [event('Caught1'), event('Caught2')], 0n);
        const subscription = store.subscribeToAll({ from: before.position });
        const received: string[] = [];
        const done = (async () => {
          for await (const e of subscription) {
            if (e.streamId !== id) continue;
            received.push(e.type);
            if (received.length === 4) break;
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.append(id, [event('Live1'), event('Live2')], 2n);
        await done;
        await subscription.close();
        expect(received).toEqual(['Caught1', 'Caught2', 'Live1', 'Live2']);
      });

      it('should end iteration when closed', async () => {
        const subscription = store.subscribeToAll({});
        const drained = (async () => {
          for await (const _ of subscription) {
            // drain whatever exists
          }
          return 'ended';
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        await expect(drained).resolves.toBe('ended');
      });
    });

    describe('durability', () => {
      it('should keep everything after the store is reopened', async () => {
        if (!fixture.reopen) return;
        const id = stream('reopen');
        await store.append(id, [event('A', { n: 1 }), event('B', { n: 2 })], 'no_stream');
        store = await fixture.reopen();
        const read = await collect(store.readStream(id));
        expect(read.map((e) => [e.type, e.data])).toEqual([
          ['A', { n: 1 }],
          ['B', { n: 2 }],
        ]);
        await expect(store.append(id, [event('C')], 1n)).resolves.toMatchObject({ nextRevision: 2n });
      });
    });
  });
}
