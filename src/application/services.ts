import { type CommandObserver, type Registry, createRegistry } from './registry';
import type { KnownIds } from './uniqueIds';
import { UnavailableError } from '../core/errors';
import type { EventStore, GlobalPosition } from '../eventStore/eventStore';
import { ProjectionRunner } from '#projections/runner';
import { foldId } from '../domain/rules/ids';
import { TimeTravel } from '#projections/timeTravel';

/** The running parts of the registry, wired once and shared by the GraphQL layer and the CLI. */
export interface Services {
  readonly store: EventStore;
  readonly registry: Registry;
  readonly runner: ProjectionRunner;
  readonly timeTravel: TimeTravel;
  readonly clock: () => Date;
}

export function createServices(
  store: EventStore,
  clock: () => Date = () => new Date(),
  observer: CommandObserver = {},
): Services {
  const runner = new ProjectionRunner(store);
  const registry = createRegistry(store, observer, knownIdsOf(runner, store));
  return { store, registry, runner, timeTravel: new TimeTravel(store, runner), clock };
}

/** What registration may ask of the live read models: ids by their folded key (foldedIds.projection.ts). */
function knownIdsOf(runner: ProjectionRunner, store: EventStore): KnownIds {
  return {
    caughtUp: async () => {
      let head: GlobalPosition | null = null;
      for await (const last of store.readAll({ direction: 'backwards', maxCount: 1 })) head = last.position;
      if (!head) return;
      await runner.waitFor(head).catch((error: Error) => {
        throw new UnavailableError(`The read models are behind the log; nothing was recorded (${error.message})`);
      });
    },
    twinOf: (kind, id) => {
      const models = runner.models;
      if ((kind === 'subject' ? models.subjects : models.products).has(id)) return null;
      const recorded = (kind === 'subject' ? models.foldedIds.subjects : models.foldedIds.products).get(foldId(id));
      return recorded ?? null;
    },
    reached: (position) => runner.waitFor(position),
  };
}
