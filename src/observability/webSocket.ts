import { getOperationAST } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocketServer } from 'ws';
import type { Metrics } from './metrics';

/** Counts open graphql-ws connections on `wsServer`. */
export function countConnections(wsServer: WebSocketServer, metrics: Metrics): void {
  wsServer.on('connection', (socket) => {
    metrics.webSocketOpened();
    socket.once('close', () => metrics.webSocketClosed());
  });
}

/** graphql-ws options that also count the subscriptions running, from accepted to completed. */
export function countSubscriptions<P extends Record<string, unknown>, E>(
  options: ServerOptions<P, E>,
  metrics: Metrics,
): ServerOptions<P, E> {
  const running = new WeakMap<object, Set<string>>();
  return {
    ...options,
    onSubscribe: async (ctx, id, payload) => {
      const accepted = await options.onSubscribe?.(ctx, id, payload);
      if (accepted && !Array.isArray(accepted) && 'document' in accepted) {
        const operation = getOperationAST(accepted.document, accepted.operationName);
        if (operation?.operation === 'subscription') {
          const ids = running.get(ctx) ?? new Set<string>();
          running.set(ctx, ids.add(id));
          metrics.subscriptionStarted();
        }
      }
      return accepted;
    },
    onComplete: async (ctx, id, payload) => {
      if (running.get(ctx)?.delete(id)) metrics.subscriptionEnded();
      await options.onComplete?.(ctx, id, payload);
    },
  };
}
