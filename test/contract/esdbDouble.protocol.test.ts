import { randomUUID } from 'node:crypto';
import {
  type AllStreamResolvedEvent,
  EventStoreDBClient,
  type Filter,
  NO_STREAM,
  StreamNotFoundError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';

/**
 * The double itself, through the bare client (no adapter): the server behaviours the adapter relies on.
 * If one of these ever disagrees with a real server, the double is wrong, not the adapter's test.
 */
let double: EsdbDouble;
let client: EventStoreDBClient;

beforeAll(async () => {
  double = await startEsdbDouble();
  client = EventStoreDBClient.connectionString(double.connectionString);
});
afterAll(async () => {
  await client.dispose();
  await double.close();
});

const events = (...types: string[]) => types.map((type) => jsonEvent({ type, data: { type } }));

/** The subscription's signals and events in arrival order, until `count` of our events arrived. */
async function record(filter: Filter | undefined, stream: string, count: number, live: () => Promise<unknown>) {
  const log: string[] = [];
  let appended: Promise<unknown> = Promise.resolve();
  const subscription = client.subscribeToAll(filter ? { filter } : {});
  subscription.on('confirmation', () => log.push('confirmation'));
  subscription.on('caughtUp', () => {
    log.push('caughtUp');
    appended = live();
  });
  for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
    const event = resolved.event;
    if (event?.streamId.startsWith(stream)) log.push(event.type);
    if (log.filter((entry) => !['confirmation', 'caughtUp'].includes(entry)).length === count) break;
  }
  await subscription.unsubscribe();
  await appended; // its answer may arrive after the event it produced
  return log;
}

describe('EventStoreDB test double (protocol behaviour through the bare client)', () => {
  it('should number revisions from 0 and report the last event position on append', async () => {
    const id = `rev-${randomUUID()}`;
    const result = await client.appendToStream(id, events('A', 'B'), { expectedRevision: NO_STREAM });
    expect(result.nextExpectedRevision).toBe(1n);
    const read = [];
    for await (const resolved of client.readStream(id)) read.push(resolved.event);
    expect(read.map((e) => e?.revision)).toEqual([0n, 1n]);
    expect(read[1]?.position).toEqual(result.position);
    expect(read[0]!.position!.commit).toBeLessThan(read[1]!.position!.commit);
    expect(Math.abs(read[0]!.created.getTime() - Date.now())).toBeLessThan(5000); // ticks since the epoch
  });

  it('should answer a failed revision check with the wrong_expected_version result, not a gRPC error (Append)', async () => {
    const old = await startEsdbDouble({ batchAppend: false });
    const quiet = EventStoreDBClient.connectionString(`${old.connectionString}&throwOnAppendFailure=false`);
    const id = `wev-${randomUUID()}`;
    await quiet.appendToStream(id, events('A'));
    const result = await quiet.appendToStream(id, events('B'), { expectedRevision: NO_STREAM });
    expect(result).toMatchObject({ success: false, nextExpectedRevision: 0n });
    expect(old.appendCalls()).toEqual({ append: 2, batchAppend: 0 });
    await quiet.dispose();
    await old.close();
  });

  it('should append through BatchAppend once ServerFeatures lists it', async () => {
    const before = double.appendCalls();
    await client.appendToStream(`batch-${randomUUID()}`, events('A', 'B'), { expectedRevision: NO_STREAM });
    expect(double.appendCalls()).toEqual({ append: before.append, batchAppend: before.batchAppend + 1 });
  });

  it('should show the client misreporting the actual revision on BatchAppend with throwOnAppendFailure=false', async () => {
    // The client turns `hasCurrentStreamRevision()` (a boolean) into the revision: 1n whatever the stream
    // holds. This is why the adapter refuses the option.
    const quiet = EventStoreDBClient.connectionString(`${double.connectionString}&throwOnAppendFailure=false`);
    const id = `wev-${randomUUID()}`;
    await quiet.appendToStream(id, events('A', 'B', 'C'));
    const result = await quiet.appendToStream(id, events('D'), { expectedRevision: NO_STREAM });
    expect(result).toMatchObject({ success: false, nextExpectedRevision: 1n }); // the stream is at 2
    await quiet.dispose();
  });

  it('should answer a read of a missing stream with stream_not_found', async () => {
    const read = async () => {
      for await (const _ of client.readStream(`missing-${randomUUID()}`)) {
        // nothing to read
      }
    };
    await expect(read()).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('should send confirmation, then stored events, then caught-up, then live events', async () => {
    const id = `sub-${randomUUID()}`;
    await client.appendToStream(id, events('Old1', 'Old2'));
    const log = await record(undefined, id, 3, () => client.appendToStream(id, events('Live')));
    expect(log).toEqual(['confirmation', 'Old1', 'Old2', 'caughtUp', 'Live']);
  });

  it.each<[string, (stream: string) => Filter]>([
    ['stream prefix', (stream) => streamNameFilter({ prefixes: [`${stream}-keep`] })],
    ['stream regex', (stream) => streamNameFilter({ regex: `^${stream}-keep` })],
    ['event type prefix', () => eventTypeFilter({ prefixes: ['Kept'] })],
  ])('should filter on the server by %s', async (_, filter) => {
    const stream = `filter-${randomUUID()}`;
    await client.appendToStream(`${stream}-keep`, jsonEvent({ type: 'Kept1', data: {} }));
    await client.appendToStream(`${stream}-drop`, jsonEvent({ type: 'Dropped', data: {} }));
    const log = await record(filter(stream), stream, 2, () =>
      client.appendToStream(`${stream}-keep`, jsonEvent({ type: 'Kept2', data: {} })),
    );
    expect(log).toEqual(['confirmation', 'Kept1', 'caughtUp', 'Kept2']);
  });
});
