/** A serialized response as it was sent, to be sent again unchanged. */
export interface RememberedAnswer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** For public GET reads: the validator `If-None-Match` is compared with. */
  readonly etag: string | null;
}

export interface AnswerCacheStats {
  hits: number;
  misses: number;
  evictions: number;
  entries: number;
  bytes: number;
}

/** Per entry beyond its text: the Map slot, the entry object and its header pairs. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * Answers kept for one log position at a time, least recently used evicted first, within a byte
 * budget. The position is compared by identity: the projection runner replaces its position object
 * with every event applied, so the first question after a new event finds the cache emptied and
 * no answer from before that event can be reached again.
 */
export class AnswerCache {
  private entries = new Map<string, RememberedAnswer>();
  private position: unknown = undefined;
  private bytes = 0;
  private counts = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries = 20_000,
  ) {}

  get(position: unknown, key: string): RememberedAnswer | undefined {
    this.moveTo(position);
    const entry = this.entries.get(key);
    if (!entry) {
      this.counts.misses += 1;
      return undefined;
    }
    this.counts.hits += 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(position: unknown, key: string, answer: RememberedAnswer): void {
    this.moveTo(position);
    const size = sizeOf(key, answer);
    // One answer may take at most an eighth of the budget, so a huge page cannot flush everything else.
    if (size > this.maxBytes / 8 || this.entries.has(key)) return;
    while (this.entries.size > 0 && (this.bytes + size > this.maxBytes || this.entries.size >= this.maxEntries)) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.bytes -= sizeOf(oldestKey, oldest);
      this.counts.evictions += 1;
    }
    this.entries.set(key, answer);
    this.bytes += size;
  }

  stats(): AnswerCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  private moveTo(position: unknown): void {
    if (position === this.position) return;
    this.position = position;
    this.entries.clear();
    this.bytes = 0;
  }
}

/** Strings are counted at two bytes a character, as V8 may hold them. */
function sizeOf(key: string, answer: RememberedAnswer): number {
  let size = ENTRY_OVERHEAD_BYTES + 2 * (key.length + answer.body.length);
  for (const [name, value] of answer.headers) size += 2 * (name.length + value.length);
  return size;
}
