import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainModels } from '../../projections/modelsSnapshot';
import { replayLog } from '../../projections/replay';
import { createRegistry } from '../../src/application/registry';
import { runCli } from '../../src/cli/program';
import type { EventStore, RecordedEvent } from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { startEsdbDouble } from '../support/esdbDouble';
import { readAllEvents } from '../support/tempStore';
import { recordChanges, steppingClock } from '../unit/history/historyLog';
import { captureIo, sqliteEnv } from './captureIo';

/** An event as an import must preserve it: everything but the target's own position. */
const asStored = ({ position: _position, ...event }: RecordedEvent) => event;

async function withStore<T>(open: () => EventStore, use: (store: EventStore) => Promise<T>): Promise<T> {
  const store = open();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

describe('ocop export, import and replay', () => {
  let dir: string;
  let source: string;
  let exported: string;
  let sourceEvents: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-history-'));
    source = join(dir, 'source.db');
    exported = join(dir, 'log.ndjson');
    const clock = steppingClock();
    await withStore(
      () => getSqliteEventStore({ path: source, clock: clock.ms }),
      async (store) => {
        await recordChanges(createRegistry(store), clock);
        sourceEvents = await readAllEvents(store);
      },
    );
    const run = captureIo(sqliteEnv(source));
    await runCli(['export', '--out', exported], run.io);
    expect(run.stderr()).toContain(`exported ${sourceEvents.length} events`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should write one line per event in log order with position, stream, revision, type, data and metadata', () => {
    const lines = readFileSync(exported, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(sourceEvents.length);
    expect(lines[0]).toEqual({
      position: `${sourceEvents[0]!.position.commit}:${sourceEvents[0]!.position.prepare}`,
      stream: sourceEvents[0]!.streamId,
      revision: 0,
      id: sourceEvents[0]!.id,
      type: 'PlanAdopted',
      data: sourceEvents[0]!.data,
      metadata: sourceEvents[0]!.metadata,
      recordedAt: sourceEvents[0]!.recordedAt.toISOString(),
    });
  });

  it('should import into a fresh SQLite store with the same events, and replay to identical read models', async () => {
    const target = join(dir, 'target.db');
    const run = captureIo(sqliteEnv(target));
    await runCli(['import', exported], run.io);
    expect(run.stdout()).toContain(`imported ${sourceEvents.length} events`);
    const [before, after] = await Promise.all([
      withStore(
        () => getSqliteEventStore({ path: source }),
        (s) => replayLog(s),
      ),
      withStore(
        () => getSqliteEventStore({ path: target }),
        (s) => replayLog(s),
      ),
    ]);
    expect(plainModels(after.models)).toEqual(plainModels(before.models));
    const imported = await withStore(() => getSqliteEventStore({ path: target }), readAllEvents);
    // Ids, revisions, hashes and the recording times too, so asOf answers the same after a move.
    expect(imported.map(asStored)).toEqual(sourceEvents.map(asStored));
    const checked = captureIo(sqliteEnv(target));
    await runCli(['verify'], checked.io);
    expect(checked.exitCode()).toBeUndefined();
  });

  it('should print the same counts and fingerprint when replaying the source and the imported copy', async () => {
    const target = join(dir, 'fingerprint.db');
    await runCli(['import', exported], captureIo(sqliteEnv(target)).io);
    const replayed = async (path: string) => {
      const run = captureIo(sqliteEnv(path));
      await runCli(['replay', '--fingerprint'], run.io);
      return run.stdout().split('\n').slice(1).join('\n');
    };
    const printed = await replayed(source);
    expect(printed).toMatch(/subjects\s+1\n/);
    expect(printed).toMatch(/fingerprint\s+[0-9a-f]{64}/);
    expect(await replayed(target)).toBe(printed);
  });

  it('should refuse to import into a store that is not empty, and append nothing', async () => {
    const target = join(dir, 'busy.db');
    await runCli(['import', exported], captureIo(sqliteEnv(target)).io);
    await expect(runCli(['import', exported], captureIo(sqliteEnv(target)).io)).rejects.toThrow(/not empty/);
    const events = await withStore(() => getSqliteEventStore({ path: target }), readAllEvents);
    expect(events).toHaveLength(sourceEvents.length);
  });

  it('should refuse a file whose chain does not verify, before writing anything', async () => {
    const tampered = join(dir, 'tampered.ndjson');
    const lines = readFileSync(exported, 'utf8').trim().split('\n');
    const line = JSON.parse(lines[5]!);
    line.data = { ...line.data, decisionNo: 'FORGED' };
    lines[5] = JSON.stringify(line);
    writeFileSync(tampered, `${lines.join('\n')}\n`);
    const target = join(dir, 'refused.db');
    await expect(runCli(['import', tampered], captureIo(sqliteEnv(target)).io)).rejects.toThrow(
      new RegExp(`${line.stream}, revision ${line.revision} \\(${line.type}\\): HASH_MISMATCH`),
    );
    expect(await withStore(() => getSqliteEventStore({ path: target }), readAllEvents)).toHaveLength(0);
  });

  it('should move the log into EventStoreDB in order, with revisions and hashes, and replay identically', async () => {
    const double = await startEsdbDouble();
    try {
      const env = { OCOP_STORE: 'esdb', OCOP_ESDB_URL: double.connectionString };
      await runCli(['import', exported], captureIo(env).io);
      const open = () => getEsdbEventStore({ connectionString: double.connectionString });
      const moved = await withStore(open, readAllEvents);
      const kept = ({ id, streamId, revision, type, data, metadata }: RecordedEvent) => ({
        id,
        streamId,
        revision,
        type,
        data,
        metadata,
      });
      expect(moved.map(kept)).toEqual(sourceEvents.map(kept));
      const [before, after] = await Promise.all([
        withStore(
          () => getSqliteEventStore({ path: source }),
          (s) => replayLog(s),
        ),
        withStore(open, (s) => replayLog(s)),
      ]);
      expect(plainModels(after.models)).toEqual(plainModels(before.models));
      const checked = captureIo(env);
      await runCli(['verify'], checked.io);
      expect(checked.stdout()).toMatch(/every hash chain intact/);
      // A digest published before the move is recomputed over the same first events after it.
      const digestOf = async (environment: Record<string, string>) => {
        const run = captureIo(environment);
        await runCli(['digest', '--events', '6'], run.io);
        return /^digest\s+(\S+)$/m.exec(run.stdout())![1];
      };
      expect(await digestOf(env)).toBe(await digestOf(sqliteEnv(source)));
    } finally {
      await double.close();
    }
  });
});
