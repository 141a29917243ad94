import type { FairSlices } from '../src/core/fairSlices';
import type { ReadModels } from './index';

/**
 * A deep copy of the read models, to extend a kept historic state without touching it. Read models hold
 * Maps, arrays and plain objects only (projection.ts); copying them by hand is about 3–4× faster than
 * structuredClone, which serialises, and about 7× cheaper per event than replaying the same prefix.
 */
export function cloneModels(models: ReadModels): ReadModels {
  return copy(models) as ReadModels;
}

/**
 * The same copy, one entry of a read model at a time between turns of `slices`: the models of a large
 * log take long enough to copy that doing it in one go would hold up every request waiting meanwhile.
 * The source must not change while it is copied (kept historic states never do).
 */
export async function cloneModelsInSlices(models: ReadModels, slices: FairSlices): Promise<ReadModels> {
  const copied: Record<string, unknown> = {};
  for (const [name, state] of Object.entries(models) as [string, unknown][]) {
    if (!(state instanceof Map)) {
      copied[name] = copy(state);
      continue;
    }
    const map = new Map<unknown, unknown>();
    for (const [key, entry] of state) {
      map.set(key, copy(entry));
      const turn = slices.pause();
      if (turn) await turn;
    }
    copied[name] = map;
  }
  return copied as unknown as ReadModels;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) {
    const map = new Map<unknown, unknown>();
    for (const [key, entry] of value) map.set(key, copy(entry));
    return map;
  }
  if (Array.isArray(value)) {
    const array: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) array[i] = copy(value[i]);
    return array;
  }
  if (value instanceof Date) return new Date(value.getTime());
  const record = value as Record<string, unknown>;
  const object: Record<string, unknown> = {};
  for (const key of Object.keys(record)) object[key] = copy(record[key]);
  return object;
}
