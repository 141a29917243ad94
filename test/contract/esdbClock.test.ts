import { randomUUID } from 'node:crypto';
import { checkStoreClock, clockOffsetWarning } from '../../src/eventStore/clockCheck';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { EventStoreUnavailableError, type EventStore, type RecordedEvent } from '../../src/eventStore/eventStore';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { tempSqliteStore } from '../support/tempStore';

/**
 * Clocks and options of the EventStoreDB adapter. The client sends each BatchAppend's deadline as a
 * time by its own clock and the server measures what is left by its own, so a server clock ahead by
 * more than the deadline times every append out; and the server stamps `created` (recordedAt) by its
 * own clock. The double's clock is set apart from this machine's to show both.
 */
async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe('EventStoreDB adapter: the server clock', () => {
  let double: EsdbDouble | undefined;
  let store: EventStore | undefined;
  afterEach(async () => {
    await store?.close();
    await double?.close();
  });

  it('should measure a server clock 10 s ahead and warn at start-up, naming NTP', async () => {
    double = await startEsdbDouble({ clockSkewMs: 10_000 });
    store = getEsdbEventStore({ connectionString: double.connectionString, deadlineMs: 30_000 });
    const warnings: string[] = [];
    const offset = await checkStoreClock(store, (message) => warnings.push(message));
    expect(offset).toBeGreaterThan(9_000);
    expect(offset).toBeLessThan(11_000);
    expect(warnings).toHaveLength(1);
    // The offset is measured over a round trip, so on a busy machine it reads a little either side of 10 s.
    expect(warnings[0]).toContain(`${(Number(offset) / 1000).toFixed(1)} s ahead of this machine's`);
    expect(warnings[0]).toMatch(/NTP/);
    // The probe is a system event: the application never sees it.
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('should measure a server clock in step as 0 and say nothing', async () => {
    double = await startEsdbDouble();
    store = getEsdbEventStore({ connectionString: double.connectionString });
    const warnings: string[] = [];
    expect(await checkStoreClock(store, (message) => warnings.push(message))).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('should warn that the clock could not be checked when the server is out of reach, without failing', async () => {
    double = await startEsdbDouble();
    store = getEsdbEventStore({ connectionString: double.connectionString, deadlineMs: 300 });
    await double.close();
    double = undefined;
    const warnings: string[] = [];
    expect(await checkStoreClock(store, (message) => warnings.push(message))).toBeNull();
    expect(warnings[0]).toMatch(/could not be checked/);
  });

  it('should not check a store that stamps events by this machine', async () => {
    const sqlite = tempSqliteStore();
    try {
      expect(await checkStoreClock(sqlite.store, () => undefined)).toBeNull();
    } finally {
      await sqlite.cleanup();
    }
  });

  it('should show why: a server clock ahead by more than the deadline times every BatchAppend out', async () => {
    double = await startEsdbDouble({ clockSkewMs: 5_000 });
    store = getEsdbEventStore({ connectionString: double.connectionString, deadlineMs: 2_000 });
    const error = await store.append(`skew-${randomUUID()}`, [{ type: 'A', data: {} }], 'no_stream').catch((e) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(double.eventCount()).toBe(2); // the node's own events only
    expect(clockOffsetWarning(5_000)).toBeDefined();
    expect(clockOffsetWarning(2_000)).toBeUndefined();
  });

  it('should declare recordedAt not monotonic: a server clock stepped back stamps an earlier time', async () => {
    let now = Date.parse('2026-01-01T00:00:10Z');
    double = await startEsdbDouble({ clock: () => now });
    store = getEsdbEventStore({ connectionString: double.connectionString });
    expect(store.capabilities.recordedAtMonotonic).toBe(false);
    const id = `stepped-${randomUUID()}`;
    await store.append(id, [{ type: 'A', data: {} }], 'no_stream');
    now -= 5_000;
    await store.append(id, [{ type: 'B', data: {} }], 0n);
    const [a, b] = await collect(store.readStream(id));
    expect(b!.recordedAt.getTime()).toBeLessThan(a!.recordedAt.getTime());
  });
});
