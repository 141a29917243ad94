import { decodePlain } from './plainCodec';

/** An entry still as its bytes in the snapshot it came from: where they are. */
class Encoded {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

/** How long one entry's arrays may be, by field: the longest of each top-level array field. */
export type LongestArrays = Record<string, number>;

/**
 * A read model's Map restored from a snapshot whose entries are decoded when first read, not at start-up:
 * a start from the snapshot of a nation's log then costs reading and checking the file, not making every
 * one of its million objects. To every reader it is the Map it replaces (get, iteration, forEach, size),
 * in the same insertion order; an entry decoded once is kept decoded, and once none is left encoded the
 * snapshot's bytes are let go and every method is the Map's own.
 *
 * Entries are the writer's JSON (plainCodec.ts), which a snapshot's signature covers, so decoding one
 * later reads the bytes that were checked at start-up.
 */
export class LazyEntries<K, V> extends Map<K, V> {
  private source: Buffer | null;
  private encoded = 0;
  /** The longest arrays of the entries as the snapshot holds them (lists only grow). */
  private readonly restoredLongest: LongestArrays;

  constructor(source: Buffer, keys: readonly K[], ends: readonly number[], start: number, longest: LongestArrays) {
    super();
    this.source = source;
    this.restoredLongest = longest;
    let at = start;
    for (let i = 0; i < keys.length; i++) {
      super.set(keys[i]!, new Encoded(at, ends[i]!) as V);
      at = ends[i]!;
    }
    this.encoded = keys.length;
  }

  /** Entries not read yet. */
  get stillEncoded(): number {
    return this.encoded;
  }

  /** The bytes of an entry still encoded, as the snapshot holds them; undefined once decoded. */
  encodedBytes(key: K): Buffer | undefined {
    const value = super.get(key);
    return value instanceof Encoded ? this.source!.subarray(value.start, value.end) : undefined;
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    return value instanceof Encoded ? this.decode(key, value) : value;
  }

  override set(key: K, value: V): this {
    if (this.encoded > 0 && super.get(key) instanceof Encoded) this.forgetOne();
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.encoded > 0 && super.get(key) instanceof Encoded) this.forgetOne();
    return super.delete(key);
  }

  override clear(): void {
    this.encoded = 0;
    this.source = null;
    super.clear();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    if (this.encoded === 0) return super.forEach(callback, thisArg);
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override values(): MapIterator<V> {
    if (this.encoded === 0) return super.values();
    return this.decoding((key, value) => value ?? this.get(key)!);
  }

  override entries(): MapIterator<[K, V]> {
    if (this.encoded === 0) return super.entries();
    return this.decoding((key, value) => [key, value ?? this.get(key)!]);
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /**
   * Decodes every entry still encoded, first to last, waiting at `pause` between two: the whole model
   * decoded a little at a time after start-up, between requests, so none of them pays for it.
   */
  async decodeAll(pause: () => Promise<void> | undefined): Promise<void> {
    for (const [key, value] of super.entries()) {
      if (this.encoded === 0) return;
      if (!(value instanceof Encoded)) continue;
      this.decode(key, value);
      const turn = pause();
      if (turn) await turn;
    }
  }

  /**
   * The longest of each top-level array field over every entry, without decoding any: what the snapshot
   * said, raised by the entries read since (which may have grown).
   */
  longestArrays(): LongestArrays {
    const longest = { ...this.restoredLongest };
    for (const value of super.values()) if (!(value instanceof Encoded)) raiseLongest(longest, value);
    return longest;
  }

  private *decoding<T>(make: (key: K, value: V | undefined) => T): Generator<T, undefined, unknown> {
    for (const [key, value] of super.entries()) yield make(key, value instanceof Encoded ? undefined : value);
    return undefined;
  }

  private decode(key: K, at: Encoded): V {
    const value = decodePlain(JSON.parse(this.source!.toString('utf8', at.start, at.end))) as V;
    super.set(key, value);
    this.forgetOne();
    return value;
  }

  private forgetOne(): void {
    this.encoded -= 1;
    if (this.encoded === 0) this.source = null;
  }
}

/** Raises `longest` to the length of each top-level array field of `entry`. */
export function raiseLongest(longest: LongestArrays, entry: unknown): void {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
  for (const [field, value] of Object.entries(entry as Record<string, unknown>))
    if (Array.isArray(value) && value.length > (longest[field] ?? 0)) longest[field] = value.length;
}

/** The longest of each top-level array field over a read model's entries, decoded or not. */
export function longestArrays(map: ReadonlyMap<unknown, unknown>): LongestArrays {
  if (map instanceof LazyEntries) return map.longestArrays();
  const longest: LongestArrays = {};
  for (const entry of map.values()) raiseLongest(longest, entry);
  return longest;
}
