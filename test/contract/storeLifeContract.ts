import { setTimeout as delay } from 'node:timers/promises';
import { EventStoreUnavailableError, comparePositions } from '../../src/eventStore/eventStore';
import { type ContractContext, collect, event, stream, types } from './contractFixture';

/** Retries `work` until it succeeds or `ms` pass: a client may need a moment to reconnect. */
async function eventually<T>(work: () => Promise<T>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > until || !(error instanceof EventStoreUnavailableError)) throw error;
      await delay(200);
    }
  }
}

export function describeStoreLifeContract(context: ContractContext): void {
  describe('positions', () => {
    it('should name the highest position it assigned, at or past every event it appended', async () => {
      const id = stream('highest');
      const first = await context.store.append(id, [event('A')], 'no_stream');
      const last = await context.store.append(id, [event('B'), event('C')], 0n);
      const highest = await context.store.highestAssignedPosition();
      expect(highest).not.toBeNull();
      expect(comparePositions(highest!, last.position)).toBeGreaterThanOrEqual(0);
      if (context.store.capabilities.positionsAreGapless) {
        expect(highest).toEqual(last.position);
        expect(last.position.commit - first.position.commit).toBe(2n);
      }
    });
  });

  describe('outage', () => {
    it('should refuse an append with EventStoreUnavailableError while cut off, record nothing, and recover', async () => {
      const id = stream('outage');
      await context.store.append(id, [event('Before')], 'no_stream');
      const restore = await context.fixture.outage();
      try {
        await expect(context.store.append(id, [event('During')], 0n)).rejects.toBeInstanceOf(
          EventStoreUnavailableError,
        );
      } finally {
        await restore();
      }
      await eventually(() => context.store.append(id, [event('After')], 0n));
      expect(types(await collect(context.store.readStream(id)))).toEqual(['Before', 'After']);
    });
  });

  describe('durability', () => {
    it('should keep everything after the store is reopened', async () => {
      if (context.store.capabilities.inMemory) {
        // Declared: nothing survives close, so there is nothing to reopen.
        expect(context.fixture.reopen).toBeUndefined();
        return;
      }
      if (!context.fixture.reopen)
        throw new Error('The store is not in-memory, so its fixture must reopen it to show what survives a close');
      const id = stream('reopen');
      await context.store.append(id, [event('A', { n: 1 }), event('B', { n: 2 })], 'no_stream');
      context.use(await context.fixture.reopen());
      const read = await collect(context.store.readStream(id));
      expect(read.map((e) => [e.type, e.data])).toEqual([
        ['A', { n: 1 }],
        ['B', { n: 2 }],
      ]);
      await expect(context.store.append(id, [event('C')], 1n)).resolves.toMatchObject({ nextRevision: 2n });
    });
  });
}
