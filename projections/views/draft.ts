/**
 * The writable form of a read-model view, for its own projection's `evolve` only. Everything else
 * sees the views as readonly: answers are shared between requests and kept (`remembered`), so a
 * caller that sorted or changed one would change every later answer.
 */
export type Draft<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
