import { foldId } from '../domain/rules/ids';
import type { GlobalPosition } from '../eventStore/eventStore';

export type IdKind = 'subject' | 'product';

/**
 * The ids already recorded, as the read models this process holds know them; only this much of the
 * read side is the write side's to see.
 */
export interface KnownIds {
  /**
   * The id of a recorded `kind` equal to `id` ignoring case but spelled otherwise, when `id` itself is
   * not recorded (the earliest registered, when an older log holds several spellings); else null.
   */
  twinOf(kind: IdKind, id: string): string | null;
  /** Resolves once the read models hold every event the store held when it was called, whoever wrote it. */
  caughtUp(): Promise<void>;
  /** Resolves once the read models hold what was appended up to `position`. */
  reached(position: GlobalPosition): Promise<void>;
}

/** For tools and tests that keep no read models: nothing is known, so no spelling is refused. */
export const NOTHING_KNOWN: KnownIds = {
  twinOf: () => null,
  caughtUp: () => Promise.resolve(),
  reached: () => Promise.resolve(),
};

/** What a registration answers, as far as the guard needs to know. */
interface Appended {
  readonly position: GlobalPosition | null;
}

/**
 * Ids unique regardless of case. Each id is its own stream, so the store cannot refuse `HTX-01` beside
 * `htx-01`: the registration asks the read models for another spelling of its id and the decider
 * refuses it (CONFLICT naming the recorded id). Events stay as they were written; ids keep the case the
 * client gave.
 *
 * Read models trail the log, so two registrations of `Abc` and `abc` running at once would both find
 * nothing. Registrations are therefore taken one at a time per folded id in this process, and each
 * holds its turn until the read models hold what it appended: the next one finds it. Before it looks,
 * a registration also lets the read models catch up with the head of the log, so a spelling another
 * server had recorded by then is found too.
 *
 * What does not hold across processes: two servers registering two spellings at the same moment (each
 * looks before the other's append reaches the store) may both succeed, and a server reading the log
 * from a replica that lags sees only what the replica holds. A deployment with several writing
 * servers that must never allow it needs a reservation the store itself decides, such as a stream per
 * folded id appended with `no_stream`.
 */
export function oneSpellingPerId(known: KnownIds) {
  const turns = new Map<string, Promise<unknown>>();

  return async function registering<R extends Appended>(
    kind: IdKind,
    id: string,
    run: (twin: { sameIdIgnoringCase?: string }) => Promise<R>,
  ): Promise<R> {
    const key = `${kind}/${foldId(id)}`;
    const mine = (turns.get(key) ?? Promise.resolve()).then(async () => {
      await known.caughtUp();
      const twin = known.twinOf(kind, id);
      const result = await run(twin === null ? {} : { sameIdIgnoringCase: twin });
      // Whether the read models keep up is the caller's to report (runCommand waits too); the turn ends either way.
      if (result.position) await known.reached(result.position).catch(() => undefined);
      return result;
    });
    const done = mine.catch(() => undefined);
    turns.set(key, done);
    try {
      return await mine;
    } finally {
      if (turns.get(key) === done) turns.delete(key);
    }
  };
}
