import type { Actor } from '../../application/metadata';

/**
 * What a caller may see, as a name: two callers with the same read scope get the same answer to the
 * same question, so remembered answers are shared within a scope and never across scopes.
 *
 * Anonymous callers see the public part of the registry (publicAccess.ts). Every signed-in role reads
 * everything, so they share one scope. A role or unit that sees less must get a scope of its own here
 * (for example `${role}:${unit}`), and this is the one place that says so.
 */
export function readScope(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  return 'official';
}
