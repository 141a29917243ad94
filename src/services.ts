import { type CommandObserver, type Registry, createRegistry } from './application/registry';
import type { EventStore } from './eventStore/eventStore';
import { ProjectionRunner } from '../projections/runner';
import { TimeTravel } from '../projections/timeTravel';

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
  const registry = createRegistry(store, observer);
  return { store, registry, runner, timeTravel: new TimeTravel(store, runner), clock };
}
