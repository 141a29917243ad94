import { randomUUID } from 'node:crypto';
import { handleCommand } from '../../src/application/handleCommand';
import { createRegistry } from '../../src/application/registry';
import { productDecider } from '../../src/domain/product/decide';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import type { EventStore, RecordedEvent } from '../../src/eventStore/eventStore';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { testContext } from '../support/fixtures';

/**
 * After an election the client can be left talking to a node that is now a follower. A follower
 * forwards writes to the leader but serves reads from its own copy, which may lag: a command that
 * loads its stream there decides on old state, and every append then meets a newer revision. The
 * double plays a follower whose copy stopped at its start, and answers NotLeader to calls that
 * require the leader; the adapter requires it for appends and stream reads, and follows the answer.
 */
async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('EventStoreDB adapter through %s, connected to a follower', (_, batchAppend) => {
  let leader: EsdbDouble;
  let follower: EsdbDouble | undefined;
  const stores: EventStore[] = [];
  const open = (double: EsdbDouble): EventStore => {
    const store = getEsdbEventStore({ connectionString: double.connectionString });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    leader = await startEsdbDouble({ batchAppend });
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await follower?.close();
    await leader.close();
  });

  it('should decide a command on the leader state, not on the lagging copy', async () => {
    const onLeader = open(leader);
    const productId = `p-${randomUUID()}`;
    const stream = `ocop-product-${productId}`;
    const registry = createRegistry(onLeader);
    await registry.registerSubject(
      {
        subjectId: `s-${productId}`,
        name: 'HTX Na Rì',
        kind: 'COOPERATIVE',
        districtCode: '066',
        registeredOn: '2024-03-01',
      },
      testContext(),
    );
    await registry.registerProduct(
      {
        productId,
        subjectId: `s-${productId}`,
        name: 'Miến dong',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-10',
      },
      testContext(),
    );
    follower = await startEsdbDouble({ batchAppend, followerOf: leader });
    const traceability = (system: string) => ({
      type: 'RecordTraceability' as const,
      productId,
      system,
      enabledOn: '2024-06-01',
      today: '2026-11-28',
    });
    // Written after the follower's copy stopped: only the leader has it.
    await handleCommand(onLeader, stream, productDecider, traceability('icheck'), testContext());

    const onFollower = open(follower);
    const result = await handleCommand(onFollower, stream, productDecider, traceability('te-food'), testContext(), {
      maxRetries: 1,
    });
    expect(result.repeated).toBe(false);
    const written = await collect(onLeader.readStream(stream));
    expect(written.map((e) => e.type)).toEqual(['ProductRegistered', 'TraceabilityRecorded', 'TraceabilityRecorded']);
    // Once moved, the client stays with the leader: a plain read there sees the latest write too.
    expect((await collect(onFollower.readStream(stream))).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });
});
