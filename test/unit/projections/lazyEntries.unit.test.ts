import { LazyEntries, longestArrays } from '../../../projections/lazyEntries';

/** A LazyEntries over the JSON of `entries`, laid end to end as a snapshot's payload lays them. */
function lazyOf(entries: [string, unknown][], longest = {}): LazyEntries<string, unknown> {
  const texts = entries.map(([, value]) => Buffer.from(JSON.stringify(value)));
  let end = 3;
  const ends = texts.map((text) => (end += text.length));
  const source = Buffer.concat([Buffer.from('xyz'), ...texts]);
  return new LazyEntries(
    source,
    entries.map(([key]) => key),
    ends,
    3,
    longest,
  );
}

const ENTRIES: [string, unknown][] = [
  ['b', { name: 'Miến dong', lists: [1, 2, 3] }],
  ['a', { name: 'Trà', lists: [], at: { $date: '2024-03-22T00:00:00.000Z' } }],
  ['c', { nested: { $map: ['k', { v: 1 }] } }],
];

describe('LazyEntries: a restored read model decoded when read', () => {
  it('should answer as the Map it replaces, in the same order, decoding only what is read', () => {
    const lazy = lazyOf(ENTRIES);
    expect(lazy.size).toBe(3);
    expect([...lazy.keys()]).toEqual(['b', 'a', 'c']);
    expect(lazy.stillEncoded).toBe(3);
    expect(lazy.has('a')).toBe(true);
    expect(lazy.stillEncoded).toBe(3);
    expect(lazy.get('a')).toEqual({ name: 'Trà', lists: [], at: new Date('2024-03-22T00:00:00.000Z') });
    expect(lazy.stillEncoded).toBe(2);
    expect(lazy.get('a')).toBe(lazy.get('a'));
    expect(lazy.get('c')).toEqual({ nested: new Map([['k', { v: 1 }]]) });
    expect(lazy.get('missing')).toBeUndefined();
  });

  it('should decode on every way of walking it, and keep what a projection changes', () => {
    for (const walk of [
      (m: Map<string, unknown>) => [...m.values()],
      (m: Map<string, unknown>) => [...m.entries()].map(([, v]) => v),
      (m: Map<string, unknown>) => [...m].map(([, v]) => v),
      (m: Map<string, unknown>) => {
        const seen: unknown[] = [];
        m.forEach((v) => seen.push(v));
        return seen;
      },
    ]) {
      const lazy = lazyOf(ENTRIES);
      (lazy.get('b') as { lists: number[] }).lists.push(4);
      expect(walk(lazy)).toEqual([
        { name: 'Miến dong', lists: [1, 2, 3, 4] },
        { name: 'Trà', lists: [], at: new Date('2024-03-22T00:00:00.000Z') },
        { nested: new Map([['k', { v: 1 }]]) },
      ]);
      expect(lazy.stillEncoded).toBe(0);
    }
  });

  it('should count entries replaced or deleted before they were read as no longer encoded', () => {
    const lazy = lazyOf(ENTRIES);
    lazy.set('a', { replaced: true });
    lazy.delete('b');
    expect(lazy.stillEncoded).toBe(1);
    lazy.set('d', 4);
    expect([...lazy.entries()]).toEqual([
      ['a', { replaced: true }],
      ['c', { nested: new Map([['k', { v: 1 }]]) }],
      ['d', 4],
    ]);
    expect(lazy.stillEncoded).toBe(0);
    lazy.clear();
    expect(lazy.size).toBe(0);
  });

  it('should give its encoded bytes only while an entry is undecoded', () => {
    const lazy = lazyOf(ENTRIES);
    expect(lazy.encodedBytes('a')?.toString()).toBe(JSON.stringify(ENTRIES[1]![1]));
    lazy.get('a');
    expect(lazy.encodedBytes('a')).toBeUndefined();
  });

  it('should decode everything, a step at a time, when asked to', async () => {
    const lazy = lazyOf(ENTRIES);
    let pauses = 0;
    await lazy.decodeAll(() => {
      pauses++;
      return Promise.resolve();
    });
    expect(lazy.stillEncoded).toBe(0);
    expect(pauses).toBe(3);
    expect(lazy.get('b')).toEqual({ name: 'Miến dong', lists: [1, 2, 3] });
  });

  it("should tell its longest lists from the snapshot's figure without decoding, raised by what grew since", () => {
    const lazy = lazyOf(ENTRIES, { lists: 3 });
    expect(longestArrays(lazy)).toEqual({ lists: 3 });
    expect(lazy.stillEncoded).toBe(3);
    (lazy.get('a') as { lists: number[] }).lists.push(1, 2, 3, 4, 5);
    expect(longestArrays(lazy)).toEqual({ lists: 5 });
    expect(lazy.stillEncoded).toBe(2);
    expect(longestArrays(new Map(lazy))).toEqual({ lists: 5 });
  });
});
