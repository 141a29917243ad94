import { ValidationError } from '#src/core/errors';
import { type FairSlices, wholeLogSlices } from '#src/core/fairSlices';
import { type EventStore, type GlobalPosition, comparePositions, formatPosition } from '#src/eventStore/eventStore';
import { cloneModelsInSlices } from './cloneModels';
import { type HistoricModels, HistoricStates, type HistoricTarget, isBeyond } from './historicStates';
import { type ReadModels, createReadModels } from './index';
import { replayInto } from './replay';
import type { ProjectionRunner } from './runner';

export type { HistoricModels } from './historicStates';

/** The cut of the empty prefix: before every position either store hands out. */
export const BEFORE_THE_LOG: GlobalPosition = { commit: -1n, prepare: -1n };

const MAX_REMEMBERED_QUESTIONS = 256;

/**
 * Answers "what was known at instant T" and "what was known at log position P": the same reducers over
 * the prefix of the log recorded at or before T (recording times never go backwards in log order) or
 * up to P. Built states are kept by the position they end at, a bounded few (`maxStates`, least recently
 * used evicted): a repeated question, or another instant with no event between, is answered from memory,
 * and a new question replays only from the longest kept state that is a prefix of its answer (a copy of
 * it, since kept states are shared and never change).
 */
export class TimeTravel {
  private readonly states: HistoricStates;
  /** The question ("i:<ms>" or "p:<cursor>") → the state that answered it, while that state is kept. */
  private readonly answers = new Map<string, HistoricModels>();
  private readonly inFlight = new Map<string, Promise<HistoricModels>>();
  private liveModels: ReadModels | null = null;
  /** What the cache did, for tests and benchmarks. */
  readonly stats = { replays: 0, eventsApplied: 0, answeredFromMemory: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    maxStates = 4,
    /** Replays and copies share the event loop with requests through these turns. */
    private readonly slices: FairSlices = wholeLogSlices,
  ) {
    this.states = new HistoricStates(maxStates);
  }

  /** The read models as they were at `asOf` (the live ones when nothing was recorded since). */
  async modelsAsOf(asOf: Date): Promise<ReadModels> {
    return (await this.asOf(asOf)).models;
  }

  async asOf(asOf: Date): Promise<HistoricModels> {
    const last = this.runner.lastRecordedAt;
    const nothingSince = last === null ? this.runner.position === null : asOf.getTime() >= last.getTime();
    return nothingSince ? this.live() : this.resolve({ instant: asOf });
  }

  /** The read models once the event at `position` was applied. A position past the log's end is refused. */
  async atPosition(position: GlobalPosition): Promise<HistoricModels> {
    const live = this.runner.position;
    if (live && comparePositions(position, live) < 0) return this.resolve({ position });
    let head: GlobalPosition | null = null;
    for await (const event of this.store.readAll({ direction: 'backwards', maxCount: 1 })) head = event.position;
    if (!head || comparePositions(position, head) > 0) {
      const end = head ? `its last event is at ${formatPosition(head)}` : 'it is empty';
      throw new ValidationError(`atPosition ${formatPosition(position)} is beyond the end of the log: ${end}`, {
        field: 'atPosition',
      });
    }
    return live && comparePositions(live, head) >= 0 ? this.live() : this.resolve({ position });
  }

  get keptStates(): number {
    return this.states.size;
  }

  private live(): HistoricModels {
    const { models, position, lastRecordedAt } = this.runner;
    return { models, position, lastRecordedAt };
  }

  private resolve(target: HistoricTarget): Promise<HistoricModels> {
    this.forgetIfRebuilt();
    const key = 'instant' in target ? `i:${target.instant.getTime()}` : `p:${formatPosition(target.position)}`;
    const known = this.answers.get(key);
    if (known && this.states.has(known)) {
      this.stats.answeredFromMemory += 1;
      this.states.touch(known);
      return Promise.resolve(known);
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.build(target, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async build(target: HistoricTarget, key: string): Promise<HistoricModels> {
    const base = this.states.nearest(target);
    if (base && (await this.nothingAfter(base, target))) return this.keep(base, key);
    const replayed = await replayInto(
      this.store,
      // Kept states are shared with other requests: extend a copy.
      () => (base ? cloneModelsInSlices(base.models, this.slices) : createReadModels()),
      { after: base?.position ?? null, stopBefore: (event) => isBeyond(event, target), slices: this.slices },
    );
    this.stats.replays += 1;
    this.stats.eventsApplied += replayed.events;
    let state = base;
    if (replayed.models) {
      state = { models: replayed.models, position: replayed.position, lastRecordedAt: replayed.lastRecordedAt };
    } else if (!state) {
      state = { models: createReadModels(), position: null, lastRecordedAt: null };
    }
    return this.keep(state, key);
  }

  /** Whether the event after the state already lies beyond the target: then the state is the answer. */
  private async nothingAfter(state: HistoricModels, target: HistoricTarget): Promise<boolean> {
    if (!state.position) return false;
    for await (const event of this.store.readAll({ after: state.position, maxCount: 1 }))
      return isBeyond(event, target);
    return true;
  }

  private keep(state: HistoricModels, key: string): HistoricModels {
    const evicted = this.states.add(state);
    // Questions answered by an evicted state must not keep it alive: memory stays within the bound.
    for (const [question, answer] of this.answers) if (evicted.includes(answer)) this.answers.delete(question);
    this.answers.set(key, state);
    if (this.answers.size > MAX_REMEMBERED_QUESTIONS) this.answers.delete(this.answers.keys().next().value!);
    return state;
  }

  /** States built before the live models were rebuilt may come from older reducers: start afresh. */
  private forgetIfRebuilt(): void {
    if (this.liveModels === this.runner.models) return;
    this.liveModels = this.runner.models;
    this.states.clear();
    this.answers.clear();
  }
}
