import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, type ExpectedRevision, WrongExpectedVersionError } from './eventStore';

/** gRPC status codes that mean "the server cannot be reached or did not answer in time". */
const TRANSIENT_GRPC_CODES = new Set([
  1, // CANCELLED: the channel was closed under the call (the client reconnects after UNAVAILABLE)
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE: nothing listening, connection reset, server shutting down
]);

export interface AppendContext {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/** True for failures worth retrying later: the server is down, unreachable, or too slow. */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof EventStoreUnavailableError ||
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    // ABORTED: the server gave up waiting for its own commit; the write may or may not have happened.
    error instanceof TimeoutError ||
    // The client reconnects to the leader on the next call.
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (error === null || typeof error !== 'object') return false;
  // The client passes some channel failures through untouched as plain gRPC errors.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) return true;
  // Cluster discovery throws a plain Error once it has run out of attempts.
  return error instanceof Error && error.message.startsWith('Failed to discover');
}

/**
 * True when the call was refused before anything was sent: the client closes its channel when any call
 * (a dropped subscription, say) fails with UNAVAILABLE, and calls still waiting for that channel fail
 * this way. Retrying such a call cannot write anything twice.
 */
export function neverReachedServer(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Channel closed before call started');
}

/** Maps the client's failures onto the port's errors; anything else (a bug, access denied) passes through. */
export function translateEsdbError(error: unknown, append?: AppendContext): unknown {
  if (error instanceof WrongExpectedVersionError || error instanceof EventStoreUnavailableError) return error;
  if (error instanceof ClientWrongExpectedVersionError && append) {
    return new WrongExpectedVersionError(append.streamId, append.expected, toActual(error.actualVersion));
  }
  if (isUnavailable(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${detail}`, { cause: error });
  }
  return error;
}

/** The client reports the current revision as a bigint, 'no_stream', or -1n when the append is not thrown. */
export function toActual(current: unknown): bigint | 'no_stream' {
  return typeof current === 'bigint' && current >= 0n ? current : 'no_stream';
}
