import { districtTargets } from '../../../projections/districtTargets.projection';
import { ValidationError } from '../../../src/core/errors';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { type Services, createServices } from '../../../src/application/services';
import { tempSqliteStore } from '../../support/tempStore';
import { type Change, recordChanges, steppingClock } from './historyLog';

describe('Time travel over a SQLite log', () => {
  let services: Services;
  let changes: Change[];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const clock = steppingClock();
    const temp = tempSqliteStore();
    await temp.store.close();
    const store = getSqliteEventStore({ path: temp.path, clock: clock.ms });
    cleanup = async () => {
      await services.runner.stop();
      await store.close();
      await temp.cleanup();
    };
    services = createServices(store, () => new Date(clock.ms()));
    await services.runner.start();
    changes = await recordChanges(services.registry, clock, (position) => services.runner.waitFor(position));
  });
  afterAll(() => cleanup());

  it('should give the earlier answer as of just before each kind of change, and the later one just after', async () => {
    for (const change of changes) {
      const before = await services.timeTravel.modelsAsOf(change.instantBefore);
      const after = await services.timeTravel.modelsAsOf(change.instantAfter);
      expect([change.name, change.observe(before)]).toEqual([change.name, change.before]);
      expect([change.name, change.observe(after)]).toEqual([change.name, change.after]);
    }
  });

  it('should give the same answers at the positions before and after each change', async () => {
    for (const change of changes.slice(1)) {
      const before = await services.timeTravel.atPosition(change.positionBefore!);
      const after = await services.timeTravel.atPosition(change.positionAfter);
      expect([change.name, change.observe(before.models)]).toEqual([change.name, change.before]);
      expect([change.name, change.observe(after.models)]).toEqual([change.name, change.after]);
      expect(after.position).toEqual(change.positionAfter);
    }
  });

  it('should count a report through the same reducers: the new 3★ product appears with its certificate', async () => {
    const issued = changes.find((c) => c.name === 'certificate issued')!;
    const actual = async (instant: Date) => {
      const models = await services.timeTravel.modelsAsOf(instant);
      const report = districtTargets({ models, day: '2024-12-20' }, '06', 2024);
      return report.districts.find((row) => row.unit.code === '066')!.newProducts3Star.actual;
    };
    expect(await actual(issued.instantBefore)).toBe(0);
    expect(await actual(issued.instantAfter)).toBe(1);
  });

  it('should answer a repeated question from memory, with the very same state', async () => {
    const instant = changes[4]!.instantAfter;
    const first = await services.timeTravel.asOf(instant);
    const { replays, answeredFromMemory } = services.timeTravel.stats;
    const again = await services.timeTravel.asOf(instant);
    expect(again).toBe(first);
    expect(services.timeTravel.stats.replays).toBe(replays);
    expect(services.timeTravel.stats.answeredFromMemory).toBe(answeredFromMemory + 1);
  });

  it('should replay only the events after the nearest kept state', async () => {
    const early = changes[2]!;
    const later = changes[5]!;
    await services.timeTravel.atPosition(early.positionAfter);
    const applied = services.timeTravel.stats.eventsApplied;
    const state = await services.timeTravel.atPosition(later.positionAfter);
    const between = Number(later.positionAfter.commit - early.positionAfter.commit);
    expect(services.timeTravel.stats.eventsApplied - applied).toBeLessThanOrEqual(between);
    expect(later.observe(state.models)).toEqual(later.after);
  });

  it('should keep no more states than its bound however many instants are asked', async () => {
    for (const change of changes) await services.timeTravel.asOf(change.instantBefore);
    expect(services.timeTravel.keptStates).toBeLessThanOrEqual(4);
    expect(services.timeTravel.keptStates).toBeGreaterThan(0);
  });

  it('should answer with the live models when nothing was recorded since, and refuse a position past the end', async () => {
    const live = await services.timeTravel.modelsAsOf(new Date('2030-01-01T00:00:00Z'));
    expect(live).toBe(services.runner.models);
    const head = changes.at(-1)!.positionAfter;
    expect((await services.timeTravel.atPosition(head)).models).toBe(services.runner.models);
    const past = { commit: head.commit + 10n, prepare: head.prepare + 10n };
    await expect(services.timeTravel.atPosition(past)).rejects.toBeInstanceOf(ValidationError);
  });

  it('should give the empty models before the first event', async () => {
    const models = await services.timeTravel.modelsAsOf(new Date('2020-01-01T00:00:00Z'));
    expect(models.plans.size + models.subjects.size + models.products.size).toBe(0);
  });
});
