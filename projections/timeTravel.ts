import { upcast } from '../src/domain/upcast';
import type { EventStore } from '../src/eventStore/eventStore';
import { type ReadModels, applyEvent, createReadModels } from './index';
import type { ProjectionRunner } from './runner';

/**
 * Answers "what was known at instant T": the same reducers over the prefix of the log recorded at
 * or before T (recording times never go backwards in log order). Recently asked instants are
 * kept, a few at most, because analysts ask several questions about the same date.
 */
export class TimeTravel {
  private readonly cache = new Map<number, ReadModels>();

  constructor(
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly maxCached = 8,
  ) {}

  async modelsAsOf(asOf: Date): Promise<ReadModels> {
    const last = this.runner.lastRecordedAt;
    if (last === null || asOf.getTime() >= last.getTime()) {
      // Nothing recorded after asOf yet: the live models are the answer.
      if (last !== null || this.runner.position === null) return this.runner.models;
    }
    const key = asOf.getTime();
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached); // most recently used last
      return cached;
    }
    const models = createReadModels();
    for await (const event of this.store.readAll()) {
      if (event.recordedAt.getTime() > key) break;
      applyEvent(models, upcast(event));
    }
    this.cache.set(key, models);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value as number);
    return models;
  }
}
