import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from '../../core/errors';
import type { GraphQLContext } from '../context';
import type { Authenticator } from './authenticate';
import { refuseAnonymous } from './publicAccess';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, UNAVAILABLE: 503 };

/** The error with the HTTP status Apollo should answer with (and a challenge for 401). */
function withStatus(error: GraphQLError): GraphQLError {
  const code = String(error.extensions['code']);
  const status = STATUS[code] ?? 400;
  const headers = new HeaderMap(status === 401 ? [['www-authenticate', 'Bearer']] : []);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status, headers } } });
}

/**
 * The caller of an HTTP request, from its Authorization header. A refused token fails the request
 * before the document is even parsed (UNAUTHENTICATED, 401).
 */
export async function authenticateRequest(authenticate: Authenticator, authorization: unknown) {
  try {
    return await authenticate(authorization);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw withStatus(new GraphQLError(error.message, { extensions: { code: error.code } }));
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
        if (refusal) throw withStatus(refusal);
      },
    };
  },
};
