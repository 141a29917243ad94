import type { GlobalPosition, RecordedEvent } from '../eventStore/eventStore';
import { GENESIS_HASH, hashEvent } from './hashChain';

/** What an event of a stream needs for its link in the chain to be checked. */
export type ChainedEvent = Pick<RecordedEvent, 'streamId' | 'revision' | 'position' | 'type' | 'data' | 'metadata'>;

/**
 * Why an event does not match its chain:
 * - HASH_MISMATCH: its stored bytes are not the ones that were hashed (data, metadata, type or revision changed);
 * - PREV_HASH_MISMATCH: it does not point at the stored hash of the event before it (an event before it
 *   was removed, replaced with recomputed hashes, or the stream was reordered);
 * - MISSING_HASH: it carries no hash at all;
 * - REVISION_OUT_OF_ORDER: its revision is not after the previous one.
 */
export type ChainBreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'MISSING_HASH' | 'REVISION_OUT_OF_ORDER';

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly type: string;
  readonly reason: ChainBreakReason;
  /** The hash the chain expects here (recomputed, or the previous event's stored hash for a broken link). */
  readonly expected: string;
  /** What the event carries instead. */
  readonly found: string | null;
}

/** Revisions `from`..`to` (inclusive) are missing from a stream: events were removed. */
export interface RevisionGap {
  readonly streamId: string;
  readonly from: bigint;
  readonly to: bigint;
}

export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string | null;
}

export interface StreamVerification {
  readonly streamId: string;
  readonly events: number;
  readonly head: StreamHead | null;
  /** The first event, in revision order, that does not match; null when every event matches. */
  readonly firstBreak: ChainBreak | null;
  /** How many events do not match (an edit of one event's data breaks that event only). */
  readonly breaks: number;
  readonly gaps: readonly RevisionGap[];
  readonly intact: boolean;
}

/**
 * Checks one stream's hash chain event by event, in revision order, with constant memory: each event's
 * hash is recomputed with `hashEvent` and compared with the stored one, and its `prevHash` with the stored
 * hash of the event before it. Linking to the *stored* previous hash means an edited event is reported
 * alone, not every event after it.
 */
export class StreamChainVerifier {
  private nextRevision = 0n;
  private previousHash: string = GENESIS_HASH;
  private count = 0;
  private head: StreamHead | null = null;
  private firstBreak: ChainBreak | null = null;
  private breaks = 0;
  private readonly gaps: RevisionGap[] = [];

  constructor(readonly streamId: string) {}

  accept(event: ChainedEvent): void {
    this.count += 1;
    if (event.revision < this.nextRevision) {
      this.fail(event, 'REVISION_OUT_OF_ORDER', this.nextRevision.toString(), event.revision.toString());
      return;
    }
    if (event.revision > this.nextRevision)
      this.gaps.push({ streamId: this.streamId, from: this.nextRevision, to: event.revision - 1n });
    const stored = typeof event.metadata['hash'] === 'string' ? event.metadata['hash'] : null;
    const prevHash = typeof event.metadata['prevHash'] === 'string' ? event.metadata['prevHash'] : null;
    const recomputed = hashEvent(event);
    if (stored === null) this.fail(event, 'MISSING_HASH', recomputed, null);
    else if (stored !== recomputed) this.fail(event, 'HASH_MISMATCH', recomputed, stored);
    else if (prevHash !== this.previousHash) this.fail(event, 'PREV_HASH_MISMATCH', this.previousHash, prevHash);
    this.previousHash = stored ?? recomputed;
    this.nextRevision = event.revision + 1n;
    this.head = { revision: event.revision, hash: stored };
  }

  result(): StreamVerification {
    return {
      streamId: this.streamId,
      events: this.count,
      head: this.head,
      firstBreak: this.firstBreak,
      breaks: this.breaks,
      gaps: [...this.gaps],
      intact: this.breaks === 0 && this.gaps.length === 0,
    };
  }

  private fail(event: ChainedEvent, reason: ChainBreakReason, expected: string, found: string | null): void {
    this.breaks += 1;
    this.firstBreak ??= {
      streamId: this.streamId,
      revision: event.revision,
      position: event.position,
      type: event.type,
      reason,
      expected,
      found,
    };
  }
}
