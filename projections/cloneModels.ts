import type { FairSlices } from '#src/core/fairSlices';
import type { ReadModels } from './views/models';

/**
 * A deep copy of the read models, to extend a kept historic state without touching it. Read models hold
 * Maps, arrays and plain objects only (projection.ts); copying them by hand is about 3–4× faster than
 * structuredClone, which serialises, and about 7× cheaper per event than replaying the same prefix.
 */
export function cloneModels(models: ReadModels): ReadModels {
  return copy(models) as ReadModels;
}

/**
 * The same copy, one entry of a read model's map at a time between turns of `slices`: the models of a
 * large log take long enough to copy that doing it in one go would hold up every request waiting
 * meanwhile. A read model is a Map, or an object of Maps (foldedIds). The source must not change while
 * it is copied (kept historic states never do).
 */
export async function cloneModelsInSlices(models: ReadModels, slices: FairSlices): Promise<ReadModels> {
  const copied: Record<string, unknown> = {};
  for (const [name, state] of Object.entries(models) as [string, unknown][]) {
    if (state instanceof Map) copied[name] = await copyMapInSlices(state, slices);
    else if (state === null || typeof state !== 'object') copied[name] = state;
    else {
      const parts: Record<string, unknown> = {};
      for (const [key, part] of Object.entries(state as Record<string, unknown>))
        parts[key] = part instanceof Map ? await copyMapInSlices(part, slices) : copy(part);
      copied[name] = parts;
    }
  }
  return copied as unknown as ReadModels;
}

async function copyMapInSlices(source: Map<unknown, unknown>, slices: FairSlices): Promise<Map<unknown, unknown>> {
  const map = new Map<unknown, unknown>();
  for (const [key, entry] of source) {
    map.set(key, copy(entry));
    const turn = slices.pause();
    if (turn) await turn;
  }
  return map;
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
