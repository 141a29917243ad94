import { type Hash, type Hmac, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReadModels } from './views/models';
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

/**
 * The first line; the second is the header, the third the signature (HMAC-SHA256, hex) of the first
 * two lines and the payload together, so neither the header nor the payload can be changed without a
 * key of this service. Version 1 had no signature: such a file is refused like a forged one.
 */
const MAGIC = 'OCOP read models snapshot 2\n';
const UNSIGNED_MAGIC = 'OCOP read models snapshot 1\n';
const SIGNATURE_HEX = 64;
/** Hashing yields to the event loop between slices, so requests keep being answered while it runs. */
const SLICE_BYTES = 8 << 20;

/**
 * The payload: the read models as JSON (plainCodec.ts). Nothing here names a model or a field, so
 * whatever fields a record gains are carried without this file knowing about them.
 */
export function serializeModels(models: ReadModels): Buffer {
  return Buffer.from(JSON.stringify(encodePlain(models)), 'utf8');
}

async function digestInSlices(hash: Hash | Hmac, payload: Buffer): Promise<string> {
  for (let offset = 0; offset < payload.length; offset += SLICE_BYTES) {
    hash.update(payload.subarray(offset, offset + SLICE_BYTES));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

export function checksumOf(payload: Buffer): Promise<string> {
  return digestInSlices(createHash('sha256'), payload);
}

const headerLine = (header: SnapshotHeader): string => `${MAGIC}${JSON.stringify(header)}\n`;

/** The signature of a snapshot: its first two lines, then its payload. */
export function signatureOf(key: Buffer, header: SnapshotHeader, payload: Buffer): Promise<string> {
  return digestInSlices(createHmac('sha256', key).update(headerLine(header)), payload);
}

/**
 * Writes the snapshot whole or not at all: to a temporary file beside it, flushed to disk, then
 * renamed over the final name, so a crash mid-write leaves the previous snapshot and a stray
 * temporary file, never a half-written snapshot under the final name. The read models hold officials'
 * records: the file is readable by the service's user alone, in a folder made for that user alone
 * when it does not exist yet (one that exists is the operator's, and is left as it is).
 */
export function writeSnapshotFile(path: string, header: SnapshotHeader, signature: string, payload: Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${headerLine(header)}${signature}\n`);
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
 * The snapshot at `path`, checked: its format, the code version it was built by, its length, its
 * checksum and its signature by `key`; otherwise the reason it cannot be used. Whether it belongs to
 * this log is for the caller, which has the store.
 */
export function readSnapshotFile(path: string, codeVersion: string, key: Buffer): SnapshotRead {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const magic = file.subarray(0, MAGIC.length).toString('latin1');
  if (magic === UNSIGNED_MAGIC) return { ok: false, reason: 'is not signed' };
  if (magic !== MAGIC) return { ok: false, reason: 'is not a snapshot' };
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
  const signatureEnd = headerEnd + 1 + SIGNATURE_HEX;
  if (file.length <= signatureEnd || file[signatureEnd] !== 0x0a)
    return { ok: false, reason: 'is truncated or padded (no signature line)', header };
  const payload = file.subarray(signatureEnd + 1);
  if (payload.length !== header.bytes)
    return { ok: false, reason: `is truncated or padded (${payload.length} of ${header.bytes} bytes)`, header };
  if (createHash('sha256').update(payload).digest('hex') !== header.checksum)
    return { ok: false, reason: 'does not match its checksum', header };
  const signed = createHmac('sha256', key)
    .update(file.subarray(0, headerEnd + 1))
    .update(payload)
    .digest();
  const signature = Buffer.from(file.subarray(headerEnd + 1, signatureEnd).toString('latin1'), 'hex');
  if (signature.length !== signed.length || !timingSafeEqual(signature, signed))
    return {
      ok: false,
      reason: "is not signed with this service's key (forged, or written before the key changed)",
      header,
    };
  try {
    return { ok: true, header, models: decodePlain(JSON.parse(payload.toString('utf8'))) as ReadModels };
  } catch {
    return { ok: false, reason: 'cannot be decoded', header };
  }
}
