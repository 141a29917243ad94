import { randomUUID } from 'node:crypto';
import { type Server, type Socket, createServer } from 'node:net';
import {
  EventStoreUnavailableError,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';

/** Failure behaviour of the EventStoreDB adapter with the real client over loopback TCP. */

const event = (n: number) => ({ type: 'Numbered', data: { n } });

async function drain(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A port nobody listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function elapsed(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await work();
    return { ms: Date.now() - started, error: undefined };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('EventStoreDB adapter: nothing listening on the port', () => {
  let store: EventStore;
  afterEach(async () => store.close());

  it('should reject append, readStream and readAll with EventStoreUnavailableError, quickly', async () => {
    store = getEsdbEventStore({ connectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false` });
    for (const work of [
      () => store.append('s-1', [event(1)], 'any'),
      () => drain(store.readStream('s-1')),
      () => drain(store.readAll()),
    ]) {
      const { ms, error } = await elapsed(work);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(ms).toBeLessThan(2000); // refused at once, long before the 5 s deadline
    }
  });

  it('should reject with EventStoreUnavailableError when cluster discovery finds no node', async () => {
    const port = await closedPort();
    const url = `esdb+discover://127.0.0.1:${port}?tls=false&maxDiscoverAttempts=2&discoveryInterval=10&gossipTimeout=1`;
    store = getEsdbEventStore({ connectionString: url });
    await expect(store.append('s-1', [event(1)], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('should end a subscription with EventStoreUnavailableError once its retries are spent', async () => {
    store = getEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false`,
      resubscribe: { attempts: 3, initialDelayMs: 10 },
    });
    await expect(drain(store.subscribeToAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('EventStoreDB adapter: a peer that accepts TCP and never answers', () => {
  const sockets = new Set<Socket>();
  const blackHole = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined); // swallow the HTTP/2 preface and every request
    socket.on('close', () => sockets.delete(socket));
  });
  let url: string;
  let store: EventStore;

  beforeAll(async () => {
    url = `esdb://127.0.0.1:${await listen(blackHole)}?tls=false`;
  });
  afterEach(async () => store.close());
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  });

  it('should fail append, readStream and readAll at the deadline with EventStoreUnavailableError', async () => {
    store = getEsdbEventStore({ connectionString: url, deadlineMs: 300 });
    for (const work of [
      () => store.append('s-1', [event(1)], 'any'),
      () => drain(store.readStream('s-1')),
      () => drain(store.readAll({ maxCount: 10 })),
    ]) {
      const { ms, error } = await elapsed(work);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(3000);
    }
  });

  it('should give up on a subscription that is never confirmed', async () => {
    store = getEsdbEventStore({
      connectionString: url,
      deadlineMs: 200,
      resubscribe: { attempts: 2, initialDelayMs: 10 },
    });
    await expect(drain(store.subscribeToAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('EventStoreDB adapter: a server that drops subscriptions', () => {
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

  it('should resume from the last delivered event: every event exactly once, in order', async () => {
    const id = `drop-${randomUUID()}`;
    let revision: ExpectedRevision = 'no_stream';
    let next = 0;
    const appendThree = async (): Promise<void> => {
      const result = await store.append(id, [event(next), event(next + 1), event(next + 2)], revision);
      revision = result.nextRevision;
      next += 3;
    };
    for (let i = 0; i < 10; i++) await appendThree(); // 30 to catch up on

    const received: number[] = [];
    const subscription = store.subscribeToAll();
    const consumed = (async () => {
      for await (const e of subscription) {
        if (e.streamId !== id) continue;
        received.push(Number(e.data.n));
        // Once while catching up, twice while live (with appends still arriving during the reopen).
        if ([10, 40, 50].includes(received.length)) double.dropSubscriptions();
        if (received.length === 60) break;
      }
    })();
    while (received.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < 10; i++) {
      await appendThree();
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the consumer keep pace, so drops hit a live subscription
    }
    await consumed;
    await subscription.close();
    expect(received).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(double.eventCount()).toBeGreaterThanOrEqual(60);
  });
});
