import { type EventStore, type GlobalPosition, formatPosition } from '../eventStore/eventStore';
import { StreamChainVerifier, type StreamVerification } from './chainVerifier';

/** Positions strictly between `after` and `before` hold no event although the store never skips one. */
export interface PositionGap {
  /** The last position present before the gap ('0:0' when the log's first rows are missing). */
  readonly after: string;
  /** The next position present, or null when the rows at the end of the log are missing. */
  readonly before: string | null;
  readonly missing: bigint;
}

export interface LogVerification {
  readonly events: number;
  readonly streams: number;
  /** Streams whose chain is broken or has revision gaps, in the order their first event appears. */
  readonly failedStreams: readonly StreamVerification[];
  readonly positionGaps: readonly PositionGap[];
  readonly intact: boolean;
}

export interface VerifyLogOptions {
  readonly onProgress?: (events: number, position: GlobalPosition) => void;
}

/** Verifies one stream's chain, reading it in revision order. */
export async function verifyStream(store: EventStore, streamId: string): Promise<StreamVerification> {
  const verifier = new StreamChainVerifier(streamId);
  for await (const event of store.readStream(streamId)) verifier.accept(event);
  return verifier.result();
}

/**
 * Verifies every stream in one pass over the log in global order (each stream's events come in revision
 * order within it), keeping one small verifier per stream. On a store whose positions are gapless, also
 * looks for positions that hold no event, up to the highest it ever assigned (events removed at the end).
 */
export async function verifyLog(store: EventStore, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const gapless = store.capabilities.positionsAreGapless;
  const verifiers = new Map<string, StreamChainVerifier>();
  const positionGaps: PositionGap[] = [];
  let last = 0n;
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    let verifier = verifiers.get(event.streamId);
    if (!verifier) verifiers.set(event.streamId, (verifier = new StreamChainVerifier(event.streamId)));
    verifier.accept(event);
    if (gapless) {
      const at = event.position.commit;
      if (at > last + 1n)
        positionGaps.push({ after: denseCursor(last), before: denseCursor(at), missing: at - last - 1n });
      last = at;
    }
    if (options.onProgress && events % 10_000 === 0) options.onProgress(events, event.position);
  }
  const highest = gapless ? ((await store.highestAssignedPosition())?.commit ?? null) : null;
  if (highest !== null && highest > last)
    positionGaps.push({ after: denseCursor(last), before: null, missing: highest - last });
  const failedStreams = [...verifiers.values()].map((v) => v.result()).filter((r) => !r.intact);
  return {
    events,
    streams: verifiers.size,
    failedStreams,
    positionGaps,
    intact: failedStreams.length === 0 && positionGaps.length === 0,
  };
}

const denseCursor = (at: bigint): string => formatPosition({ commit: at, prepare: at });
