import { randomUUID } from 'node:crypto';
import { comparePositions } from '../../src/eventStore/eventStore';
import { type ContractContext, collect, event, ofStreams, stream, types } from './contractFixture';

export function describeReadContract(context: ContractContext): void {
  describe('reading', () => {
    it('should read a missing stream as empty', async () => {
      expect(await collect(context.store.readStream(stream('none')))).toEqual([]);
    });

    it('should read a stream backwards and from a revision', async () => {
      const id = stream('directions');
      await context.store.append(
        id,
        ['A', 'B', 'C', 'D'].map((t) => event(t)),
        'no_stream',
      );
      expect(types(await collect(context.store.readStream(id, { fromRevision: 2n })))).toEqual(['C', 'D']);
      const backwards = await collect(context.store.readStream(id, { direction: 'backwards', maxCount: 2 }));
      expect(types(backwards)).toEqual(['D', 'C']);
    });

    it('should keep one global order across streams', async () => {
      const [a, b] = [stream('order-a'), stream('order-b')];
      const marker = await context.store.append(stream('order-marker'), [event('Marker')], 'no_stream');
      await context.store.append(a, [event('A1')], 'no_stream');
      await context.store.append(b, [event('B1'), event('B2')], 'no_stream');
      await context.store.append(a, [event('A2')], 0n);
      const ours = ofStreams(await collect(context.store.readAll({ after: marker.position })), a, b);
      expect(types(ours)).toEqual(['A1', 'B1', 'B2', 'A2']);
      for (let i = 1; i < ours.length; i++) {
        expect(comparePositions(ours[i - 1]!.position, ours[i]!.position)).toBeLessThan(0);
      }
    });

    it('should read $all after a position, the event at that position excluded', async () => {
      const id = stream('after');
      await context.store.append(id, [event('A')], 'no_stream');
      const second = await context.store.append(id, [event('B')], 0n);
      await context.store.append(id, [event('C')], 1n);
      expect(types(ofStreams(await collect(context.store.readAll({ after: second.position })), id))).toEqual(['C']);
      const last = await context.store.append(id, [event('D')], 2n);
      expect(ofStreams(await collect(context.store.readAll({ after: last.position })), id)).toEqual([]);
    });

    it('should read $all backwards from a position, the event at that position excluded', async () => {
      const id = stream('backwards');
      await context.store.append(id, [event('A')], 'no_stream');
      await context.store.append(id, [event('B')], 0n);
      const third = await context.store.append(id, [event('C')], 1n);
      await context.store.append(id, [event('D')], 2n);
      const read = await collect(context.store.readAll({ after: third.position, direction: 'backwards', maxCount: 2 }));
      expect(types(read)).toEqual(['B', 'A']);
    });

    it('should read $all backwards from the end', async () => {
      const id = stream('tail');
      await context.store.append(id, [event('X'), event('Y')], 'no_stream');
      const [last] = await collect(context.store.readAll({ direction: 'backwards', maxCount: 1 }));
      expect(last).toMatchObject({ streamId: id, type: 'Y' });
    });

    it('should resume a read of $all after the last event seen, without a gap or an event twice', async () => {
      const id = stream('resume');
      const marker = await context.store.append(stream('resume-marker'), [event('Marker')], 'no_stream');
      await context.store.append(
        id,
        ['A', 'B', 'C', 'D', 'E'].map((t) => event(t)),
        'no_stream',
      );
      const seen: string[] = [];
      let after = marker.position;
      for (let page = 0; page < 3; page++) {
        const read = await collect(context.store.readAll({ after, maxCount: 2 }));
        if (read.length === 0) break;
        seen.push(...types(ofStreams(read, id)));
        after = read.at(-1)!.position;
      }
      expect(seen).toEqual(['A', 'B', 'C', 'D', 'E']);
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
      await context.store.append(id, [{ id: randomUUID(), type: 'ProductRegistered', data, metadata }], 'no_stream');
      const [read] = await collect(context.store.readStream(id));
      expect(read!.data).toEqual(data);
      expect(read!.metadata).toEqual(metadata);
      expect(read!.recordedAt).toBeInstanceOf(Date);
    });
  });
}
