import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../application/metadata';

/** What one request is, as far as it has gone: filled in by the HTTP layer, the GraphQL plugin and commands. */
export interface RequestScope {
  readonly requestId: string;
  readonly correlationId: string;
  readonly startedAt: bigint;
  operationName?: string;
  operationType?: string;
  /** The first error's `extensions.code`, or OK. */
  resultCode?: string;
  actor?: Actor | null;
  /** The operation name the request gave, for answers that never reach GraphQL's own parsing. */
  named?: string;
  /** Answered with a remembered answer, without executing (always a query). */
  remembered?: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** An id a client may choose: short, and nothing a log line or a header could be made to misread. */
const CLIENT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function given(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && CLIENT_ID.test(value) ? value : undefined;
}

/**
 * The request's ids: the client's `x-request-id` and `x-correlation-id` when they are well-formed,
 * otherwise new ones. A request that names no correlation id starts a correlation of its own.
 */
export function requestIdsFrom(headers: IncomingHttpHeaders): { requestId: string; correlationId: string } {
  const requestId = given(headers, 'x-request-id') ?? randomUUID();
  return { requestId, correlationId: given(headers, 'x-correlation-id') ?? requestId };
}

export function newRequestScope(headers: IncomingHttpHeaders): RequestScope {
  return { ...requestIdsFrom(headers), startedAt: process.hrtime.bigint() };
}

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return scopes.run(scope, run);
}

/** The request being served, if any (start-up, the projection runner and the CLI run outside one). */
export function currentRequest(): RequestScope | undefined {
  return scopes.getStore();
}

/** Keeps the `operationName` a GraphQL request names (JSON body or query string), as the client gave it. */
export function noteNamedOperation(body: unknown, search: URLSearchParams): void {
  const scope = currentRequest();
  if (!scope) return;
  const given = typeof body === 'object' && body !== null ? (body as { operationName?: unknown }).operationName : null;
  const name = typeof given === 'string' ? given : search.get('operationName');
  if (name) scope.named = name.slice(0, 64);
}

/** Notes whether the request was answered from the remembered answers. */
export function noteRemembered(hit: boolean): void {
  const scope = currentRequest();
  if (scope) scope.remembered = hit;
}
