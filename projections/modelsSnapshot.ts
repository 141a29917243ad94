import type { ReadModels } from './views/models';

/** How many entries each read model holds (a model that is not a Map counts as 1). */
export function countModels(models: ReadModels): Record<string, number> {
  return Object.fromEntries(
    Object.entries(models).map(([name, state]) => [name, state instanceof Map ? state.size : 1]),
  );
}

/**
 * The read models as plain JSON values, for comparing two builds and fingerprinting them. A Map becomes
 * its [key, value] pairs in insertion order, because that order is part of the answer: lists are paged
 * in it, so two builds are equal only if they also inserted in the same (log) order.
 */
export function plainModels(models: ReadModels): unknown {
  return toPlain(models);
}

function toPlain(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].map(([key, entry]) => [toPlain(key), toPlain(entry)]);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toPlain(entry)]));
  }
  return value;
}
