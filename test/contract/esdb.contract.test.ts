import { esdbFixtures } from './esdbFixture';
import { describeEventStoreContract } from './eventStoreContract';

/**
 * The contract suite against a real EventStoreDB/KurrentDB server, e.g.
 *   docker compose up -d && OCOP_ESDB_URL='esdb://localhost:2113?tls=false' npx jest test/contract/esdb.contract
 * Stream names are unique per test, so a shared server that already holds events is fine. The store
 * reaches it through a loopback TCP proxy (esdbFixture.ts), so the outage case can cut the path.
 */
const url = process.env.OCOP_ESDB_URL;

if (url) {
  describeEventStoreContract(
    `EventStoreDB server at ${url}`,
    esdbFixtures(() => url),
  );
} else {
  // Jest prints no names for a suite that only skips, so say once, in the run's output, why it did.
  console.info('EventStoreDB server contract suite skipped: set OCOP_ESDB_URL to run it');
  describe.skip('EventStore contract: EventStoreDB server (skipped: set OCOP_ESDB_URL to run)', () => {
    it('runs the contract suite against a real server', () => undefined);
  });
}
