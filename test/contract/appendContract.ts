import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../../src/eventStore/eventStore';
import { type ContractContext, collect, event, ofStreams, stream, types } from './contractFixture';

const HOUR = 3_600_000;

export function describeAppendContract(context: ContractContext): void {
  describe('append with expected revision', () => {
    it('should create a stream with no_stream and number revisions from 0', async () => {
      const id = stream('create');
      const result = await context.store.append(id, [event('A'), event('B')], 'no_stream');
      expect(result.nextRevision).toBe(1n);
      const read = await collect(context.store.readStream(id));
      expect(read.map((e) => [e.type, e.revision])).toEqual([
        ['A', 0n],
        ['B', 1n],
      ]);
      expect(read[1]!.position).toEqual(result.position);
    });

    it('should refuse no_stream when the stream exists', async () => {
      const id = stream('exists');
      await context.store.append(id, [event('A')], 'no_stream');
      const failure = context.store.append(id, [event('B')], 'no_stream');
      await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(failure).rejects.toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
    });

    it('should accept the exact current revision and refuse a stale one', async () => {
      const id = stream('exact');
      await context.store.append(id, [event('A'), event('B')], 'no_stream');
      await expect(context.store.append(id, [event('C')], 1n)).resolves.toMatchObject({ nextRevision: 2n });
      await expect(context.store.append(id, [event('D')], 1n)).rejects.toMatchObject({ expected: 1n, actual: 2n });
    });

    it('should refuse an exact revision on a missing stream', async () => {
      const id = stream('missing');
      await expect(context.store.append(id, [event('A')], 0n)).rejects.toMatchObject({ actual: 'no_stream' });
    });

    it('should accept any whether or not the stream exists', async () => {
      const id = stream('any');
      await expect(context.store.append(id, [event('A')], 'any')).resolves.toMatchObject({ nextRevision: 0n });
      await expect(context.store.append(id, [event('B')], 'any')).resolves.toMatchObject({ nextRevision: 1n });
    });

    it('should append all events of a refused append or none', async () => {
      const id = stream('atomic');
      await context.store.append(id, [event('A')], 'no_stream');
      await expect(context.store.append(id, [event('B'), event('C'), event('D')], 5n)).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect(types(await collect(context.store.readStream(id)))).toEqual(['A']);
    });

    it('should let exactly one of two writers expecting the same revision win', async () => {
      const id = stream('race');
      await context.store.append(id, [event('A')], 'no_stream');
      const results = await Promise.allSettled([
        context.store.append(id, [event('B1'), event('B2')], 0n),
        context.store.append(id, [event('C1'), event('C2')], 0n),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect([
        ['A', 'B1', 'B2'],
        ['A', 'C1', 'C2'],
      ]).toContainEqual(types(await collect(context.store.readStream(id))));
    });

    it('should refuse an empty append and record nothing, not even the stream', async () => {
      const id = stream('empty');
      await expect(context.store.append(id, [], 'any')).rejects.toThrow('An append needs at least one event');
      await expect(context.store.append(id, [], 'no_stream')).rejects.toThrow('An append needs at least one event');
      expect(await collect(context.store.readStream(id))).toEqual([]);
      await expect(context.store.append(id, [event('A')], 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
    });

    it('should keep a given event id', async () => {
      const id = stream('ids');
      const eventId = randomUUID();
      await context.store.append(id, [{ id: eventId, type: 'A', data: {} }], 'no_stream');
      expect((await collect(context.store.readStream(id)))[0]!.id).toBe(eventId);
    });
  });

  describe('recording time', () => {
    it('should never let recordedAt go backwards in log order, whatever times appends carry, when recordedAtMonotonic', async () => {
      // A store stamped by a server's clock does not promise it (see EventStoreCapabilities).
      if (!context.store.capabilities.recordedAtMonotonic) return;
      const [a, b] = [stream('clock-a'), stream('clock-b')];
      const now = Date.now();
      await context.store.append(a, [event('A1', {}, { recordedAt: new Date(now + 2 * HOUR) })], 'no_stream');
      await context.store.append(b, [event('B1', {}, { recordedAt: new Date(now - 2 * HOUR) })], 'no_stream');
      await context.store.append(a, [event('A2'), event('A3')], 0n);
      await context.store.append(b, [event('B2', {}, { recordedAt: new Date(now + HOUR) })], 0n);
      const ours = ofStreams(await collect(context.store.readAll()), a, b);
      expect(types(ours)).toEqual(['A1', 'B1', 'A2', 'A3', 'B2']);
      for (let i = 1; i < ours.length; i++)
        expect(ours[i]!.recordedAt.getTime()).toBeGreaterThanOrEqual(ours[i - 1]!.recordedAt.getTime());
    });

    it('should store the recordedAt an append carries when the store keepsRecordedAt, its own time otherwise', async () => {
      const id = stream('recorded');
      const [first, second] = [Date.now() + 24 * HOUR, Date.now() + 25 * HOUR];
      const before = Date.now();
      await context.store.append(
        id,
        [event('A', {}, { recordedAt: new Date(first) }), event('B', {}, { recordedAt: new Date(second) })],
        'no_stream',
      );
      const times = (await collect(context.store.readStream(id))).map((e) => e.recordedAt.getTime());
      if (context.store.capabilities.keepsRecordedAt) {
        expect(times).toEqual([first, second]);
      } else {
        for (const time of times) expect(time).toBeLessThan(first);
        expect(Math.min(...times)).toBeGreaterThanOrEqual(before - HOUR);
      }
    });
  });
}
