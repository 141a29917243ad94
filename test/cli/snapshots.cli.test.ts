import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModels } from '../../projections';
import { replayInto } from '../../projections/replay';
import { snapshotKey } from '../../projections/snapshotKey';
import { type SnapshotSettings, writeSnapshot } from '../../projections/snapshots';
import { createRegistry } from '../../src/application/registry';
import { runCli } from '../../src/cli/program';
import { loadConfig } from '../../src/config';
import { type RecordedEvent, comparePositions, formatPosition } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { readAllEvents } from '../support/tempStore';
import { recordChanges, steppingClock } from '../unit/history/historyLog';
import { captureIo, sqliteEnv } from './captureIo';
import { forgeSnapshot } from './forgeSnapshot';

/** A log of every kind of change, recorded through the registry, and its events. */
async function recordLog(path: string): Promise<RecordedEvent[]> {
  const clock = steppingClock();
  const store = getSqliteEventStore({ path, clock: clock.ms });
  try {
    await recordChanges(createRegistry(store), clock);
    return await readAllEvents(store);
  } finally {
    await store.close();
  }
}

/** A snapshot of the log at `last`, written as the service writes them. */
async function snapshotAt(path: string, settings: SnapshotSettings, last: RecordedEvent): Promise<string> {
  const store = getSqliteEventStore({ path });
  try {
    const built = await replayInto(store, createReadModels, {
      stopBefore: (event) => comparePositions(event.position, last.position) > 0,
    });
    return await writeSnapshot(settings, built.models!, last, last.recordedAt);
  } finally {
    await store.close();
  }
}

describe('ocop replay --fingerprint, with and without a read-model snapshot', () => {
  let dir: string;
  let path: string;
  let events: RecordedEvent[];
  let settings: SnapshotSettings;
  let fullFingerprint: string;

  const replay = async (...args: string[]) => {
    const run = captureIo(sqliteEnv(path));
    await runCli(['replay', '--fingerprint', ...args], run.io);
    const fingerprint = /fingerprint\s+([0-9a-f]{64})/.exec(run.stdout())?.[1];
    return { fingerprint, stdout: run.stdout(), stderr: run.stderr() };
  };
  const snapshots = () => readdirSync(dir).filter((name) => name.endsWith('.snapshot'));
  const clearSnapshots = () => snapshots().forEach((name) => rmSync(join(dir, name)));
  const middle = () => events[Math.floor(events.length / 2)]!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-snapshots-'));
    path = join(dir, 'ocop.db');
    events = await recordLog(path);
    settings = { ...loadConfig(sqliteEnv(path)).snapshots!, everyEvents: 1000 };
    fullFingerprint = (await replay()).fingerprint!;
    expect(fullFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
  beforeEach(clearSnapshots);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should replay only the events after a snapshot, and build the same models', async () => {
    const at = middle();
    await snapshotAt(path, settings, at);
    const fromSnapshot = await replay('--from-snapshot');
    expect(fromSnapshot.stderr).toContain(`at ${formatPosition(at.position)}`);
    const tail = events.filter((e) => comparePositions(e.position, at.position) > 0).length;
    expect(fromSnapshot.stdout).toMatch(new RegExp(`^replayed ${tail} events`));
    expect(fromSnapshot.fingerprint).toBe(fullFingerprint);
  });

  it('should use a snapshot taken at the head, replaying nothing', async () => {
    await snapshotAt(path, settings, events.at(-1)!);
    const fromSnapshot = await replay('--from-snapshot');
    expect(fromSnapshot.stdout).toMatch(/^replayed 0 events/);
    expect(fromSnapshot.fingerprint).toBe(fullFingerprint);
  });

  const fallsBack = async (reason: RegExp) => {
    const result = await replay('--from-snapshot');
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('replaying the whole log');
    expect(result.stdout).toMatch(new RegExp(`^replayed ${events.length} events`));
    expect(result.fingerprint).toBe(fullFingerprint);
  };

  it('should replay the whole log when there is no snapshot', async () => {
    await fallsBack(/No read-model snapshot in /);
  });

  it('should ignore a snapshot truncated mid-write', async () => {
    const file = await snapshotAt(path, settings, middle());
    truncateSync(file, Math.floor(readFileSync(file).length * 0.6));
    await fallsBack(/is truncated .*: ignored/);
  });

  it('should ignore a snapshot cut inside its header', async () => {
    const file = await snapshotAt(path, settings, middle());
    truncateSync(file, 40);
    await fallsBack(/has a damaged header: ignored/);
  });

  it('should ignore a damaged snapshot', async () => {
    const file = await snapshotAt(path, settings, middle());
    const bytes = readFileSync(file);
    const inPayload = Math.floor(bytes.length * 0.7);
    bytes[inPayload] = bytes[inPayload]! ^ 0x01;
    writeFileSync(file, bytes);
    await fallsBack(/does not match its checksum: ignored/);
  });

  it('should ignore a snapshot built by another version of the read models', async () => {
    const file = await snapshotAt(path, settings, middle());
    const text = readFileSync(file, 'latin1').replace(/"codeVersion":"[0-9a-f]+"/, `"codeVersion":"${'0'.repeat(64)}"`);
    writeFileSync(file, text, 'latin1');
    await fallsBack(/built by another version of the read models: ignored/);
  });

  it('should ignore a snapshot of another log', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'ocop-other-'));
    try {
      const otherPath = join(otherDir, 'ocop.db');
      const other = await recordLog(otherPath);
      const file = await snapshotAt(otherPath, { ...settings, dir: otherDir }, other[Math.floor(other.length / 2)]!);
      copyFileSync(file, join(dir, file.slice(otherDir.length + 1)));
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    await fallsBack(/was taken of another log: ignored/);
  });

  it.each(['signed', 'unsigned'] as const)(
    'should refuse a snapshot whose text was rewritten with its checksum and length (%s), and replay',
    async (format) => {
      const file = await snapshotAt(path, settings, middle());
      forgeSnapshot(file, 'Miến dong', 'Miến dong <a href=//evil>', format);
      const reason =
        format === 'signed' ? /is not signed with this service's key .*: ignored/ : /is not signed: ignored/;
      await fallsBack(reason);
      const result = await replay('--from-snapshot');
      expect(result.stderr.split('\n').filter((line) => /ignored/.test(line))).toHaveLength(1);
    },
  );

  it('should refuse a snapshot signed with another key, as after the key is rotated', async () => {
    await snapshotAt(path, { ...settings, key: snapshotKey('another-secret-of-at-least-32-bytes-long!') }, middle());
    await fallsBack(/is not signed with this service's key .*: ignored/);
  });

  it('should write snapshots readable by the service user alone', async () => {
    const file = await snapshotAt(path, { ...settings, dir: join(dir, 'new', 'folder') }, middle());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'new', 'folder')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o700);
    rmSync(join(dir, 'new'), { recursive: true });
  });

  it('should fall back to the previous snapshot when the newest is damaged', async () => {
    const older = events[5]!;
    await snapshotAt(path, settings, older);
    const newest = await snapshotAt(path, settings, middle());
    truncateSync(newest, readFileSync(newest).length - 1);
    const result = await replay('--from-snapshot');
    expect(result.stderr).toMatch(/is truncated .*: ignored/);
    expect(result.stderr).toContain(`at ${formatPosition(older.position)}`);
    expect(result.fingerprint).toBe(fullFingerprint);
  });
});
