import { Metadata, type ServiceError, status } from '@grpc/grpc-js';

/** What the leader check needs of a call: its request headers. */
export interface CallHeaders {
  readonly metadata: Metadata;
}

/**
 * What a real node answers instead of writing, the way its write path words it (server source:
 * `RpcExceptions.cs` for `Append`, `Streams.BatchAppend.cs` for `BatchAppend`). `commit-timeout`
 * writes the events first: a commit acknowledged too late still happened.
 */
export type AppendFault = 'not-ready' | 'busy' | 'no-leader-info' | 'commit-timeout';

/** The faults a test has queued, taken one per append, oldest first. */
export class FaultQueue {
  private readonly appends: AppendFault[] = [];

  add(fault: AppendFault, times: number): void {
    for (let i = 0; i < times; i++) this.appends.push(fault);
  }

  nextAppend(): AppendFault | undefined {
    return this.appends.shift();
  }
}

/** A fault as `Append` reports it: a gRPC status. */
export function appendFaultError(fault: AppendFault): Partial<ServiceError> {
  switch (fault) {
    case 'not-ready':
      return { code: status.UNAVAILABLE, details: 'Server Is Not Ready' };
    case 'busy':
      return { code: status.UNAVAILABLE, details: 'Server Is Too Busy' };
    case 'no-leader-info':
      return { code: status.UNKNOWN, details: 'No leader info available in response' };
    case 'commit-timeout':
      return { code: status.ABORTED, details: 'Operation timed out: Commit timed out.' };
  }
}

/** A fault as `BatchAppend` words it in the status of its answer (the timeout has its own status). */
export function batchFaultMessage(fault: Exclude<AppendFault, 'commit-timeout'>): string {
  switch (fault) {
    case 'not-ready':
      return 'Server Is Not Ready';
    case 'busy':
      return 'Server Is Busy';
    case 'no-leader-info':
      return 'No leader info available in response';
  }
}

/** The node's role: a leader serves everything; a follower refuses calls that require the leader. */
export interface LeaderEndpoint {
  readonly host: string;
  readonly port: number;
}

/**
 * The NotLeader answer a follower gives a call sent with `requires-leader: true`: NOT_FOUND with the
 * leader's address in the trailers, which the client reads to reconnect there.
 */
export function notLeaderError(
  call: CallHeaders,
  leader: LeaderEndpoint | undefined,
): Partial<ServiceError> | undefined {
  if (!leader || call.metadata.get('requires-leader')[0] !== 'true') return undefined;
  const metadata = new Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', leader.host);
  metadata.set('leader-endpoint-port', String(leader.port));
  return { code: status.NOT_FOUND, details: 'Leader info available', metadata };
}

/** The server's `Event.SizeOnDisk`: what counts against the 1 MiB maximum append size. */
export function sizeOnDisk(event: { type: string; data: Uint8Array; customMetadata: Uint8Array }): number {
  return event.data.length + event.customMetadata.length + event.type.length * 2;
}

/** The server's default `MaxAppendSize`. */
export const MAX_APPEND_SIZE = 1024 * 1024;

/** Append's answer to an append over the limit. */
export function appendTooLargeError(): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(MAX_APPEND_SIZE));
  return { code: status.INVALID_ARGUMENT, details: `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, metadata };
}
