import type { IncomingMessage } from 'node:http';
import { GraphQLError, getOperationAST } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Actor } from '../../application/metadata';
import { RATE_CODE, RateLimitedError, type RateLimiter, type RateLimits } from './rateLimits';
import { runsWholeLogWork } from './executionBudget';
import { type WholeLogLimiter, callerKey, wholeLogPieces } from './wholeLogWork';

/** Close code for a connection refused because the server holds as many as it may (graphql-ws leaves 4400–4499 to servers). */
export const WS_TOO_MANY_CONNECTIONS = 4429;

interface Connection {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  actor?: Actor | null;
}

const refused = (message: string) => [new GraphQLError(message, { extensions: { code: RATE_CODE } })];

/**
 * graphql-ws within limits: at most `maxConnections` open connections, each operation counted against
 * its address and official like an HTTP request, at most `subscriptionsPerConnection` running
 * subscriptions per connection and `anonymousSubscriptions` for anonymous callers together. An operation
 * over a limit is answered with RATE_LIMITED and the connection stays open; a connection over the limit
 * is closed with 4429.
 */
export function limitConnections<P extends Record<string, unknown>, E extends Connection>(
  options: ServerOptions<P, E>,
  limits: RateLimits,
  rate: RateLimiter,
  wholeLog: WholeLogLimiter,
): ServerOptions<P, E> {
  /** Whole-log work of each running operation, released when it completes or its connection closes. */
  const work = new Map<object, Map<string, () => void>>();
  const finish = (ctx: object, id?: string) => {
    const mine = work.get(ctx);
    for (const [key, release] of mine ?? []) if (id === undefined || key === id) release();
    if (id === undefined) work.delete(ctx);
    else mine?.delete(id);
  };
  let open = 0;
  let anonymous = 0;
  const running = new Map<object, { ids: Set<string>; anonymous: boolean }>();
  const release = (ctx: object, id?: string) => {
    const state = running.get(ctx);
    if (!state) return;
    for (const done of id === undefined ? [...state.ids] : [id]) {
      if (state.ids.delete(done) && state.anonymous) anonymous--;
    }
    if (id === undefined) running.delete(ctx);
  };
  return {
    ...options,
    onConnect: async (ctx) => {
      if (open >= limits.maxConnections) {
        ctx.extra.socket.close(WS_TOO_MANY_CONNECTIONS, 'Too many connections: try again later');
        return false;
      }
      const accepted = (await options.onConnect?.(ctx)) ?? true;
      if (accepted === false) return false;
      open++;
      ctx.extra.socket.once('close', () => {
        open--;
        release(ctx);
        finish(ctx);
      });
      return accepted;
    },
    onSubscribe: async (ctx, id, payload) => {
      const actor = ctx.extra.actor ?? null;
      try {
        await rate.admit(ctx.extra.request.socket.remoteAddress, actor);
      } catch (error) {
        if (error instanceof RateLimitedError) return [error];
        throw error;
      }
      const accepted = await options.onSubscribe?.(ctx, id, payload);
      if (!accepted || Array.isArray(accepted) || !('document' in accepted)) return accepted;
      const operation = getOperationAST(accepted.document, accepted.operationName);
      if (operation && operation.operation === 'query') {
        const variables = (accepted.variableValues ?? undefined) as Record<string, unknown> | undefined;
        const pieces = wholeLogPieces(accepted.schema, accepted.document, operation, variables);
        const acquired = wholeLog.acquire(callerKey(actor), pieces.size);
        if (acquired instanceof GraphQLError) return [acquired];
        if (pieces.size > 0 && typeof accepted.contextValue === 'object' && accepted.contextValue !== null)
          runsWholeLogWork(accepted.contextValue);
        work.set(ctx, (work.get(ctx) ?? new Map()).set(id, acquired));
      }
      if (operation?.operation !== 'subscription') return accepted;
      const state = running.get(ctx) ?? { ids: new Set<string>(), anonymous: actor === null };
      if (state.ids.size >= limits.subscriptionsPerConnection)
        return refused(`Too many subscriptions on this connection: at most ${limits.subscriptionsPerConnection}`);
      if (actor === null && anonymous >= limits.anonymousSubscriptions)
        return refused('Too many anonymous subscriptions: sign in, or try again later');
      running.set(ctx, state);
      state.ids.add(id);
      if (state.anonymous) anonymous++;
      return accepted;
    },
    onComplete: async (ctx, id, payload) => {
      release(ctx, id);
      finish(ctx, id);
      await options.onComplete?.(ctx, id, payload);
    },
  };
}
