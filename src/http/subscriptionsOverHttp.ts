import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';
import { ErrorCode, apiError, withHttpStatus } from '../graphql/errors';

/**
 * A subscription sent as an HTTP request (a client without a WebSocket link) is a client mistake:
 * answer 400 with where subscriptions live, before anything executes.
 */
export const subscriptionsOverHttpPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        const host = request.http?.headers.get('host') ?? 'localhost:4000';
        throw withHttpStatus(
          apiError(
            ErrorCode.BAD_REQUEST,
            `Subscriptions run over WebSocket with the graphql-ws protocol: connect to ws://${host}/graphql ` +
              '(wss:// behind TLS); HTTP serves queries and mutations',
          ),
        );
      },
    };
  },
};
