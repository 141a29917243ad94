import { performance } from 'node:perf_hooks';
import { wholeLogSlices } from '#src/core/fairSlices';
import { type EventStore, type GlobalPosition, comparePositions } from '#src/eventStore/eventStore';
import { type ReadModels, createReadModels } from './index';
import { replayInto } from './replay';

export interface RebuildResult {
  readonly events: number;
  /** Catch-up passes needed: the first replays the log, each next one the events appended meanwhile. */
  readonly passes: number;
  readonly elapsedMs: number;
}

export interface RebuildTarget {
  /** Where the live models are now. */
  position(): GlobalPosition | null;
  /**
   * Called in the same synchronous step that saw the new models reach `position()`: nothing can be
   * applied to the live models in between, so no event is lost or applied twice by the switch.
   */
  switchTo(models: ReadModels): void;
}

const samePosition = (a: GlobalPosition | null, b: GlobalPosition | null): boolean =>
  a === null || b === null ? a === b : comparePositions(a, b) === 0;

/**
 * Builds new read models beside the live ones, from the whole log, while the live ones keep serving
 * and following appends; then replays what was appended meanwhile, pass after pass, until both stand
 * at the same position, and switches. If an event cannot be applied, the live models stay.
 */
export async function rebuildBeside(store: EventStore, live: RebuildTarget, maxPasses = 100): Promise<RebuildResult> {
  const began = performance.now();
  const models = createReadModels();
  let position: GlobalPosition | null = null;
  let events = 0;
  for (let passes = 1; passes <= maxPasses; passes++) {
    const target = live.position();
    if (target && (position === null || comparePositions(position, target) < 0)) {
      const pass = await replayInto(store, () => models, {
        after: position,
        stopBefore: (event) => comparePositions(event.position, target) > 0,
        // The live models keep serving meanwhile: requests get their turns between slices of the rebuild.
        slices: wholeLogSlices,
      });
      position = pass.position;
      events += pass.events;
    }
    if (samePosition(position, live.position())) {
      live.switchTo(models);
      return { events, passes, elapsedMs: performance.now() - began };
    }
  }
  throw new Error(`The new read models did not catch up with the live ones in ${maxPasses} passes`);
}
