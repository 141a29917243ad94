import { readEventsPage } from '../../../src/application/eventLog';
import { createRegistry } from '../../../src/application/registry';
import { ValidationError } from '../../../src/core/errors';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { tempSqliteStore } from '../../support/tempStore';
import { recordChanges, steppingClock } from './historyLog';

describe('The event log as pages', () => {
  it('should continue from a cursor after the store was closed and opened again', async () => {
    const temp = tempSqliteStore();
    const clock = steppingClock();
    await recordChanges(createRegistry(temp.store), clock);
    const first = await readEventsPage(temp.store, { first: 5 });
    const cursor = first.events.at(-1)!.position;
    const before = await readEventsPage(temp.store, { after: cursor, first: 5 });
    await temp.store.close();
    const reopened = getSqliteEventStore({ path: temp.path });
    try {
      const after = await readEventsPage(reopened, { after: cursor, first: 5 });
      expect(after.events.map((e) => e.id)).toEqual(before.events.map((e) => e.id));
      expect(after.hasNextPage).toBe(true);
      const rest = await readEventsPage(reopened, { after: after.events.at(-1)!.position, first: 100 });
      expect(first.events.length + after.events.length + rest.events.length).toBe(14);
      expect(rest.hasNextPage).toBe(false);
      const plans = await readEventsPage(reopened, { first: 10, types: ['PlanAdopted', 'PlanRevised'] });
      expect(plans.events.map((e) => e.type)).toEqual(['PlanAdopted', 'PlanRevised']);
      const lastPlan = await readEventsPage(reopened, { last: 1, types: ['PlanAdopted', 'PlanRevised'] });
      expect([lastPlan.events.map((e) => e.type), lastPlan.hasPreviousPage]).toEqual([['PlanRevised'], true]);
      await expect(readEventsPage(reopened, { first: 501 })).rejects.toBeInstanceOf(ValidationError);
    } finally {
      await reopened.close();
      await temp.cleanup();
    }
  });

  it('should stop a scan for a type the log does not hold once its request is out of time', async () => {
    const temp = tempSqliteStore();
    try {
      await recordChanges(createRegistry(temp.store), steppingClock());
      const query = { first: 10, types: ['NeverRecorded'] };
      expect((await readEventsPage(temp.store, query, () => undefined)).events).toEqual([]);
      // Past any slice begun before, so the scan has to wait for its turn, and is told it is out of time.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const outOfTime = new Error('out of time');
      const stop = () => {
        throw outOfTime;
      };
      await expect(readEventsPage(temp.store, query, stop)).rejects.toBe(outOfTime);
    } finally {
      await temp.cleanup();
    }
  });
});
