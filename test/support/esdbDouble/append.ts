import type { ServerReadableStream, sendUnaryData } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { appendFaultError, appendTooLargeError } from './faults';
import type { ProposedEvent } from './log';
import { appendResponse, expectedState, proposedEvent, streamName } from './messages';
import { type DoubleNode, write } from './node';

/**
 * `Streams.Append`, client-streaming: the options message first, then one proposed message per event.
 * Nothing is written until the client half-closes, so a call that breaks off writes nothing.
 */
export function appendHandler(node: DoubleNode) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let invalid: string | undefined;
    call.on('data', (message: AppendReq) => {
      const proposedMessage = message.getProposedMessage();
      if (message.hasOptions() && !options) options = message.getOptions();
      else if (proposedMessage && options) {
        const event = proposedEvent(proposedMessage);
        if (event) proposed.push(event);
        else invalid ??= 'a proposed message lacks its type, content-type or id';
      } else invalid ??= 'the options message must come first, once';
    });
    call.on('end', () => {
      if (invalid || !options) {
        callback({ code: status.INVALID_ARGUMENT, details: invalid ?? 'no options message' });
        return;
      }
      node.appends.append += 1;
      const answer = write(node, call, streamName(options.getStreamIdentifier()), expectedState(options), proposed);
      if (answer.kind === 'written') callback(null, appendResponse(options, answer.outcome));
      else if (answer.kind === 'not-leader') callback(answer.error);
      else if (answer.kind === 'too-large') callback(appendTooLargeError());
      else callback(appendFaultError(answer.fault));
    });
  };
}
