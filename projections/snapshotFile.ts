import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ReadModels } from './index';
import { decodePlain, encodePlain } from './plainCodec';

/** What a snapshot says about itself, on its second line, as JSON. */
export interface SnapshotHeader {
  /** The position of the last event applied, "commit:prepare". */
  readonly position: string;
  /** That event, to tell a snapshot of this log from one of another log (a "foreign" snapshot). */
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: string;
  readonly lastRecordedAt: string | null;
  /** projectionCodeVersion() of the process that wrote it. */
  readonly codeVersion: string;
  /** SHA-256 (hex) of the payload, and its length in bytes. */
  readonly checksum: string;
  readonly bytes: number;
}

const MAGIC = 'OCOP read models snapshot 1\n';
/** Hashing yields to the event loop between slices, so requests keep being answered while it runs. */
const SLICE_BYTES = 8 << 20;

/**
 * The payload: the read models as JSON (plainCodec.ts). Nothing here names a model or a field, so
 * whatever fields a record gains are carried without this file knowing about them.
 */
export function serializeModels(models: ReadModels): Buffer {
  return Buffer.from(JSON.stringify(encodePlain(models)), 'utf8');
}

export async function checksumOf(payload: Buffer): Promise<string> {
  const hash = createHash('sha256');
  for (let offset = 0; offset < payload.length; offset += SLICE_BYTES) {
    hash.update(payload.subarray(offset, offset + SLICE_BYTES));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/**
 * Writes the snapshot whole or not at all: to a temporary file beside it, flushed to disk, then
 * renamed over the final name, so a crash mid-write leaves the previous snapshot and a stray
 * temporary file, never a half-written snapshot under the final name.
 */
export function writeSnapshotFile(path: string, header: SnapshotHeader, payload: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${MAGIC}${JSON.stringify(header)}\n`);
    for (let offset = 0; offset < payload.length;)
      offset += writeSync(fd, payload, offset, Math.min(SLICE_BYTES, payload.length - offset));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

export type SnapshotRead =
  | { readonly ok: true; readonly header: SnapshotHeader; readonly models: ReadModels }
  | { readonly ok: false; readonly reason: string; readonly header?: SnapshotHeader };

/**
 * The snapshot at `path`, checked: its format, the code version it was built by, its length and its
 * checksum; otherwise the reason it cannot be used. Whether it belongs to this log is for the caller,
 * which has the store.
 */
export function readSnapshotFile(path: string, codeVersion: string): SnapshotRead {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return { ok: false, reason: 'is not a snapshot' };
  const headerEnd = file.indexOf(0x0a, MAGIC.length);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(file.subarray(MAGIC.length, headerEnd).toString('utf8')) as SnapshotHeader;
  } catch {
    return { ok: false, reason: 'has a damaged header' };
  }
  if (headerEnd < 0 || typeof header.bytes !== 'number') return { ok: false, reason: 'has a damaged header' };
  if (header.codeVersion !== codeVersion)
    return { ok: false, reason: 'was built by another version of the read models', header };
  const payload = file.subarray(headerEnd + 1);
  if (payload.length !== header.bytes)
    return { ok: false, reason: `is truncated or padded (${payload.length} of ${header.bytes} bytes)`, header };
  if (createHash('sha256').update(payload).digest('hex') !== header.checksum)
    return { ok: false, reason: 'does not match its checksum', header };
  try {
    return { ok: true, header, models: decodePlain(JSON.parse(payload.toString('utf8'))) as ReadModels };
  } catch {
    return { ok: false, reason: 'cannot be decoded', header };
  }
}
