import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from '../core/json';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: JsonObject;
  /** The metadata, including `prevHash`; any `hash` field is ignored. */
  readonly metadata: JsonObject;
}

/**
 * SHA-256 over the canonical JSON of stream, revision, type, data and metadata (which carries the
 * previous event's hash). Changing any stored byte of an event, or reordering a stream, breaks the chain.
 */
export function hashEvent(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const text = canonicalJson({
    streamId: event.streamId,
    revision: event.revision.toString(),
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(text).digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
