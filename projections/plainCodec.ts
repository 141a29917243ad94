/**
 * Read models as JSON and back. Read models are plain data by contract (projection.ts): Maps, arrays,
 * plain objects, strings, numbers, booleans, null, and Dates. A Map is written as `{"$map": [key,
 * value, key, value, …]}`, in insertion order, which is part of the answer (lists page in it); a Date as
 * `{"$date": "<ISO>"}`. Anything else (a class instance, a Set, a key starting with `$`) is refused
 * rather than written in a shape that would not read back the same.
 *
 * Decoding builds objects with this realm's constructors (unlike `v8.deserialize`, whose Maps fail
 * `instanceof Map` inside a test sandbox), and JSON.parse is V8's fastest way to make many small objects.
 */
export function encodePlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write the number ${value}`);
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol')
      throw new Error(`cannot write a ${typeof value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(encodePlain);
  if (value instanceof Map) {
    const flat: unknown[] = [];
    for (const [key, entry] of value) flat.push(encodePlain(key), encodePlain(entry));
    return { $map: flat };
  }
  if (value instanceof Date) return { $date: value.toISOString() };
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new Error(`cannot write a ${prototype?.constructor?.name ?? 'non-plain'} object`);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key.startsWith('$')) throw new Error(`cannot write the key ${key}`);
    if (record[key] !== undefined) out[key] = encodePlain(record[key]);
  }
  return out;
}

/** Turns what JSON.parse made of encodePlain's output back into Maps and Dates, in place. */
export function decodePlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = decodePlain(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const flat = record['$map'];
  if (flat !== undefined) {
    const map = new Map<unknown, unknown>();
    const items = flat as unknown[];
    for (let i = 0; i < items.length; i += 2) map.set(decodePlain(items[i]), decodePlain(items[i + 1]));
    return map;
  }
  const date = record['$date'];
  if (date !== undefined) return new Date(date as string);
  for (const key in record) {
    const item = record[key];
    if (item !== null && typeof item === 'object') record[key] = decodePlain(item);
  }
  return record;
}
