import { ValidationError } from '../core/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The Relay connection arguments: the first n after a cursor, or the last n before one. */
export interface PageWindow {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export interface Page<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
}

export interface PageInfo {
  readonly startCursor: string | null;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

const encode = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
const decode = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/** The page size asked for, checked; `first` wins when neither is given (the default size). */
export function pageSize(window: PageWindow, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE) {
  if (window.first != null && window.last != null)
    throw new ValidationError('Give first or last, not both', { field: 'last' });
  const field = window.last != null ? 'last' : 'first';
  const size = window.last ?? window.first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max)
    throw new ValidationError(`${field} must be between 1 and ${max}`, { field });
  return { size, fromEnd: window.last != null };
}

/**
 * A Relay connection page over a list in a stable order (log order, which a restart rebuilds
 * identically). A cursor names an item, so inserting items does not shift later pages; `first/after`
 * pages forwards, `last/before` backwards, and pageInfo says whether items lie beyond either end.
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, window: PageWindow): Page<T> {
  const { size, fromEnd } = pageSize(window);
  const indexOf = (cursor: string, field: string) => {
    const id = decode(cursor);
    const index = items.findIndex((item) => idOf(item) === id);
    if (index < 0) throw new ValidationError(`${field} is not a cursor of this list`, { field });
    return index;
  };
  const start = window.after ? indexOf(window.after, 'after') + 1 : 0;
  const end = window.before ? indexOf(window.before, 'before') : items.length;
  const from = fromEnd ? Math.max(start, end - size) : start;
  const to = fromEnd ? end : Math.min(end, start + size);
  const edges = items.slice(from, Math.max(from, to)).map((node) => ({ cursor: encode(idOf(node)), node }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: to < items.length,
      hasPreviousPage: from > 0,
    },
  };
}

/** A page with its nodes mapped to output objects, as `edges` and as `nodes`. */
export function mapPage<T, N>(page: Page<T>, map: (item: T) => N) {
  const edges = page.edges.map(({ cursor, node }) => ({ cursor, node: map(node) }));
  return { edges, nodes: edges.map((e) => e.node), totalCount: page.totalCount, pageInfo: page.pageInfo };
}
