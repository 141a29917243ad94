import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { EventLog, type ProposedEvent } from './log';
import { SubscriptionRegistry, readHandler } from './read';

/**
 * A protocol-level stand-in for an EventStoreDB node, for tests only. It serves the real
 * `event_store.client.streams.Streams` service over gRPC on 127.0.0.1, with the message classes and
 * service definition generated from the server's .proto files that @eventstore/db-client ships (the
 * package ships the generated code, not the .proto text). Events live in memory.
 *
 * Only `Read` and `Append` are implemented; `ServerFeatures` is not served at all, which the client
 * answers by assuming an unknown server version and using `Append` (not `BatchAppend`). It has no
 * persistence, clustering/gossip, projections, ACLs or TLS, and none of the server's timing.
 */
export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  close(): Promise<void>;
  /** Ends every live subscription with UNAVAILABLE, as a restarting node or a lost connection would. */
  dropSubscriptions(): void;
  eventCount(): number;
}

export async function startEsdbDouble(options: { clock?: () => number } = {}): Promise<EsdbDouble> {
  const log = new EventLog(options.clock);
  seedSystemEvents(log);
  const subscriptions = new SubscriptionRegistry();
  const server = new Server();
  const implementation: UntypedServiceImplementation = {
    read: readHandler(log, subscriptions),
    append: appendHandler(log),
  };
  // Methods left out (Delete, Tombstone, BatchAppend) are answered UNIMPLEMENTED by grpc-js.
  server.addService(StreamsService, implementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    close: async () => {
      // Subscriptions never end on their own, so a graceful shutdown would wait forever.
      server.forceShutdown();
    },
    dropSubscriptions: () => subscriptions.dropAll(),
    eventCount: () => log.size,
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
