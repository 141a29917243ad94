import type { EventStore } from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { describeEventStoreContract } from './eventStoreContract';

/**
 * The EventStoreDB adapter, through the real @eventstore/db-client, against the in-memory gRPC double
 * (test/support/esdbDouble). Runs in every `npm test`; the same suite runs against a real server in
 * esdb.contract.test.ts when OCOP_ESDB_URL is set.
 */
let double: EsdbDouble;

beforeAll(async () => {
  double = await startEsdbDouble();
});
afterAll(async () => {
  await double.close();
});

describeEventStoreContract('EventStoreDB adapter over the gRPC test double', async () => {
  let current: EventStore = getEsdbEventStore({ connectionString: double.connectionString });
  return {
    store: current,
    // A new client on the same double: what survives is what the server holds, not client state.
    reopen: async () => {
      await current.close();
      current = getEsdbEventStore({ connectionString: double.connectionString });
      return current;
    },
    cleanup: async () => {
      await current.close();
    },
  };
});
