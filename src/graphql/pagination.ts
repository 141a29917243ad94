import { ValidationError } from '../core/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const encode = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
const decode = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * Cursor pages over a list in a stable order (log order, which a restart rebuilds identically).
 * The cursor names the last item seen, so inserting items does not shift later pages.
 */
export function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  first?: number | null,
  after?: string | null,
) {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ValidationError(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  let start = 0;
  if (after) {
    const id = decode(after);
    const index = items.findIndex((item) => idOf(item) === id);
    if (index < 0) throw new ValidationError('after is not a cursor of this list', { field: 'after' });
    start = index + 1;
  }
  const page = items.slice(start, start + size);
  const last = page.at(-1);
  return {
    items: page,
    totalCount: items.length,
    pageInfo: { endCursor: last ? encode(idOf(last)) : null, hasNextPage: start + size < items.length },
  };
}
