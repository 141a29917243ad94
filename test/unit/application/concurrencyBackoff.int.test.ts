import { ConcurrencyError } from '../../../src/core/errors';
import { handleCommand, retryPauseMs } from '../../../src/application/handleCommand';
import { createRegistry } from '../../../src/application/registry';
import { productDecider } from '../../../src/domain/product/decide';
import type { EventStore } from '../../../src/eventStore/eventStore';
import { testContext } from '../../support/fixtures';
import { tempSqliteStore } from '../../support/tempStore';

/**
 * Retries after a concurrent write wait a growing, jittered pause: writers that collided do not meet
 * again in step, and a replica that lags has time to catch up. On a SQLite file, with a rival writer
 * that always gets there first.
 */
describe('Command handling: the pause between concurrency retries', () => {
  it('should keep each pause between half and all of base × 2^attempt', () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      for (let i = 0; i < 50; i++) {
        const ms = retryPauseMs(10, attempt);
        expect(ms).toBeGreaterThanOrEqual(5 * 2 ** attempt);
        expect(ms).toBeLessThanOrEqual(10 * 2 ** attempt);
      }
    }
  });

  it('should wait longer before each next attempt on a stream that keeps changing', async () => {
    const { store, cleanup } = tempSqliteStore();
    try {
      const registry = createRegistry(store);
      await registry.registerSubject(
        { subjectId: 'htx', name: 'HTX Na Rì', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
        testContext(),
      );
      await registry.registerProduct(
        {
          productId: 'p1',
          subjectId: 'htx',
          name: 'Miến dong',
          group: 'FOOD',
          registrationKind: 'NEW',
          registeredOn: '2024-03-10',
        },
        testContext(),
      );
      const attempts: number[] = [];
      const rival: EventStore = Object.assign(Object.create(store) as EventStore, {
        append: async (...[id, events, expected]: Parameters<EventStore['append']>) => {
          attempts.push(performance.now());
          const noise = { productId: 'p1', system: `noise-${attempts.length}`, enabledOn: '2024-06-01' };
          await store.append(id, [{ type: 'TraceabilityRecorded', data: noise }], 'any');
          return store.append(id, events, expected);
        },
      });
      const command = {
        type: 'RecordTraceability' as const,
        productId: 'p1',
        system: 's',
        enabledOn: '2024-06-01',
        today: '2026-11-28',
      };
      await expect(
        handleCommand(rival, 'ocop-product-p1', productDecider, command, testContext(), { maxRetries: 4 }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(attempts).toHaveLength(5);
      const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
      // At least half of 10, 20, 40 and 80 ms (and the work of an attempt on top).
      gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(5 * 2 ** i - 1));
      expect(gaps.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(75 - 4);
    } finally {
      await cleanup();
    }
  });
});
