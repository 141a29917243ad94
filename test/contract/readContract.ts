import { randomUUID } from 'node:crypto';
import { type ExpectedRevision, type RecordedEvent, comparePositions } from '../../src/eventStore/eventStore';
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

    describe('by type', () => {
      /** Type names unique per case, so the suite also runs against a shared server holding other events. */
      const kind = (label: string) => `${label}-${randomUUID()}`;
      const indexes = (events: readonly RecordedEvent[]) => events.map((e) => e.data['i']);

      /** Appends events of `types[i % types.length]` with data `{ i }`, in appends of at most 400. */
      async function appendMix(id: string, count: number, mix: readonly string[]) {
        const first = await context.store.append(stream('types-marker'), [event('Marker')], 'no_stream');
        let expected: ExpectedRevision = 'no_stream';
        for (let start = 0; start < count; start += 400) {
          const batch = Array.from({ length: Math.min(400, count - start) }, (_, k) =>
            event(mix[(start + k) % mix.length]!, { i: start + k }),
          );
          expected = (await context.store.append(id, batch, expected)).nextRevision;
        }
        return first.position;
      }

      it('should read only the events of the types asked for, forwards, backwards and after a position', async () => {
        const [a, b, c] = [kind('A'), kind('B'), kind('C')];
        const marker = await appendMix(stream('types'), 9, [a, b, c]);
        expect(indexes(await collect(context.store.readAll({ after: marker, types: [a, c] })))).toEqual([
          0, 2, 3, 5, 6, 8,
        ]);
        const backwards = await collect(context.store.readAll({ direction: 'backwards', types: [b] }));
        expect(indexes(backwards)).toEqual([7, 4, 1]);
        expect(types(backwards)).toEqual([b, b, b]);
        const [, fourth] = await collect(context.store.readAll({ after: marker, types: [a] }));
        expect(indexes(await collect(context.store.readAll({ after: fourth!.position, types: [a, b] })))).toEqual([
          4, 6, 7,
        ]);
        const before = { after: fourth!.position, direction: 'backwards' as const };
        expect(indexes(await collect(context.store.readAll({ ...before, types: [c] })))).toEqual([2]);
      });

      it('should count in maxCount only the events handed out', async () => {
        const [a, b] = [kind('A'), kind('B')];
        const marker = await appendMix(stream('types-count'), 12, [b, b, b, b, a]);
        expect(indexes(await collect(context.store.readAll({ after: marker, types: [a], maxCount: 2 })))).toEqual([
          4, 9,
        ]);
        const last = await collect(context.store.readAll({ direction: 'backwards', types: [a], maxCount: 1 }));
        expect(indexes(last)).toEqual([9]);
      });

      it('should read nothing for a type the log does not hold, or for no type at all', async () => {
        const [a, absent] = [kind('A'), kind('Absent')];
        const marker = await appendMix(stream('types-absent'), 3, [a]);
        expect(await collect(context.store.readAll({ after: marker, types: [absent] }))).toEqual([]);
        expect(await collect(context.store.readAll({ direction: 'backwards', types: [absent] }))).toEqual([]);
        expect(await collect(context.store.readAll({ after: marker, types: [] }))).toEqual([]);
      });

      it('should read a type across many pages of the log, forwards, backwards and resumed', async () => {
        const [a, b] = [kind('A'), kind('B')];
        const marker = await appendMix(stream('types-pages'), 2400, [a, b, b, b, b, b, b, b]);
        const everyA = Array.from({ length: 300 }, (_, k) => k * 8);
        expect(indexes(await collect(context.store.readAll({ after: marker, types: [a] })))).toEqual(everyA);
        const backwards = await collect(context.store.readAll({ direction: 'backwards', types: [a] }));
        expect(indexes(backwards)).toEqual([...everyA].reverse());
        const head = await collect(context.store.readAll({ after: marker, types: [a], maxCount: 260 }));
        const rest = await collect(context.store.readAll({ after: head.at(-1)!.position, types: [a] }));
        expect([...indexes(head), ...indexes(rest)]).toEqual(everyA);
      });

      it('should call betweenReads while passing over other types, and stop the read when it throws', async () => {
        const [a, absent] = [kind('A'), kind('Absent')];
        const marker = await appendMix(stream('types-between'), 3, [a]);
        let calls = 0;
        const between = async () => {
          calls += 1;
        };
        await collect(context.store.readAll({ after: marker, types: [absent], betweenReads: () => between() }));
        expect(calls).toBeGreaterThan(0);
        const stopped = new Error('out of time');
        const read = collect(
          context.store.readAll({
            after: marker,
            types: [absent],
            betweenReads: () => {
              throw stopped;
            },
          }),
        );
        await expect(read).rejects.toBe(stopped);
      });
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
