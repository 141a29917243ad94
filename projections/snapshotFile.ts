import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReadModels } from './views/models';
import { type Pause, readPayload, writePayload } from './snapshotPayload';

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
  /** The length of the directory at the payload's end (snapshotPayload.ts). */
  readonly directoryBytes: number;
}

/**
 * The layout, version 3:
 *   line 1: MAGIC
 *   line 2: the header as JSON, padded with spaces to HEADER_LINE_BYTES (it is written last, in place)
 *   the payload (snapshotPayload.ts): each entry's JSON, then the directory
 *   last line: the signature (HMAC-SHA256, hex) of the first two lines. The header holds the payload's
 *   SHA-256, so neither the header nor the payload can be changed without a key of this service.
 * Version 1 had no signature: such a file is refused like a forged one. Version 2 held the payload as
 * one JSON document, which had to be decoded whole before the service could answer.
 */
const MAGIC = 'OCOP read models snapshot 3\n';
const EARLIER_MAGIC = 'OCOP read models snapshot 2\n';
const UNSIGNED_MAGIC = 'OCOP read models snapshot 1\n';
const HEADER_LINE_BYTES = 4096;
const SIGNATURE_LINE_BYTES = 64 + 1;
/** Payload bytes gathered before each write to the file. */
const CHUNK_BYTES = 1 << 20;

const headerLine = (header: SnapshotHeader): Buffer => {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length >= HEADER_LINE_BYTES) throw new Error('the snapshot header is too long');
  const line = Buffer.alloc(HEADER_LINE_BYTES, ' ');
  json.copy(line);
  line[HEADER_LINE_BYTES - 1] = 0x0a;
  return line;
};

/** What the snapshot being written is of: all of the header but what the payload tells. */
export type SnapshotOf = Omit<SnapshotHeader, 'checksum' | 'bytes' | 'directoryBytes'>;

/**
 * Writes the snapshot of `models` whole or not at all: to a temporary file beside it, in chunks as the
 * payload is made (never a second copy of the models in memory), flushed to disk, then renamed over the
 * final name, so a crash mid-write leaves the previous snapshot and a stray temporary file, never a
 * half-written snapshot under the final name. The read models hold officials' records: the file is
 * readable by the service's user alone, in a folder made for that user alone when it does not exist
 * yet (one that exists is the operator's, and is left as it is).
 */
export async function writeSnapshotFile(
  path: string,
  of: SnapshotOf,
  key: Buffer,
  models: ReadModels,
  pause: Pause,
): Promise<SnapshotHeader> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    const checksum = createHash('sha256');
    writeSync(fd, `${MAGIC}${' '.repeat(HEADER_LINE_BYTES - 1)}\n`);
    let gathered: Buffer[] = [];
    let gatheredBytes = 0;
    let bytes = 0;
    const flush = () => {
      const chunk = Buffer.concat(gathered, gatheredBytes);
      for (let offset = 0; offset < chunk.length; ) offset += writeSync(fd, chunk, offset);
      checksum.update(chunk);
      bytes += chunk.length;
      [gathered, gatheredBytes] = [[], 0];
    };
    const directoryBytes = await writePayload(
      models,
      (chunk) => {
        gathered.push(chunk);
        gatheredBytes += chunk.length;
        if (gatheredBytes >= CHUNK_BYTES) flush();
      },
      pause,
    );
    flush();
    const header: SnapshotHeader = { ...of, checksum: checksum.digest('hex'), bytes, directoryBytes };
    const line = headerLine(header);
    writeSync(fd, `${signatureOf(key, line).toString('hex')}\n`);
    writeSync(fd, line, 0, line.length, MAGIC.length);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, path);
    return header;
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

const signatureOf = (key: Buffer, headerLine: Buffer): Buffer =>
  createHmac('sha256', key).update(MAGIC).update(headerLine).digest();

/**
 * The whole file, read on the thread pool in as few reads as the system allows (a snapshot is read
 * while the service builds its schema), into one buffer the read models keep.
 */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const file = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(file, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return file.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export type SnapshotRead =
  | { readonly ok: true; readonly header: SnapshotHeader; readonly models: ReadModels }
  | { readonly ok: false; readonly reason: string; readonly header?: SnapshotHeader };

function readHeader(file: Buffer): SnapshotHeader | null {
  const end = MAGIC.length + HEADER_LINE_BYTES - 1;
  if (file.length <= end || file[end] !== 0x0a) return null;
  try {
    const header = JSON.parse(file.toString('utf8', MAGIC.length, end)) as SnapshotHeader;
    return typeof header.bytes === 'number' && typeof header.directoryBytes === 'number' ? header : null;
  } catch {
    return null;
  }
}

const isSignatureLine = (line: Buffer): boolean =>
  line.length === SIGNATURE_LINE_BYTES && line[64] === 0x0a && /^[0-9a-f]{64}$/.test(line.toString('latin1', 0, 64));

/**
 * The snapshot at `path`, checked: its format, the code version it was built by, its length, its
 * checksum and its signature by `key`; otherwise the reason it cannot be used. Whether it belongs to
 * this log is for the caller, which has the store. The models read keep the file's bytes, and decode
 * each entry when it is first read.
 */
export async function readSnapshotFile(path: string, codeVersion: string, key: Buffer): Promise<SnapshotRead> {
  let file: Buffer;
  try {
    file = await readWhole(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const magic = file.toString('latin1', 0, MAGIC.length);
  if (magic === UNSIGNED_MAGIC) return { ok: false, reason: 'is not signed' };
  if (magic === EARLIER_MAGIC) return { ok: false, reason: 'is in an earlier snapshot format' };
  if (magic !== MAGIC) return { ok: false, reason: 'is not a snapshot' };
  const header = readHeader(file);
  if (!header) return { ok: false, reason: 'has a damaged header' };
  if (header.codeVersion !== codeVersion)
    return { ok: false, reason: 'was built by another version of the read models', header };
  const payloadStart = MAGIC.length + HEADER_LINE_BYTES;
  const payloadEnd = file.length - SIGNATURE_LINE_BYTES;
  if (payloadEnd < payloadStart || !isSignatureLine(file.subarray(payloadEnd)))
    return { ok: false, reason: 'is truncated or padded (no signature line)', header };
  const payload = file.subarray(payloadStart, payloadEnd);
  if (payload.length !== header.bytes)
    return { ok: false, reason: `is truncated or padded (${payload.length} of ${header.bytes} bytes)`, header };
  if (createHash('sha256').update(payload).digest('hex') !== header.checksum) return { ok: false, reason: 'does not match its checksum', header };
  const signature = Buffer.from(file.toString('latin1', payloadEnd, payloadEnd + 64), 'hex');
  if (!timingSafeEqual(signature, signatureOf(key, file.subarray(MAGIC.length, payloadStart))))
    return {
      ok: false,
      reason: "is not signed with this service's key (forged, or written before the key changed)",
      header,
    };
  try {
    return { ok: true, header, models: readPayload(payload, header.directoryBytes) };
  } catch {
    return { ok: false, reason: 'cannot be decoded', header };
  }
}
