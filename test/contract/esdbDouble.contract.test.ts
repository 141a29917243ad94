import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { esdbFixtures } from './esdbFixture';
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

describeEventStoreContract(
  'EventStoreDB adapter over the gRPC test double',
  esdbFixtures(() => double.connectionString),
);
