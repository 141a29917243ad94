import { type GlobalPosition, type RecordedEvent, comparePositions } from '#src/eventStore/eventStore';
import type { ReadModels } from './views/models';

/** The read models over a prefix of the log. Shared between requests: never mutated once built. */
export interface HistoricModels {
  readonly models: ReadModels;
  /** The position of the prefix's last event; null for the empty prefix. */
  readonly position: GlobalPosition | null;
  /** The recording time of the prefix's last event; null for the empty prefix. */
  readonly lastRecordedAt: Date | null;
}

/** A question about the past: what was recorded at or before an instant, or up to a log position. */
export type HistoricTarget = { readonly instant: Date } | { readonly position: GlobalPosition };

/** The event lies beyond the target, so neither it nor anything after it belongs to the answer. */
export function isBeyond(event: RecordedEvent, target: HistoricTarget): boolean {
  return 'instant' in target
    ? event.recordedAt.getTime() > target.instant.getTime()
    : comparePositions(event.position, target.position) > 0;
}

/** Every event of the state belongs to the target's answer (recording times never go backwards in log order). */
function isPrefixOf(state: HistoricModels, target: HistoricTarget): boolean {
  if (state.position === null || state.lastRecordedAt === null) return true;
  return 'instant' in target
    ? state.lastRecordedAt.getTime() <= target.instant.getTime()
    : comparePositions(state.position, target.position) <= 0;
}

const longer = (a: HistoricModels, b: HistoricModels): boolean =>
  b.position === null || (a.position !== null && comparePositions(a.position, b.position) > 0);

/**
 * A bounded set of historic states, least recently used evicted first. Each costs at most what the
 * live read models cost, so the memory they hold is bounded by `capacity` × the live models' size.
 */
export class HistoricStates {
  private entries: HistoricModels[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.length;
  }

  has(state: HistoricModels): boolean {
    return this.entries.includes(state);
  }

  /** The longest state that is a prefix of the target's answer: the cheapest place to replay from. */
  nearest(target: HistoricTarget): HistoricModels | undefined {
    let best: HistoricModels | undefined;
    for (const state of this.entries) if (isPrefixOf(state, target) && (!best || longer(state, best))) best = state;
    if (best) this.touch(best);
    return best;
  }

  touch(state: HistoricModels): void {
    const index = this.entries.indexOf(state);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.entries.push(state);
  }

  /** Keeps the state; answers the states evicted to make room, so nothing else holds on to them. */
  add(state: HistoricModels): HistoricModels[] {
    if (this.has(state)) {
      this.touch(state);
      return [];
    }
    this.entries.push(state);
    return this.entries.splice(0, Math.max(0, this.entries.length - this.capacity));
  }

  clear(): void {
    this.entries = [];
  }
}
