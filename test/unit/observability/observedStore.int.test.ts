import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError, type EventStore } from '../../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { quietObservability } from '../../../src/observability';
import { observedStore } from '../../../src/observability/observedStore';

const counter = async (observability: ReturnType<typeof quietObservability>, name: string, labels: object) => {
  const metric = await observability.metrics.registry.getSingleMetric(name)!.get();
  return metric.values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0;
};

describe('The watched event store', () => {
  let dir: string;
  let store: EventStore;
  const observability = quietObservability();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-observed-'));
    store = observedStore(getSqliteEventStore({ path: join(dir, 'events.db'), busyTimeoutMs: 100 }), observability);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("should count an append refused because another connection holds SQLite's write lock as unavailability", async () => {
    const other = new Database(join(dir, 'events.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const append = store.append('s-1', [{ type: 'Probe', data: {} }], 'no_stream');
      await expect(append).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await counter(observability, 'ocop_event_store_unavailable_total', { call: 'append' })).toBe(1);
    expect(await counter(observability, 'ocop_event_store_appends_total', { result: 'unavailable' })).toBe(1);
  });

  it('should answer as the store does: what was appended is read back, and closing closes it', async () => {
    const result = await store.append('s-2', [{ type: 'Probe', data: { n: 1 } }], 'no_stream');
    const read = [];
    for await (const event of store.readStream('s-2')) read.push(event);
    expect(read.map((e) => [e.type, e.data, e.position])).toEqual([['Probe', { n: 1 }, result.position]]);
  });
});
