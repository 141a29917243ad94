import { wholeLogSlices } from '../core/fairSlices';
import { type EventStore, type GlobalPosition, comparePositions, formatPosition } from '../eventStore/eventStore';
import { sha256 } from './hashChain';

export interface StreamHeadEntry {
  readonly streamId: string;
  readonly revision: bigint;
  /** The stored hash of the stream's last event: it commits to every event before it in the stream. */
  readonly hash: string;
}

export interface HeadsDigest {
  /** SHA-256 over every stream's head, one line each in stream-name order: `streamId revision hash`. */
  readonly digest: string;
  readonly streams: number;
  readonly events: number;
  /** The log position the digest covers (the last event at or before the one asked for), null for an empty log. */
  readonly position: string | null;
  readonly recordedAt: Date | null;
  readonly heads: readonly StreamHeadEntry[];
}

/**
 * Where the digest stops: at a position of this store, or after the first `events` events of the log
 * (the same in every store an import filled, since an import keeps log order).
 */
export interface DigestCut {
  readonly at?: GlobalPosition;
  readonly events?: number;
}

/** The text the digest hashes: published together with the digest, anyone can recompute it. */
export function headsText(heads: readonly StreamHeadEntry[]): string {
  return heads.map((h) => `${h.streamId} ${h.revision} ${h.hash}\n`).join('');
}

/**
 * The digest of every stream's head as of a log position or event count (default: the whole log). Each head hash
 * commits to its whole stream through the chain, so one published digest commits to the entire log up
 * to that position: a stream deleted, truncated or rewritten later (even with recomputed hashes) no
 * longer gives the published digest when recomputed at the same position.
 */
export async function digestHeads(
  store: EventStore,
  upTo: DigestCut = {},
  /** Called between slices of the work; throws to stop it (its request is out of time). */
  interrupt?: () => void,
): Promise<HeadsDigest> {
  const byStream = new Map<string, StreamHeadEntry>();
  let events = 0;
  let position: GlobalPosition | null = null;
  let recordedAt: Date | null = null;
  const { at, events: limit } = upTo;
  for await (const event of store.readAll()) {
    if ((at && comparePositions(event.position, at) > 0) || (limit !== undefined && events >= limit)) break;
    events += 1;
    position = event.position;
    recordedAt = event.recordedAt;
    const hash = event.metadata['hash'];
    byStream.set(event.streamId, {
      streamId: event.streamId,
      revision: event.revision,
      hash: typeof hash === 'string' ? hash : '',
    });
    // A digest reads the whole log: requests get their turns between slices of it.
    const turn = wholeLogSlices.pauseOrStop(interrupt);
    if (turn) await turn;
  }
  const heads = [...byStream.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  return {
    digest: sha256(headsText(heads)),
    streams: heads.length,
    events,
    position: position ? formatPosition(position) : null,
    recordedAt,
    heads,
  };
}
