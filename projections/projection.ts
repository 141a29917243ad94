import type { DomainEvent } from '../src/core/decider';

/**
 * A read model: a reducer over events in global order. `evolve` may update the state it is given
 * in place and returns it: the runner owns each state exclusively, and replaying a million events
 * through copy-on-write maps would allocate on every event. Given the same events in the same
 * order, it always builds the same state; nothing else goes in.
 */
export interface Projection<State, Event extends DomainEvent = DomainEvent> {
  readonly name: string;
  canHandle(type: string): boolean;
  initialState(): State;
  evolve(state: State, event: Event): State;
}

export const handles =
  (...types: string[]) =>
  (type: string): boolean =>
    types.includes(type);
