import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '../../core/errors';
import type { GraphQLContext } from '../../graphql/context';
import { toGraphQLError, withHttpStatus } from '../../graphql/errors';
import type { Authenticator } from './authenticate';
import type { OperationGuard } from './operationGuard';

/**
 * The caller of an HTTP request, from its Authorization header. A refused token fails the request
 * before the document is even parsed (UNAUTHENTICATED, 401).
 */
export async function authenticateRequest(authenticate: Authenticator, authorization: unknown) {
  try {
    return await authenticate(authorization);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw toGraphQLError(error);
  }
}

/**
 * Refuses, after validation and before execution, an operation the guard refuses (operationGuard.ts:
 * anonymous access, cost), with the variables the request carries, as graphql-ws does.
 */
export function operationGuardPlugin(guard: OperationGuard): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const refusal = guard({ document, operation, actor: contextValue.actor, variables: request.variables });
          if (refusal) throw withHttpStatus(refusal);
        },
      };
    },
  };
}
