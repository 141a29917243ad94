import type { HTTPGraphQLRequest } from '@apollo/server';

/** A GraphQL request as the cache keys it: everything in it that can change the answer. */
export interface Question {
  readonly key: string;
  /** A GET request: public GET reads are answered with an ETag. */
  readonly get: boolean;
}

const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

const essence = (contentType: string | undefined): string | undefined =>
  contentType?.split(';', 1)[0]!.trim().toLowerCase();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const optional = (value: unknown, valid: (v: unknown) => boolean): boolean =>
  value === undefined || value === null || valid(value);

/**
 * The question a plain GraphQL request over HTTP asks, or null when the request is anything else
 * (a batch, a persisted-query hash without its document, a form post, a GET that Apollo's CSRF
 * prevention would refuse, a malformed body): those go to Apollo, which answers or refuses them, and
 * are never remembered. The `accept` header is part of the key because it picks the content type.
 */
export function questionOf(request: HTTPGraphQLRequest): Question | null {
  const contentType = essence(request.headers.get('content-type'));
  const accept = request.headers.get('accept') ?? '';
  if (request.method === 'POST') {
    if (contentType !== 'application/json' || !isRecord(request.body)) return null;
    const { query, operationName, variables, extensions } = request.body;
    if (typeof query !== 'string') return null;
    if (!optional(operationName, (v) => typeof v === 'string')) return null;
    if (!optional(variables, isRecord) || !optional(extensions, isRecord)) return null;
    const key = keyOf(
      'POST',
      accept,
      operationName,
      JSON.stringify(variables ?? null),
      JSON.stringify(extensions ?? null),
      query,
    );
    return { key, get: false };
  }
  if (request.method === 'GET') {
    if (contentType !== undefined && contentType !== 'application/json') return null;
    const preflighted = contentType !== undefined || PREFLIGHT_HEADERS.some((h) => request.headers.get(h));
    if (!preflighted) return null;
    const params = new URLSearchParams(request.search);
    const query = params.getAll('query');
    if (query.length !== 1) return null;
    const once = (name: string) => {
      const values = params.getAll(name);
      return values.length > 1 ? undefined : (values[0] ?? null);
    };
    const [operationName, variables, extensions] = [once('operationName'), once('variables'), once('extensions')];
    if (operationName === undefined || variables === undefined || extensions === undefined) return null;
    return { key: keyOf('GET', accept, operationName, variables, extensions, query[0]!), get: true };
  }
  return null;
}

function keyOf(
  method: string,
  accept: string,
  operationName: unknown,
  variables: unknown,
  extensions: unknown,
  query: string,
): string {
  return `${method}\u0000${accept}\u0000${String(operationName ?? '')}\u0000${String(variables)}\u0000${String(extensions)}\u0000${query}`;
}
