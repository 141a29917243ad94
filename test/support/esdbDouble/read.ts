import { randomUUID } from 'node:crypto';
import { type ServerWritableStream, status } from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { eventFilter } from './filters';
import type { DoubleNode } from './node';
import { notLeaderError } from './faults';
import type { EventLog } from './log';
import {
  allStart,
  caughtUpResponse,
  confirmationResponse,
  eventResponse,
  streamNotFoundResponse,
  streamStart,
} from './messages';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** How a live subscription is ended: the status the client sees. */
export interface Ending {
  readonly code: status;
  readonly details: string;
}

/** The live subscriptions, so a test can end them all as a failing server or connection would. */
export class SubscriptionRegistry {
  private readonly drops = new Set<(ending: Ending) => void>();

  add(drop: (ending: Ending) => void): () => void {
    this.drops.add(drop);
    return () => this.drops.delete(drop);
  }

  endAll(ending: Ending): void {
    for (const drop of [...this.drops]) drop(ending);
  }
}

/**
 * `Streams.Read`, server-streaming: a stream read, an `$all` read, or (with the subscription option)
 * a catch-up subscription to `$all`.
 */
export function readHandler(node: DoubleNode) {
  const log = node.reads;
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) return fail(call, status.INVALID_ARGUMENT, 'no read options');
    const notLeader = notLeaderError(call, node.leader);
    if (notLeader) return void call.emit('error', notLeader);
    if (options.hasSubscription()) {
      if (!options.hasAll()) return fail(call, status.UNIMPLEMENTED, 'the double subscribes to $all only');
      return subscribeToAll(call, options, log, node.subscriptions);
    }
    const count = options.hasCount() ? BigInt(options.getCount()) : 2n ** 63n;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const matches = eventFilter(options);
    const streamOptions = options.getStream();
    if (streamOptions) {
      const identifier = streamOptions.getStreamIdentifier();
      const name = Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
      const events = log.readStream(name, streamStart(streamOptions), count, backwards);
      // A missing stream is an answer in the stream, not a gRPC error.
      if (!events) call.write(streamNotFoundResponse(identifier));
      else for (const event of events) call.write(eventResponse(event));
    } else {
      const allOptions = options.getAll() ?? new ReadReq.Options.AllOptions();
      for (const event of log.readAll(allStart(allOptions), count, backwards)) {
        if (matches(event)) call.write(eventResponse(event));
      }
    }
    call.end();
  };
}

/**
 * Confirmation first, then the stored events strictly after the start, then "caught up", then each
 * event as it is appended. All of the catch-up is written in one turn of the event loop, before the
 * live listener is attached, so no append can fall between the two phases or be sent twice.
 */
function subscribeToAll(
  call: ReadCall,
  options: ReadReq.Options,
  log: EventLog,
  subscriptions: SubscriptionRegistry,
): void {
  const matches = eventFilter(options);
  const start = allStart(options.getAll() ?? new ReadReq.Options.AllOptions());
  call.write(confirmationResponse(randomUUID()));
  for (const event of log.after(start)) if (matches(event)) call.write(eventResponse(event));
  call.write(caughtUpResponse());
  const stopListening = log.onAppended((event) => {
    if (matches(event)) call.write(eventResponse(event));
  });
  let unregister = (): void => undefined;
  const finish = (): void => {
    stopListening();
    unregister();
  };
  unregister = subscriptions.add((ending) => {
    finish();
    fail(call, ending.code, ending.details);
  });
  call.on('cancelled', finish);
  call.on('close', finish);
}

function fail(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}
