import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainModels } from '../../../projections/modelsSnapshot';
import { replayLog } from '../../../projections/replay';
import { snapshotKey } from '../../../projections/snapshotKey';
import { lazyMapsOf } from '../../../projections/snapshotPayload';
import { type SnapshotSettings, loadNewestSnapshot, writeSnapshot } from '../../../projections/snapshots';
import { createRegistry } from '../../../src/application/registry';
import { createServices } from '../../../src/application/services';
import type { EventStore } from '../../../src/eventStore/eventStore';
import { readAllEvents, tempSqliteStore } from '../../support/tempStore';
import { recordChanges, steppingClock } from '../history/historyLog';

const key = snapshotKey('a-test-secret-of-at-least-32-bytes-long');
const HEADER_END = 'OCOP read models snapshot 3\n'.length + 4096;
const payloadOf = (file: string) => {
  const bytes = readFileSync(file);
  return bytes.subarray(HEADER_END, bytes.length - 65);
};

describe('A read-model snapshot used in place', () => {
  let temp: ReturnType<typeof tempSqliteStore>;
  let store: EventStore;
  let settings: SnapshotSettings;
  let full: unknown;
  let file: string;

  const load = async (from = settings) => (await loadNewestSnapshot(store, from, () => undefined))!;

  beforeAll(async () => {
    temp = tempSqliteStore();
    store = temp.store;
    const clock = steppingClock();
    await recordChanges(createRegistry(store), clock);
    settings = { dir: join(temp.dir, 'snapshots'), name: 'events.db', everyEvents: 1000, everyMs: 60_000, key };
    const replayed = await replayLog(store);
    full = plainModels(replayed.models);
    const last = (await readAllEvents(store)).at(-1)!;
    file = await writeSnapshot(settings, replayed.models, last, last.recordedAt);
  });

  afterAll(() => temp.cleanup());

  it('should start with every entry still encoded, and answer like a full replay', async () => {
    const restored = await load();
    const lazy = lazyMapsOf(restored.models);
    expect(lazy.map((map) => map.size).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
    expect(lazy.every((map) => map.stillEncoded === map.size)).toBe(true);
    expect(plainModels(restored.models)).toEqual(full);
    expect(lazy.every((map) => map.stillEncoded === 0)).toBe(true);
  });

  it('should answer the same when its entries were decoded ahead, a few at a time', async () => {
    const restored = await load();
    for (const map of lazyMapsOf(restored.models)) await map.decodeAll(() => Promise.resolve());
    expect(plainModels(restored.models)).toEqual(full);
  });

  it('should write the same payload again from entries nobody has read, by copying their bytes', async () => {
    const restored = await load();
    const again = { ...settings, dir: mkdtempSync(join(tmpdir(), 'ocop-again-')) };
    try {
      const last = (await readAllEvents(store)).at(-1)!;
      const copy = await writeSnapshot(again, restored.models, last, last.recordedAt);
      expect(lazyMapsOf(restored.models).every((map) => map.stillEncoded === map.size)).toBe(true);
      expect(payloadOf(copy).equals(payloadOf(file))).toBe(true);
      expect(plainModels((await load(again)).models)).toEqual(full);
    } finally {
      rmSync(again.dir, { recursive: true, force: true });
    }
  });

  it('should write what a projection changed in a restored model, and what it never read', async () => {
    const restored = await load();
    const services = createServices(store);
    services.runner.restore(restored);
    await services.runner.start();
    const clock = steppingClock('2025-01-10T02:00:00Z');
    const result = await services.registry.registerSubject(
      { subjectId: 's-later', name: 'HTX Sau', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
      clock.context(),
    );
    await services.runner.waitFor(result.position!);
    const last = (await readAllEvents(store)).at(-1)!;
    await writeSnapshot(settings, services.runner.models, last, last.recordedAt);
    await services.runner.stop();
    expect(readdirSync(settings.dir)).toHaveLength(2);
    expect(plainModels((await load()).models)).toEqual(plainModels((await replayLog(store)).models));
  });
});

describe('The projection runner held', () => {
  it('should apply no event while held, and every one in order once let go', async () => {
    const temp = tempSqliteStore();
    const services = createServices(temp.store);
    await services.runner.start();
    const clock = steppingClock();
    const release = services.runner.hold();
    expect(() => services.runner.hold()).toThrow(/already held/);
    const registering = services.registry.registerSubject(
      { subjectId: 's-held', name: 'HTX Chờ', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
      clock.context(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const head = (await readAllEvents(temp.store)).at(-1)!;
    expect(head.streamId).toMatch(/s-held/);
    expect(services.runner.models.subjects.has('s-held')).toBe(false);
    release();
    await registering;
    expect(services.runner.models.subjects.has('s-held')).toBe(true);
    await services.runner.stop();
    await temp.cleanup();
  });
});
