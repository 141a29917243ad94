import type { EventStore } from '../../src/eventStore/eventStore';
import { describeAppendContract } from './appendContract';
import type { ContractContext, EventStoreFactory, EventStoreFixture } from './contractFixture';
import { describeReadContract } from './readContract';
import { describeStoreLifeContract } from './storeLifeContract';
import { describeSubscriptionContract } from './subscriptionContract';

export type { EventStoreFactory, EventStoreFixture } from './contractFixture';

/**
 * The behaviour every event-store adapter must show: what the port promises in eventStore.ts, case by
 * case. An adapter's test file calls this with a factory for fresh fixtures.
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture | undefined;
    let store: EventStore | undefined;
    const context: ContractContext = {
      get store() {
        return store!;
      },
      get fixture() {
        return fixture!;
      },
      use: (next) => void (store = next),
    };

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture?.cleanup();
    });

    describeAppendContract(context);
    describeReadContract(context);
    describeSubscriptionContract(context);
    describeStoreLifeContract(context);
  });
}
