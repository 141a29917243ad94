import type { ReadModels } from './index';

/**
 * A deep copy of the read models, to extend a kept historic state without touching it. Read models hold
 * Maps, arrays and plain objects only (projection.ts); copying them by hand is about 3–4× faster than
 * structuredClone, which serialises, and about 7× cheaper per event than replaying the same prefix.
 */
export function cloneModels(models: ReadModels): ReadModels {
  return copy(models) as ReadModels;
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
