import type { EventStore } from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { TcpProxy } from '../reliability/support/tcpProxy';
import type { EventStoreFactory } from './contractFixture';

/**
 * Contract fixtures for the EventStoreDB adapter on the server at `connectionString` (one node,
 * `esdb://host:port?…`), reached through a loopback TCP proxy so a case can cut the network path.
 * A reopen is a new client on the same server: what survives is what the server holds.
 */
export function esdbFixtures(connectionString: () => string): EventStoreFactory {
  return async () => {
    const server = new URL(connectionString());
    const proxy = await TcpProxy.start(Number(server.port || 2113), server.hostname);
    const open = (): EventStore =>
      getEsdbEventStore({ connectionString: `esdb://127.0.0.1:${proxy.port}${server.search}`, deadlineMs: 2000 });
    let current = open();
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = open();
        return current;
      },
      outage: async () => {
        await proxy.cut();
        return () => proxy.restore();
      },
      cleanup: async () => {
        await current.close();
        await proxy.close();
      },
    };
  };
}
