import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type UntypedServiceImplementation, status } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { batchAppendHandler } from './batchAppend';
import { type AppendFault, FaultQueue } from './faults';
import { EventLog, type ProposedEvent } from './log';
import type { DoubleNode } from './node';
import { SubscriptionRegistry, readHandler } from './read';
import { supportedMethodsHandler } from './serverFeatures';

/**
 * A protocol-level stand-in for an EventStoreDB node, for tests only. It serves the real
 * `event_store.client.streams.Streams` and `ServerFeatures` services over gRPC on 127.0.0.1, with the
 * message classes and service definitions generated from the server's .proto files that
 * @eventstore/db-client ships (the package ships the generated code, not the .proto text). Events live
 * in memory.
 *
 * Like a real server it lists `BatchAppend` among its features, so the client appends through it;
 * with `batchAppend: false` it serves no `ServerFeatures` (a server before 21.10), and the client
 * falls back to `Append`. It answers as the server's code does for the faults a test queues (not
 * ready, busy, no leader known, a commit that timed out after writing), for the 1 MiB append limit,
 * and, as a follower, NotLeader to calls that require the leader. It has no persistence, gossip,
 * projections, ACLs or TLS, and none of the server's timing.
 */
export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  readonly port: number;
  close(): Promise<void>;
  /** Ends every live subscription with UNAVAILABLE, as a restarting node or a lost connection would. */
  dropSubscriptions(): void;
  /** Ends every live subscription with INTERNAL, the code the client reports for a reset HTTP/2 stream. */
  resetSubscriptions(): void;
  /** The next `times` appends (either call) are answered with `fault` instead of the normal answer. */
  failAppends(fault: AppendFault, times?: number): void;
  eventCount(): number;
  /** How many appends each call carried: which path the client took. */
  appendCalls(): { append: number; batchAppend: number };
  /** The log this node writes to, for a follower started with `followerOf`. */
  readonly log: EventLog;
}

export interface EsdbDoubleOptions {
  /** The node's time for `created` stamps, in epoch milliseconds (tests may run at another date). */
  readonly clock?: () => number;
  /** False: no `ServerFeatures` service, so the client uses `Append` instead of `BatchAppend`. */
  readonly batchAppend?: boolean;
  /** The node's wall clock runs this far ahead of this machine's (negative: behind). */
  readonly clockSkewMs?: number;
  /**
   * A follower of this leader: appends are forwarded to the leader's log; reads see a copy of that log
   * taken at start, which lags behind it; a call that requires the leader is answered NotLeader.
   */
  readonly followerOf?: EsdbDouble;
}

export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const skew = options.clockSkewMs ?? 0;
  const clock = options.clock ?? Date.now;
  const leader = options.followerOf;
  const log = leader ? leader.log : new EventLog(() => clock() + skew);
  if (!leader) seedSystemEvents(log);
  const node: DoubleNode = {
    writes: log,
    reads: leader ? log.snapshot() : log,
    faults: new FaultQueue(),
    leader: leader ? { host: '127.0.0.1', port: leader.port } : undefined,
    now: () => Date.now() + skew,
    subscriptions: new SubscriptionRegistry(),
    appends: { append: 0, batchAppend: 0 },
  };
  const server = new Server();
  const implementation: UntypedServiceImplementation = {
    read: readHandler(node),
    append: appendHandler(node),
  };
  if (options.batchAppend !== false) {
    implementation['batchAppend'] = batchAppendHandler(node);
    server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethodsHandler('24.10.0') });
  }
  // Methods left out (Delete, Tombstone, and BatchAppend when switched off) are answered UNIMPLEMENTED.
  server.addService(StreamsService, implementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    close: async () => {
      // Subscriptions never end on their own, so a graceful shutdown would wait forever.
      server.forceShutdown();
    },
    // What a node restart or a lost connection looks like to the client.
    dropSubscriptions: () =>
      node.subscriptions.endAll({ code: status.UNAVAILABLE, details: 'Subscription dropped by the server' }),
    resetSubscriptions: () =>
      node.subscriptions.endAll({ code: status.INTERNAL, details: 'Received RST_STREAM with code 2' }),
    failAppends: (fault, times = 1) => node.faults.add(fault, times),
    eventCount: () => log.size,
    appendCalls: () => ({ ...node.appends }),
  };
}

/** A real node's log begins with its own events; the adapter must never hand them to the application. */
function seedSystemEvents(log: EventLog): void {
  const json = (value: object): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
  const system = (type: string, data: object): ProposedEvent => ({
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: json(data),
    customMetadata: new Uint8Array(),
  });
  log.append('$settings', 'any', [system('$settings', { $userStreamAcl: {}, $systemStreamAcl: {} })]);
  log.append('$stats-127.0.0.1:2113', 'any', [
    system('$statsCollected', { 'proc-startTime': new Date(0).toISOString() }),
  ]);
}
