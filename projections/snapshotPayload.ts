import type { ReadModels } from './views/models';
import { LazyEntries, type LongestArrays, longestArrays } from './lazyEntries';
import { decodePlain, encodePlain } from './plainCodec';

/**
 * A snapshot's payload: every entry of every read model's Map as its own JSON text, one after another,
 * then a directory (JSON) that says which model each run of entries belongs to, with their keys and
 * lengths, and whatever is not such an entry inline. Written entry by entry, so writing never holds a
 * second copy of the models; read by decoding the directory alone, each entry waiting in the file's
 * bytes until it is first read (lazyEntries.ts).
 *
 * Nothing here names a model or a field: a Map whose values include an object becomes a run of entries,
 * any other value is written as plainCodec writes it, and a plain object of such values (foldedIds) is
 * walked field by field.
 */

interface EntriesNode {
  readonly $entries: {
    readonly start: number;
    readonly keys: unknown[];
    readonly lengths: number[];
    readonly longest: LongestArrays;
  };
}

/** Where the payload's bytes go, in order. */
export type PayloadSink = (chunk: Buffer) => void;
/** Between two entries: undefined to carry on, or a promise to wait for first. */
export type Pause = () => Promise<void> | undefined;

const holdsObjects = (map: Map<unknown, unknown>): boolean => {
  for (const value of map.values()) if (value !== null && typeof value === 'object') return true;
  return false;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** Writes the payload of `models` to `sink`, pausing between entries; the directory's length in bytes. */
export async function writePayload(models: ReadModels, sink: PayloadSink, pause: Pause): Promise<number> {
  let written = 0;
  const put = (chunk: Buffer) => {
    sink(chunk);
    written += chunk.length;
  };
  const directoryOf = async (value: unknown): Promise<unknown> => {
    if (value instanceof LazyEntries || (value instanceof Map && holdsObjects(value))) {
      const node: EntriesNode = {
        $entries: { start: written, keys: [], lengths: [], longest: longestArrays(value) },
      };
      for (const key of value.keys()) {
        const bytes =
          (value instanceof LazyEntries && value.encodedBytes(key)) ||
          Buffer.from(JSON.stringify(encodePlain(value.get(key))), 'utf8');
        put(bytes);
        node.$entries.keys.push(encodePlain(key));
        node.$entries.lengths.push(bytes.length);
        const turn = pause();
        if (turn) await turn;
      }
      return node;
    }
    if (isPlainObject(value)) {
      const fields: Record<string, unknown> = {};
      for (const [field, part] of Object.entries(value)) {
        if (field.startsWith('$')) throw new Error(`cannot write the key ${field}`);
        if (part !== undefined) fields[field] = await directoryOf(part);
      }
      return fields;
    }
    return encodePlain(value);
  };
  const directory = Buffer.from(JSON.stringify(await directoryOf(models)), 'utf8');
  put(directory);
  return directory.length;
}

/**
 * The read models in `payload`, whose last `directoryBytes` are its directory. The payload's bytes are
 * kept, not copied, by the models until every entry was read: it must not change afterwards.
 */
export function readPayload(payload: Buffer, directoryBytes: number): ReadModels {
  const directoryStart = payload.length - directoryBytes;
  const directory: unknown = JSON.parse(payload.toString('utf8', directoryStart));
  const modelOf = (node: unknown): unknown => {
    if (isPlainObject(node) && '$entries' in node) {
      const { start, keys, lengths, longest } = (node as unknown as EntriesNode).$entries;
      let end = start;
      const ends = lengths.map((length) => (end += length));
      if (end > directoryStart) throw new Error('an entry runs into the directory');
      return new LazyEntries(payload, keys.map(decodePlain), ends, start, longest);
    }
    if (isPlainObject(node) && !('$map' in node) && !('$date' in node))
      return Object.fromEntries(Object.entries(node).map(([field, part]) => [field, modelOf(part)]));
    return decodePlain(node);
  };
  return modelOf(directory) as ReadModels;
}

/** Every lazily restored map in `models`, to decode ahead of the readers (warmLazyEntries). */
export function lazyMapsOf(models: ReadModels): LazyEntries<unknown, unknown>[] {
  const found: LazyEntries<unknown, unknown>[] = [];
  const walk = (value: unknown) => {
    if (value instanceof LazyEntries) found.push(value as LazyEntries<unknown, unknown>);
    else if (isPlainObject(value)) Object.values(value).forEach(walk);
  };
  walk(models);
  return found;
}
