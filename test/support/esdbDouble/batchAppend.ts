import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import type { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { batchFaultMessage } from './faults';
import type { ExpectedState, ProposedEvent } from './log';
import { streamName } from './messages';
import {
  batchError,
  batchExpectedState,
  batchProposedEvent,
  batchSuccess,
  notHandledStatus,
  timeoutStatus,
  tooLargeStatus,
  wrongExpectedVersionStatus,
} from './batchMessages';
import { type DoubleNode, write } from './node';

/** The server's own cap on how long a write may wait (its default write timeout). */
const WRITE_TIMEOUT_MS = 2000;

interface PendingWrite {
  readonly stream: StreamIdentifier | undefined;
  readonly expected: ExpectedState;
  readonly proposed: ProposedEvent[];
}

/**
 * `Streams.BatchAppend`, one bidirectional call the client keeps open for all its appends: each append
 * is a correlation id, its options (stream, expected revision, deadline) on the first message, events on
 * that and later ones, and `is_final` on the last. Each append is answered on the same call, by its
 * correlation id. A NotLeader ends the whole call with that status, as the server's throw does.
 */
export function batchAppendHandler(node: DoubleNode) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingWrite>();
    let ended = false;
    call.on('data', (request: BatchAppendReq) => {
      if (ended) return;
      const correlation = request.getCorrelationId();
      const key = correlation?.getString() ?? '';
      const options = request.getOptions();
      if (options) {
        const stream = options.getStreamIdentifier();
        // The client sends an absolute time: the node measures what is left of it by its own clock.
        const deadline = options.getDeadline()?.toDate().getTime() ?? Infinity;
        if (Math.min(deadline - node.now(), WRITE_TIMEOUT_MS) <= 0) {
          call.write(batchError(correlation, stream, timeoutStatus()));
          return;
        }
        if (!pending.has(key)) pending.set(key, { stream, expected: batchExpectedState(options), proposed: [] });
      }
      const entry = pending.get(key);
      if (!entry) return;
      for (const message of request.getProposedMessagesList()) {
        const event = batchProposedEvent(message);
        if (event) entry.proposed.push(event);
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      node.appends.batchAppend += 1;
      ended = !answer(node, call, correlation, entry);
    });
    call.on('end', () => {
      if (!ended) call.end();
    });
  };
}

/** Answers one append on the call; false when the call was ended instead. */
function answer(
  node: DoubleNode,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
  correlation: UUID | undefined,
  pending: PendingWrite,
): boolean {
  const { stream, expected, proposed } = pending;
  const written = write(node, call, streamName(stream), expected, proposed);
  if (written.kind === 'not-leader') {
    call.emit('error', written.error);
    return false;
  }
  if (written.kind === 'too-large') call.write(batchError(correlation, stream, tooLargeStatus()));
  else if (written.kind === 'fault') {
    const status =
      written.fault === 'commit-timeout' ? timeoutStatus() : notHandledStatus(batchFaultMessage(written.fault));
    call.write(batchError(correlation, stream, status));
  } else if (written.outcome.ok) {
    call.write(batchSuccess(correlation, stream, written.outcome.currentRevision, written.outcome.position));
  } else {
    call.write(batchError(correlation, stream, wrongExpectedVersionStatus(expected, written.outcome.currentRevision)));
  }
  return true;
}
