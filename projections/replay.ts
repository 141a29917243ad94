import { performance } from 'node:perf_hooks';
import type { FairSlices } from '#src/core/fairSlices';
import { upcast } from '#src/domain/upcast';
import type { EventStore, GlobalPosition, RecordedEvent } from '#src/eventStore/eventStore';
import { type ReadModels, applyEvent, createReadModels } from './index';

export interface ReplayProgress {
  readonly events: number;
  readonly position: GlobalPosition;
  readonly elapsedMs: number;
}

export interface ReplayOptions {
  /** Start after this position (exclusive); absent: from the start of the log. */
  readonly after?: GlobalPosition | null;
  /** The first event for which this is true is not applied, and the replay ends there. */
  readonly stopBefore?: (event: RecordedEvent) => boolean;
  /** Called at most every `progressEveryMs` (default 250 ms) while events are being applied. */
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly progressEveryMs?: number;
  /**
   * Shares the event loop with requests while replaying (time travel, a rebuild while serving); absent,
   * the replay runs to its end (the command line, the start-up catch-up, where nothing waits).
   */
  readonly slices?: FairSlices;
}

export interface ReplayResult {
  /** The models the events were applied to, or null when no event was applied. */
  readonly models: ReadModels | null;
  readonly events: number;
  /** The position of the last event applied (or `after` when none was). */
  readonly position: GlobalPosition | null;
  readonly lastRecordedAt: Date | null;
  readonly elapsedMs: number;
}

/**
 * Feeds the log's events after `after` to the read models, in global order, through the same pure
 * reducers the live runner uses. `start` supplies the models on the first event applied, so a caller
 * that only wants to extend a copy pays for the copy only when there is something to apply.
 */
export async function replayInto(
  store: EventStore,
  start: () => ReadModels | Promise<ReadModels>,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const began = performance.now();
  const after = options.after ?? null;
  const every = options.progressEveryMs ?? 250;
  let models: ReadModels | null = null;
  let position = after;
  let lastRecordedAt: Date | null = null;
  let events = 0;
  let nextReport = began + every;
  const { slices } = options;
  for await (const event of store.readAll(after ? { after } : {})) {
    if (options.stopBefore?.(event)) break;
    models ??= await start();
    applyEvent(models, upcast(event));
    position = event.position;
    lastRecordedAt = event.recordedAt;
    events += 1;
    if (options.onProgress && (events & 1023) === 0 && performance.now() >= nextReport) {
      options.onProgress({ events, position, elapsedMs: performance.now() - began });
      nextReport = performance.now() + every;
    }
    const turn = slices?.pause();
    if (turn) await turn;
  }
  return { models, events, position, lastRecordedAt, elapsedMs: performance.now() - began };
}

/** Every read model rebuilt from the whole log, from nothing. */
export async function replayLog(
  store: EventStore,
  options: Omit<ReplayOptions, 'after'> = {},
): Promise<ReplayResult & { models: ReadModels }> {
  const result = await replayInto(store, createReadModels, options);
  return { ...result, models: result.models ?? createReadModels() };
}
