import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import {
  AllStreamPosition,
  MaximumAppendSizeExceeded,
  type StreamIdentifier,
  Timeout,
  type UUID,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { type BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, ProposedEvent } from './log';
import { MAX_APPEND_SIZE } from './faults';

/** `BatchAppend`'s messages, field by field as the server's `Streams.BatchAppend.cs` and `Status.cs` fill them. */

export function batchExpectedState(options: BatchAppendReq.Options): ExpectedState {
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

export function batchProposedEvent(message: BatchAppendReq.ProposedMessage): ProposedEvent | undefined {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  const id = message.getId()?.getString();
  if (type === undefined || contentType === undefined || !id) return undefined;
  return { id, type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
}

function answer(correlationId: UUID | undefined, stream: StreamIdentifier | undefined): BatchAppendResp {
  const response = new BatchAppendResp();
  response.setCorrelationId(correlationId);
  response.setStreamIdentifier(stream);
  return response;
}

export function batchSuccess(
  correlationId: UUID | undefined,
  stream: StreamIdentifier | undefined,
  currentRevision: bigint,
  position: bigint,
): BatchAppendResp {
  const success = new BatchAppendResp.Success();
  success.setCurrentRevision(currentRevision.toString());
  const at = new AllStreamPosition();
  at.setCommitPosition(position.toString());
  at.setPreparePosition(position.toString());
  success.setPosition(at);
  return answer(correlationId, stream).setSuccess(success);
}

function status(code: Code, message: string, details: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const packed = new Any();
  packed.pack(details.serializeBinary(), typeName);
  const result = new Status();
  result.setCode(code);
  result.setMessage(message);
  result.setDetails(packed);
  return result;
}

export function batchError(correlationId: UUID | undefined, stream: StreamIdentifier | undefined, error: Status) {
  return answer(correlationId, stream).setError(error);
}

export function wrongExpectedVersionStatus(expected: ExpectedState, current: bigint | undefined): Status {
  const details = new WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(current.toString());
  if (typeof expected === 'bigint') details.setExpectedStreamPosition(expected.toString());
  else if (expected === 'no_stream') details.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else details.setExpectedAny(new Empty());
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', details, 'event_store.client.WrongExpectedVersion');
}

export function timeoutStatus(): Status {
  return status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout');
}

export function tooLargeStatus(): Status {
  const details = new MaximumAppendSizeExceeded();
  details.setMaxappendsize(MAX_APPEND_SIZE);
  return status(
    Code.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    details,
    'event_store.client.MaximumAppendSizeExceeded',
  );
}

/** `NotHandled` (not ready, busy, no leader known): a status with no code and empty details. */
export function notHandledStatus(message: string): Status {
  return status(Code.OK, message, new Empty(), 'google.protobuf.Empty');
}
