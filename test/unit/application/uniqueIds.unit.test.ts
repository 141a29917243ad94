import { type KnownIds, oneSpellingPerId } from '../../../src/application/uniqueIds';
import { foldId } from '../../../src/domain/rules/ids';
import type { GlobalPosition } from '../../../src/eventStore/eventStore';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read models that trail the log as the live ones do: an appended id becomes known only some time
 * after its append, when `reached` has run for its position.
 */
function laggingReadModels() {
  const known = new Map<string, string>();
  const appended = new Map<bigint, string>();
  let next = 0n;
  const readModels: KnownIds = {
    caughtUp: () => Promise.resolve(),
    twinOf: (_kind, id) => {
      const recorded = known.get(foldId(id));
      return recorded === undefined || recorded === id ? null : recorded;
    },
    reached: async (position) => {
      await pause(20);
      const id = appended.get(position.commit)!;
      if (!known.has(foldId(id))) known.set(foldId(id), id);
    },
  };
  /** Appends `id` after a moment of I/O, unless the decider would refuse it as a twin. */
  const append = async (id: string, twin: { sameIdIgnoringCase?: string }) => {
    await pause(5);
    if (twin.sameIdIgnoringCase) throw new Error(`twin of ${twin.sameIdIgnoringCase}`);
    next += 1n;
    appended.set(next, id);
    const position: GlobalPosition = { commit: next, prepare: next };
    return { id, position };
  };
  return { readModels, append };
}

describe('One spelling per id in a process', () => {
  it('should make the second of two spellings registered at once see the first', async () => {
    const { readModels, append } = laggingReadModels();
    const registering = oneSpellingPerId(readModels);
    const outcomes = await Promise.allSettled(
      ['Abc', 'abc'].map((id) => registering('subject', id, (twin) => append(id, twin))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('twin of Abc'));
  });

  it('should let the next spelling go ahead when the registration before it failed', async () => {
    const { readModels, append } = laggingReadModels();
    const registering = oneSpellingPerId(readModels);
    const failing = registering('subject', 'Xyz', () => Promise.reject(new Error('refused')));
    const next = registering('subject', 'xyz', (twin) => append('xyz', twin));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toMatchObject({ id: 'xyz' });
  });

  it('should not hold a subject and a product of one id, or two different ids, in one queue', async () => {
    const { readModels, append } = laggingReadModels();
    const registering = oneSpellingPerId(readModels);
    const started: string[] = [];
    const run = (label: string, id: string) =>
      registering(label === 'product' ? 'product' : 'subject', id, async (twin) => {
        started.push(label);
        return append(id, twin);
      });
    const all = Promise.all([run('subject', 'Same'), run('product', 'same'), run('other', 'Other')]);
    await pause(1);
    expect(started.sort()).toEqual(['other', 'product', 'subject']);
    await all;
  });
});
