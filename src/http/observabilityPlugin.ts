import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';
import { formatPosition } from '../eventStore/eventStore';
import type { Tracing } from '../observability/tracing';
import { currentRequest } from '../observability/requestScope';
import { POSITION_HEADER } from './readYourWrites';

/**
 * Tells the request's scope what GraphQL made of it (operation name and type, the caller, the result
 * code) for the access line and the metrics, names the operation's span, and gives a mutation's
 * answer the log position its commands reached: the `position` extension and `x-ocop-position`,
 * which a client sends back as `x-ocop-min-position` to read its own writes on any replica.
 */
export function observabilityPlugin(tracing: Tracing): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          const scope = currentRequest();
          if (!scope || !operation) return;
          scope.operationName = operationName ?? undefined;
          scope.operationType = operation.operation;
          scope.actor = contextValue.actor;
          tracing.activeSpan()?.rename(`${operation.operation} ${operationName ?? 'anonymous'}`);
          tracing.activeSpan()?.setAttributes({
            'graphql.operation.type': operation.operation,
            'graphql.operation.name': operationName ?? '',
          });
        },
        async willSendResponse({ response, contextValue }) {
          const scope = currentRequest();
          if (!scope) return;
          scope.actor ??= contextValue.actor;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.['code'];
          scope.resultCode = errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'OK';
          if (!contextValue.reached || response.body.kind !== 'single') return;
          const position = formatPosition(contextValue.reached);
          response.http.headers.set(POSITION_HEADER, position);
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, position };
        },
      };
    },
  };
}
