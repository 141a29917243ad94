import type { DomainEvent } from '#src/core/decider';
import type { ReadModels, ReadonlyModels, View } from './views/models';

export type { Draft } from './views/draft';

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

/**
 * Answers to queries over a models object, kept until its next event: reports and filtered lists scan
 * every product and subject, and between two writes every reader asks the same few questions.
 */
const answers = new WeakMap<ReadonlyModels, Map<string, unknown>>();
const MAX_ANSWERS = 64;

/** Called before an event changes the models: what was computed from them no longer holds. */
export function forgetAnswers(models: ReadModels): void {
  answers.delete(models);
}

/**
 * The answer to `question` on this view, computed once per day asked and state of the models. Callers
 * share the answer, so they must not change it (none does: resolvers copy what they shape).
 */
export function remembered<T>(view: View, question: string, compute: () => T): T {
  let known = answers.get(view.models);
  if (!known) answers.set(view.models, (known = new Map()));
  const key = `${view.day} ${question}`;
  if (known.has(key)) return known.get(key) as T;
  const answer = compute();
  if (known.size >= MAX_ANSWERS) known.delete(known.keys().next().value!);
  known.set(key, answer);
  return answer;
}
