import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Observability } from './index';
import { type RequestScope, newRequestScope, runInRequestScope } from './requestScope';

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
/** Probes and scrapes come every few seconds: their lines are debug, so they do not drown the rest. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The code a response that never reached GraphQL stands for (a refused token, an oversized body). */
function codeOfStatus(status: number): string {
  if (status < 400) return 'OK';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  return status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
}

/**
 * Serves one HTTP request inside its scope: takes or makes its request and correlation ids, echoes
 * both on the response, runs `handle` in a server span, and when the response is sent writes the
 * access line and counts it. The line holds the path without its query string, never variables,
 * tokens or bodies.
 */
export function observeHttp(
  { logger, metrics, tracing }: Observability,
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  const scope = newRequestScope(request.headers);
  response.setHeader('x-request-id', scope.requestId);
  response.setHeader('x-correlation-id', scope.correlationId);
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const route = ROUTES.has(path) ? path : 'other';
  response.once('close', () =>
    runInRequestScope(scope, () => {
      const status = response.statusCode;
      const seconds = Number(process.hrtime.bigint() - scope.startedAt) / 1e9;
      const code = scope.resultCode ?? codeOfStatus(status);
      metrics.httpAnswered(route, status);
      if (route === '/graphql') metrics.graphqlAnswered(operationNameOf(scope), operationTypeOf(scope), code, seconds);
      const level = status >= 500 ? 'error' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
      logger[level](accessLine(scope, { method, path: path.slice(0, 200), status, code, seconds }), 'request');
    }),
  );
  return runInRequestScope(scope, () =>
    tracing.inSpan(
      `${method} ${route}`,
      { kind: 'server', attributes: { 'http.request.method': method, 'url.path': route }, parentFrom: request.headers },
      async (span) => {
        await handle();
        span.setAttributes({ 'http.response.status_code': response.statusCode });
      },
    ),
  );
}

function accessLine(
  scope: RequestScope,
  response: { method: string; path: string; status: number; code: string; seconds: number },
) {
  const actor = scope.actor ? { sub: scope.actor.id, role: scope.actor.role, unit: scope.actor.unit } : null;
  return {
    method: response.method,
    path: response.path,
    operationName: operationNameOf(scope) ?? null,
    operationType: operationTypeOf(scope) ?? null,
    remembered: scope.remembered === true,
    status: response.status,
    code: response.code,
    durationMs: Math.round(response.seconds * 1e4) / 10,
    actor,
  };
}

/** GraphQL's name for the operation; the name the request gave when GraphQL never parsed it. */
const operationNameOf = (scope: RequestScope): string | undefined => scope.operationName ?? scope.named;
/** A remembered answer is always a query's (mutations and subscriptions are never remembered). */
const operationTypeOf = (scope: RequestScope): string | undefined =>
  scope.operationType ?? (scope.remembered ? 'query' : undefined);
