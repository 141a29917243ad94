import type { Decider, DomainEvent } from '../../src/core/decider';

type ErrorClass = new (message: string) => Error;

/**
 * Given/When/Then for deciders: given past events, when a command is decided, then these events
 * follow, or this error (and so nothing is appended).
 */
export function deciderSpec<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command) {
          const run = (): Event[] => decider.decide(command, state);
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenMatches(expected: readonly object[]): void {
              expect(run()).toMatchObject(expected);
            },
            thenThrows(errorClass: ErrorClass, message?: RegExp): void {
              expect(run).toThrow(errorClass);
              if (message) expect(run).toThrow(message);
            },
          };
        },
      };
    },
  };
}
