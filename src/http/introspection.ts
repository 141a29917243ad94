import type { ApolloServerPlugin } from '@apollo/server';
import { NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Actor } from '../application/metadata';
import type { GraphQLContext } from '../graphql/context';
import { ErrorCode, apiError, withHttpStatus } from '../graphql/errors';
import { OperationMemo } from './operationMemo';

/**
 * Who may read the schema through introspection (`__schema`, `__type`) and at GET /schema.graphql:
 * everyone (development), or only signed-in officials of the listed roles (OCOP_INTROSPECTION_ROLES,
 * for code generators run with an ANALYST or AUDITOR token against production).
 */
export interface IntrospectionPolicy {
  readonly everyone: boolean;
  readonly roles: readonly string[];
}

export function mayIntrospect(policy: IntrospectionPolicy, actor: Actor | null): boolean {
  return policy.everyone || (actor !== null && policy.roles.includes(actor.role));
}

/**
 * Refuses introspection to callers the policy leaves out, as GraphQL's own rule would (a validation
 * error, HTTP 400). Apollo itself then allows introspection whenever some role may use it.
 */
export function introspectionPlugin(policy: IntrospectionPolicy): ApolloServerPlugin<GraphQLContext> {
  const refusals = new OperationMemo<string | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          if (mayIntrospect(policy, contextValue.actor)) return;
          const refusal = refusals.get(
            schema,
            document,
            '',
            () => validate(schema, document, [NoSchemaIntrospectionCustomRule])[0]?.message ?? null,
          );
          if (refusal) throw withHttpStatus(apiError(ErrorCode.GRAPHQL_VALIDATION_FAILED, refusal));
        },
      };
    },
  };
}
