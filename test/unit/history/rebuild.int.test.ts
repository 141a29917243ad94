import { plainModels } from '../../../projections/modelsSnapshot';
import { type ReadModels, createReadModels } from '../../../projections';
import { rebuildBeside } from '../../../projections/rebuild';
import { replayInto, replayLog } from '../../../projections/replay';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import type { EventStore, GlobalPosition } from '../../../src/eventStore/eventStore';
import { type Services, createServices } from '../../../src/application/services';
import { tempSqliteStore } from '../../support/tempStore';
import { recordChanges, steppingClock } from './historyLog';

describe('Rebuilding the read models beside the live ones', () => {
  let services: Services;
  let store: EventStore;
  let cleanup: () => Promise<void>;
  const clock = steppingClock();

  beforeEach(async () => {
    const temp = tempSqliteStore();
    await temp.store.close();
    store = getSqliteEventStore({ path: temp.path, clock: clock.ms });
    services = createServices(store, () => new Date(clock.ms()));
    await services.runner.start();
    await recordChanges(services.registry, clock, (position) => services.runner.waitFor(position));
    cleanup = async () => {
      await services.runner.stop();
      await store.close();
      await temp.cleanup();
    };
  });
  afterEach(() => cleanup());

  const registerSubjects = async (count: number): Promise<GlobalPosition> => {
    let last: GlobalPosition | null = null;
    for (let i = 0; i < count; i++) {
      const input = {
        subjectId: `new-${i}`,
        name: `HTX ${i}`,
        kind: 'COOPERATIVE' as const,
        districtCode: '061',
        registeredOn: '2024-05-01',
      };
      last = (await services.registry.registerSubject(input, clock.context())).position;
    }
    return last!;
  };

  it('should switch to new models equal to a fresh replay, missing none of the events appended meanwhile', async () => {
    const old = services.runner.models;
    const [result, last] = await Promise.all([services.runner.rebuild(), registerSubjects(20)]);
    await services.runner.waitFor(last);
    expect(services.runner.models).not.toBe(old);
    expect(result.passes).toBeGreaterThanOrEqual(1);
    expect(services.runner.models.subjects.has('new-19')).toBe(true);
    expect(plainModels(services.runner.models)).toEqual(plainModels((await replayLog(store)).models));
  });

  it('should replay what the live models applied during a pass, pass after pass, and switch at their position', async () => {
    const positions: GlobalPosition[] = [];
    for await (const event of store.readAll()) positions.push(event.position);
    const seen = [positions[4]!, positions[9]!]; // the live models move on while the first pass runs
    let calls = 0;
    let switched: ReadModels | null = null;
    const result = await rebuildBeside(store, {
      position: () => seen[Math.min(calls++, 1)]!,
      switchTo: (models) => void (switched = models),
    });
    expect(result).toMatchObject({ events: 10, passes: 2 });
    const expected = await replayInto(store, createReadModels, {
      stopBefore: (event) => event.position.commit > positions[9]!.commit,
    });
    expect(plainModels(switched!)).toEqual(plainModels(expected.models!));
  });

  it('should keep serving the old models until the switch, and join a rebuild already running', async () => {
    const old = services.runner.models;
    const first = services.runner.rebuild();
    expect(services.runner.rebuild()).toBe(first);
    expect(services.runner.models).toBe(old);
    await first;
    expect(services.runner.models).not.toBe(old);
  });

  it('should drop historic states built before a rebuild', async () => {
    const instant = new Date(clock.ms() - 2500);
    const before = await services.timeTravel.asOf(instant);
    await services.runner.rebuild();
    const after = await services.timeTravel.asOf(instant);
    expect(after).not.toBe(before);
    expect(plainModels(after.models)).toEqual(plainModels(before.models));
  });
});
