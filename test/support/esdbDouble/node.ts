import type { ServiceError } from '@grpc/grpc-js';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './log';
import {
  type AppendFault,
  type CallHeaders,
  type FaultQueue,
  type LeaderEndpoint,
  MAX_APPEND_SIZE,
  notLeaderError,
  sizeOnDisk,
} from './faults';
import type { SubscriptionRegistry } from './read';

/** One node of the double as its handlers see it. */
export interface DoubleNode {
  /** Where appends are written: the node's own log, or the leader's on a follower (writes are forwarded). */
  readonly writes: EventLog;
  /** What reads and subscriptions see: on a follower, a copy that lags behind the leader. */
  readonly reads: EventLog;
  readonly faults: FaultQueue;
  /** Set on a follower: where the leader is, for the NotLeader answer. */
  readonly leader: LeaderEndpoint | undefined;
  /** The node's wall clock in epoch milliseconds, against which BatchAppend deadlines are checked. */
  readonly now: () => number;
  readonly subscriptions: SubscriptionRegistry;
  /** Appends answered, by the call that carried them. */
  readonly appends: { append: number; batchAppend: number };
}

/** How a node answers one append, whichever call carried it. */
export type WriteAnswer =
  | { readonly kind: 'written'; readonly outcome: AppendOutcome }
  | { readonly kind: 'not-leader'; readonly error: Partial<ServiceError> }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'fault'; readonly fault: AppendFault };

/**
 * The server's order: the size limit while the events arrive, then the leader check and the node's
 * readiness (`NotHandled`), then the write. A commit timeout is answered after the events were written.
 */
export function write(
  node: DoubleNode,
  call: CallHeaders,
  streamId: string,
  expected: ExpectedState,
  proposed: readonly ProposedEvent[],
): WriteAnswer {
  const size = proposed.reduce((sum, event) => sum + sizeOnDisk(event), 0);
  if (size > MAX_APPEND_SIZE) return { kind: 'too-large' };
  const notLeader = notLeaderError(call, node.leader);
  if (notLeader) return { kind: 'not-leader', error: notLeader };
  const fault = node.faults.nextAppend();
  if (fault === 'commit-timeout') node.writes.append(streamId, expected, proposed);
  if (fault) return { kind: 'fault', fault };
  return { kind: 'written', outcome: node.writes.append(streamId, expected, proposed) };
}
