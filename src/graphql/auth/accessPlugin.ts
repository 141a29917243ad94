import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '../../core/errors';
import type { GraphQLContext } from '../context';
import { toGraphQLError, withHttpStatus } from '../errors';
import type { Authenticator } from './authenticate';
import { refuseAnonymous } from './publicAccess';

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
 * Refuses, after validation and before execution, an operation an anonymous caller may not run
 * (see publicAccess.ts): every root field is private unless allow-listed, so fields added later
 * are protected without a change here.
 */
export const publicAccessPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue }) {
        if (!operation) return;
        const refusal = refuseAnonymous(schema, document, operation, contextValue.actor, request.variables);
        if (refusal) throw withHttpStatus(refusal);
      },
    };
  },
};
