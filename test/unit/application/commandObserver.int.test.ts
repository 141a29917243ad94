import { createRegistry } from '../../../src/application/registry';
import type { EventStore } from '../../../src/eventStore/eventStore';
import { quietObservability } from '../../../src/observability';
import { commandObserver } from '../../../src/observability/commandObserver';
import { testContext } from '../../support/fixtures';
import { tempSqliteStore } from '../../support/tempStore';

const SUBJECT = {
  subjectId: 'htx',
  name: 'HTX Na Rì',
  kind: 'COOPERATIVE',
  districtCode: '066',
  registeredOn: '2024-03-01',
} as const;
const LINKAGE = { subjectId: 'htx', partnerName: 'Siêu thị', kind: 'CONSUMPTION', startedOn: '2024-04-01' } as const;

describe('Commands decided again after a concurrent write, observed', () => {
  let store: EventStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = tempSqliteStore());
    await createRegistry(store).registerSubject(SUBJECT, testContext());
  });
  afterEach(() => cleanup());

  /** The store as it is when another writer reaches the stream first, `times` times. */
  const contested = (times: number): EventStore => {
    let left = times;
    return Object.assign(Object.create(store) as EventStore, {
      append: async (
        id: string,
        events: Parameters<EventStore['append']>[1],
        expected: Parameters<EventStore['append']>[2],
      ) => {
        if (left-- > 0) await store.append(id, [{ type: 'SupportRecorded', data: { noise: left } }], 'any');
        return store.append(id, events, expected);
      },
    });
  };

  it('should tell the observer of each retry, naming the stream', async () => {
    const retried: string[] = [];
    const registry = createRegistry(contested(2), { retried: (stream) => retried.push(stream) });
    await registry.recordLinkage(LINKAGE, testContext());
    expect(retried).toEqual(['ocop-subject-htx', 'ocop-subject-htx']);
  });

  it('should tell nobody when no other writer interferes', async () => {
    const retried: string[] = [];
    await createRegistry(store, { retried: (stream) => retried.push(stream) }).recordLinkage(LINKAGE, testContext());
    expect(retried).toEqual([]);
  });

  it('should count the retries in ocop_command_retries_total', async () => {
    const observability = quietObservability();
    await createRegistry(contested(1), commandObserver(observability)).recordLinkage(LINKAGE, testContext());
    const counter = await observability.metrics.registry.getSingleMetric('ocop_command_retries_total')!.get();
    expect(counter.values[0]!.value).toBe(1);
  });
});
