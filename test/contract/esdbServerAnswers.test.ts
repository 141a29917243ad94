import { randomUUID } from 'node:crypto';
import { UnavailableError } from '../../src/core/errors';
import { handleCommand } from '../../src/application/handleCommand';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import {
  EventStoreUnavailableError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../../src/eventStore/eventStore';
import { productDecider } from '../../src/domain/product/decide';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import type { AppendFault } from '../support/esdbDouble/faults';
import { testContext } from '../support/fixtures';

/**
 * The EventStoreDB adapter meeting what a real node answers while it starts, elects a leader, is
 * overloaded or is slow to commit: through the real client, against the gRPC double, on both of the
 * client's append paths. The double words each answer as the server's source does (see its faults.ts).
 */

const numbered = (n: number): NewEvent => ({ id: randomUUID(), type: 'Numbered', data: { n } });

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('EventStoreDB adapter through %s: the server refusing or timing out a write', (_, batchAppend) => {
  let double: EsdbDouble;
  let store: EventStore;

  beforeEach(async () => {
    double = await startEsdbDouble({ batchAppend });
    store = getEsdbEventStore({ connectionString: double.connectionString });
  });
  afterEach(async () => {
    await store.close();
    await double.close();
  });

  it.each<AppendFault>(['not-ready', 'busy', 'no-leader-info'])(
    'should answer "%s" with EventStoreUnavailableError, nothing written, and take the next append',
    async (fault) => {
      const id = `refused-${randomUUID()}`;
      const before = double.eventCount();
      double.failAppends(fault);
      const error = await store.append(id, [numbered(1)], 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as EventStoreUnavailableError).outcomeUnknown).toBe(false);
      expect(double.eventCount()).toBe(before);
      await expect(store.append(id, [numbered(1)], 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
    },
  );

  it('should report a commit timeout as unavailable with an unknown outcome, and take the same append again once', async () => {
    const id = `timeout-${randomUUID()}`;
    await store.append(id, [numbered(0)], 'no_stream');
    const events = [numbered(1), numbered(2)];
    double.failAppends('commit-timeout');
    const error = await store.append(id, events, 0n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as EventStoreUnavailableError).outcomeUnknown).toBe(true);
    expect((error as Error).message).toMatch(/outcome is unknown/);
    // The same event ids at the same expected revision: the server recognises them and writes nothing.
    await expect(store.append(id, events, 0n)).resolves.toMatchObject({ nextRevision: 2n });
    expect((await collect(store.readStream(id))).map((e) => e.data['n'])).toEqual([0, 1, 2]);
  });

  it('should tell the caller of a command that timed out that it may have been recorded, and repeat it once', async () => {
    const context = testContext();
    const command = {
      type: 'RecordTraceability' as const,
      productId: 'p1',
      system: 'icheck',
      enabledOn: '2024-06-01',
      today: '2026-11-28',
    };
    const stream = `ocop-product-${randomUUID()}`;
    await store.append(stream, [productRegisteredEvent()], 'no_stream');
    double.failAppends('commit-timeout');
    const first = await handleCommand(store, stream, productDecider, command, context).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(UnavailableError);
    expect((first as Error).message).toMatch(/may have been recorded/);
    const again = await handleCommand(store, stream, productDecider, command, context);
    expect(again.repeated).toBe(true);
    expect(await collect(store.readStream(stream))).toHaveLength(2);
  });

  it('should take an append just under the server limit of 1 MiB and refuse one over it, writing nothing', async () => {
    const id = `large-${randomUUID()}`;
    const sized = (bytes: number): NewEvent => ({ type: 'Large', data: { text: 'x'.repeat(bytes) }, metadata: {} });
    // The server counts data, metadata and twice the type's length; `{"text":""}` and `{}` add 13.
    const limit = 1024 * 1024 - 13 - 2 * 'Large'.length;
    await expect(store.append(id, [sized(limit)], 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
    const before = double.eventCount();
    const error = await store.append(id, [sized(limit + 1)], 0n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/maximum append size \(1048576 bytes\); nothing was written/);
    expect(double.eventCount()).toBe(before);
    const [read] = await collect(store.readStream(id));
    expect(String(read!.data['text'])).toHaveLength(limit);
  });
});

function productRegisteredEvent(): NewEvent {
  return {
    type: 'ProductRegistered',
    data: {
      productId: 'p1',
      subjectId: 'htx',
      name: 'Miến dong',
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2024-03-10',
    },
    metadata: { commandId: 'seed', hash: 'seed' },
  };
}

describe('EventStoreDB adapter: a subscription reset by the connection', () => {
  let double: EsdbDouble;
  let store: EventStore;

  beforeEach(async () => {
    double = await startEsdbDouble();
    store = getEsdbEventStore({ connectionString: double.connectionString });
  });
  afterEach(async () => {
    await store.close();
    await double.close();
  });

  it('should resubscribe after INTERNAL and deliver every event once, in order', async () => {
    const id = `reset-${randomUUID()}`;
    await store.append(id, [numbered(0), numbered(1), numbered(2)], 'no_stream');
    const received: number[] = [];
    const subscription = store.subscribeToAll();
    const consumed = (async () => {
      for await (const e of subscription) {
        if (e.streamId !== id) continue;
        received.push(Number(e.data['n']));
        if (received.length === 3) double.resetSubscriptions();
        if (received.length === 6) break;
      }
    })();
    while (received.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the reset has landed
    await store.append(id, [numbered(3), numbered(4), numbered(5)], 2n);
    await consumed;
    await subscription.close();
    expect(received).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('should keep a quiet subscription that is reset now and then, more times than its attempts', async () => {
    const patient = getEsdbEventStore({
      connectionString: double.connectionString,
      resubscribe: { attempts: 3, initialDelayMs: 10, maxDelayMs: 100 },
    });
    const id = `quiet-${randomUUID()}`;
    const subscription = patient.subscribeToAll();
    const first = (async () => {
      for await (const e of subscription) if (e.streamId === id) return e.type;
      return undefined;
    })();
    try {
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250)); // up for longer than maxDelayMs
        double.resetSubscriptions();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      await store.append(id, [{ type: 'AfterQuiet', data: {} }], 'no_stream');
      await expect(first).resolves.toBe('AfterQuiet');
    } finally {
      await subscription.close();
      await patient.close();
    }
  });

  it('should still give up on a subscription reset again and again before any event arrives', async () => {
    const quick = getEsdbEventStore({
      connectionString: double.connectionString,
      resubscribe: { attempts: 3, initialDelayMs: 10 },
    });
    const resets = setInterval(() => double.resetSubscriptions(), 5);
    try {
      const drained = (async () => {
        for await (const e of quick.subscribeToAll({ after: { commit: 2n ** 62n, prepare: 2n ** 62n } })) void e;
      })();
      await expect(drained).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      clearInterval(resets);
      await quick.close();
    }
  });
});
