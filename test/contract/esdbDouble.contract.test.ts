import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { esdbFixtures } from './esdbFixture';
import { describeEventStoreContract } from './eventStoreContract';

/**
 * The EventStoreDB adapter, through the real @eventstore/db-client, against the in-memory gRPC double
 * (test/support/esdbDouble), through both of the client's append paths: `BatchAppend`, which the client
 * uses once the server lists it (every server since 21.10), and `Append`, for a server that does not.
 * Runs in every `npm test`; the same suite runs against a real server in esdb.contract.test.ts when
 * OCOP_ESDB_URL is set.
 */
describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('through %s', (path, batchAppend) => {
  let double: EsdbDouble;

  beforeAll(async () => {
    double = await startEsdbDouble({ batchAppend });
  });
  afterAll(async () => {
    const calls = double.appendCalls();
    await double.close();
    // Every append of the suite took the path this block is named after.
    expect(batchAppend ? calls.append : calls.batchAppend).toBe(0);
  });

  describeEventStoreContract(
    `EventStoreDB adapter over the gRPC test double (${path})`,
    esdbFixtures(() => double.connectionString),
  );
});
