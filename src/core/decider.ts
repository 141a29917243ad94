/** A domain event as the deciders produce and consume it: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The pure heart of an aggregate: `decide` turns a command and the current state into new events,
 * `evolve` folds events into state. No I/O, no clock, no random ids: those arrive on the command.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
