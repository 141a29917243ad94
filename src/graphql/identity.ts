import { ValidationError } from '../core/errors';
import { type CutQuestion, NOW_KEY } from './cut';

/**
 * Identities a normalized cache (Apollo Client, urql, Relay) can trust. An object's `id` names it
 * together with the cut it was read at: as it is now, plainly (`mien-dong`); as it was, with the cut
 * after an `@` (`mien-dong@asOf:2024-12-01T00:00:00.000Z`, `mien-dong@at:42:42`). An answer about the
 * past never overwrites the present in a cache, and the same question always gives the same id.
 */
export function identify(key: string, cut: string): string {
  return cut === NOW_KEY ? key : `${key}@${cut}`;
}

/**
 * The entity an id given to a lookup names, and the cut it carries: `product(id:)` accepts the ids it
 * hands out, so a historic object can be fetched again. Given both, the id's cut and asOf/atPosition
 * must not disagree.
 */
export function lookup(id: string, question: CutQuestion): { id: string; question: CutQuestion } {
  const at = id.indexOf('@');
  if (at < 0) return { id, question };
  if (question.asOf || question.atPosition)
    throw new ValidationError('The id already names a time: give no asOf or atPosition with it', { field: 'id' });
  const cut = id.slice(at + 1);
  if (cut.startsWith('asOf:')) {
    const asOf = new Date(cut.slice('asOf:'.length));
    if (!Number.isNaN(asOf.getTime())) return { id: id.slice(0, at), question: { asOf } };
  }
  if (cut.startsWith('at:')) return { id: id.slice(0, at), question: { atPosition: cut.slice('at:'.length) } };
  throw new ValidationError(`${id} is not an id this service handed out`, { field: 'id' });
}
