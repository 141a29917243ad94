import type { JsonObject, JsonValue } from '../core/json';
import { type RecordedEvent, formatPosition } from '../eventStore/eventStore';

/**
 * One line of an export (NDJSON): the event exactly as stored. `position` is the source store's
 * cursor (informative: the target assigns its own); order, stream, revision, id, type, data and
 * metadata (with the hash pair) are what an import preserves.
 */
export interface ExportLine {
  position: string;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: string;
}

export function toExportLine(event: RecordedEvent): string {
  const line: ExportLine = {
    position: formatPosition(event.position),
    stream: event.streamId,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
  return `${JSON.stringify(line)}\n`;
}

/** An exported event read back, ready to append. */
export interface ImportedEvent {
  readonly line: number;
  readonly position: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

export class ImportFormatError extends Error {}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function field(record: JsonObject, name: string, line: number): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '') throw new ImportFormatError(`line ${line}: ${name} must be a string`);
  return value;
}

export function parseExportLine(text: string, line: number): ImportedEvent {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch {
    throw new ImportFormatError(`line ${line}: not JSON`);
  }
  if (!isObject(parsed)) throw new ImportFormatError(`line ${line}: not a JSON object`);
  const { revision, data, metadata } = parsed;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0)
    throw new ImportFormatError(`line ${line}: revision must be a whole number`);
  if (!isObject(data) || !isObject(metadata))
    throw new ImportFormatError(`line ${line}: data and metadata must be JSON objects`);
  const recordedAt = new Date(field(parsed, 'recordedAt', line));
  if (Number.isNaN(recordedAt.getTime())) throw new ImportFormatError(`line ${line}: recordedAt is not an instant`);
  return {
    line,
    position: field(parsed, 'position', line),
    streamId: field(parsed, 'stream', line),
    revision: BigInt(revision),
    id: field(parsed, 'id', line),
    type: field(parsed, 'type', line),
    data,
    metadata,
    recordedAt,
  };
}
