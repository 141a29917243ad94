import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  formatPosition,
  parsePosition,
} from '#src/eventStore/eventStore';
import { wholeLogSlices } from '#src/core/fairSlices';
import { projectionCodeVersion } from './codeVersion';
import type { ReadModels } from './views/models';
import { type SnapshotHeader, type SnapshotOf, readSnapshotFile, writeSnapshotFile } from './snapshotFile';
import type { Pause } from './snapshotPayload';

export interface SnapshotSettings {
  /** The folder snapshots are written to and read from. */
  readonly dir: string;
  /** Each snapshot is `<name>.<commit>-<prepare>.snapshot`; the store's file name by default. */
  readonly name: string;
  /** Write one once this many events were applied since the last (counted from start-up). */
  readonly everyEvents: number;
  /** And at most this often when fewer arrived (only when any did). */
  readonly everyMs: number;
  /** Signs each snapshot written, and a snapshot read is used only with its signature (snapshotKey.ts). */
  readonly key: Buffer;
}

export interface RestoredModels {
  readonly models: ReadModels;
  readonly position: GlobalPosition;
  readonly lastRecordedAt: Date | null;
  readonly file: string;
}

/** How many snapshots are kept: the newest, and one to fall back on should it be damaged. */
const KEEP = 2;

const fileOf = (settings: SnapshotSettings, position: GlobalPosition) =>
  join(settings.dir, `${settings.name}.${position.commit}-${position.prepare}.snapshot`);

/** The snapshot files in the folder, newest (highest position) first. */
function snapshotFiles(settings: SnapshotSettings): { file: string; position: GlobalPosition }[] {
  let names: string[];
  try {
    names = readdirSync(settings.dir);
  } catch {
    return [];
  }
  const prefix = `${settings.name}.`;
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.snapshot'))
    .map((name) => ({
      name,
      position: parsePosition(name.slice(prefix.length, -'.snapshot'.length).replace('-', ':')),
    }))
    .filter((f): f is { name: string; position: GlobalPosition } => f.position !== undefined)
    .sort((a, b) => (b.position.commit > a.position.commit ? 1 : b.position.commit < a.position.commit ? -1 : 0))
    .map(({ name, position }) => ({ file: join(settings.dir, name), position }));
}

/** Whether the snapshot's last event is in this log, at the same position: otherwise it is another log's. */
async function belongsTo(store: EventStore, header: SnapshotHeader): Promise<boolean> {
  for await (const event of store.readStream(header.streamId, { fromRevision: BigInt(header.revision), maxCount: 1 }))
    return event.id === header.eventId && formatPosition(event.position) === header.position;
  return false;
}

/**
 * The newest snapshot that is whole, built by this version of the read models and taken of this log;
 * null when there is none, and then the caller replays the whole log. Each one passed over is said in
 * one line, with the reason.
 */
export async function loadNewestSnapshot(
  store: EventStore,
  settings: SnapshotSettings,
  log: (line: string) => void,
): Promise<RestoredModels | null> {
  const version = projectionCodeVersion();
  const files = snapshotFiles(settings);
  if (files.length === 0) log(`No read-model snapshot in ${settings.dir}: replaying the whole log`);
  for (const { file } of files) {
    const read = await readSnapshotFile(file, version, settings.key);
    if (read.ok && !(await belongsTo(store, read.header))) {
      log(`Read-model snapshot ${file} was taken of another log: ignored`);
      continue;
    }
    if (!read.ok) {
      log(`Read-model snapshot ${file} ${read.reason}: ignored`);
      continue;
    }
    const position = parsePosition(read.header.position)!;
    const lastRecordedAt = read.header.lastRecordedAt ? new Date(read.header.lastRecordedAt) : null;
    return { models: read.models, position, lastRecordedAt, file };
  }
  if (files.length > 0) log('No usable read-model snapshot: replaying the whole log');
  return null;
}

/**
 * Writes one snapshot of `models` at `last`, then removes all but the newest KEEP. The models must not
 * change until it resolves (the runner holds its events meanwhile: snapshotWriter.ts); the writing
 * pauses with `pause`, by default taking turns with other long work in the process's one queue
 * (src/core/fairSlices.ts), so requests are answered while it runs.
 */
export async function writeSnapshot(
  settings: SnapshotSettings,
  models: ReadModels,
  last: RecordedEvent,
  lastRecordedAt: Date | null,
  pause: Pause = () => wholeLogSlices.pause(),
): Promise<string> {
  const file = fileOf(settings, last.position);
  const of: SnapshotOf = {
    position: formatPosition(last.position),
    eventId: last.id,
    streamId: last.streamId,
    revision: String(last.revision),
    lastRecordedAt: lastRecordedAt?.toISOString() ?? null,
    codeVersion: projectionCodeVersion(),
  };
  await writeSnapshotFile(file, of, settings.key, models, pause);
  for (const old of snapshotFiles(settings).slice(KEEP)) rmSync(old.file, { force: true });
  return file;
}
