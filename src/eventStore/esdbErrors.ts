import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { DeadlineExpiredError } from './esdbDeadline';
import { EventStoreUnavailableError, type ExpectedRevision, WrongExpectedVersionError } from './eventStore';

/** gRPC status codes that mean "the server cannot be reached or did not answer in time". */
const TRANSIENT_GRPC_CODES = new Set([
  1, // CANCELLED: the channel was closed under the call (the client reconnects after UNAVAILABLE)
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE: nothing listening, connection reset, server shutting down
]);

/**
 * A node that is starting, electing a leader or overloaded refuses a write before doing anything
 * (the server's `NotHandled`). `Append` reports it as UNAVAILABLE or UNKNOWN; `BatchAppend` only as a
 * status message with no code, which the client turns into an UnknownError carrying that message.
 */
const NOT_HANDLED = /Server Is Not Ready|Server Is (Too )?Busy|No leader info available/;

export interface AppendContext {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/** True for failures worth retrying later: the server is down, unreachable, busy, or too slow. */
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
  if (error instanceof UnknownError && NOT_HANDLED.test(error.message)) return true;
  if (error === null || typeof error !== 'object') return false;
  // The client passes some channel failures through untouched as plain gRPC errors.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) return true;
  // Cluster discovery throws a plain Error once it has run out of attempts.
  return error instanceof Error && error.message.startsWith('Failed to discover');
}

/**
 * True when an append was sent and its answer did not come in time: the server's commit or forward
 * timeout (`Timeout` on Append, a Timeout status on BatchAppend), the gRPC deadline, or ours. The
 * events may have been written.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return (
    error instanceof TimeoutError || error instanceof DeadlineExceededError || error instanceof DeadlineExpiredError
  );
}

export function isAccessDenied(error: unknown): boolean {
  return error instanceof AccessDeniedError;
}

/**
 * True when the call was refused before anything was sent: the client closes its channel when any call
 * (a dropped subscription, say) fails with UNAVAILABLE, and calls still waiting for that channel fail
 * this way. Retrying such a call cannot write anything twice.
 */
export function neverReachedServer(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Channel closed before call started');
}

/**
 * True when a follower refused a call that requires the leader: nothing was done, and the client has
 * already pointed its next call at the leader the follower named.
 */
export function isNotLeader(error: unknown): boolean {
  return error instanceof NotLeaderError;
}

/** Maps the client's failures onto the port's errors; anything else (a bug, access denied) passes through. */
export function translateEsdbError(error: unknown, append?: AppendContext): unknown {
  const detail = error instanceof Error ? error.message : String(error);
  if (append && isOutcomeUnknown(error)) {
    return new EventStoreUnavailableError(
      `EventStoreDB did not confirm the append to ${append.streamId} in time, so its outcome is unknown: ` +
        `the events may have been written (${detail})`,
      { cause: error, outcomeUnknown: true },
    );
  }
  if (error instanceof WrongExpectedVersionError || error instanceof EventStoreUnavailableError) return error;
  if (error instanceof ClientWrongExpectedVersionError && append) {
    return new WrongExpectedVersionError(append.streamId, append.expected, toActual(error.actualVersion));
  }
  if (error instanceof MaxAppendSizeExceededError && append) {
    return new RangeError(
      `The append to ${append.streamId} is larger than the server's maximum append size ` +
        `(${error.maxAppendSize} bytes); nothing was written`,
      { cause: error },
    );
  }
  if (isUnavailable(error)) {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${detail}`, { cause: error });
  }
  return error;
}

/** The client reports the current revision as a bigint or 'no_stream'. */
export function toActual(current: unknown): bigint | 'no_stream' {
  return typeof current === 'bigint' && current >= 0n ? current : 'no_stream';
}
