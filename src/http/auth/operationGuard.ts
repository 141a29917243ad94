import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Actor } from '../../application/metadata';
import { refuseAnonymous } from './publicAccess';

/** One operation about to execute, as every transport hands it over: document, operation, caller and variables. */
export interface OperationRequest {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly actor: Actor | null;
  readonly variables: Record<string, unknown> | undefined;
}

/** Null when the operation may run; otherwise the error to answer with instead of running it. */
export type OperationGuard = (request: OperationRequest) => GraphQLError | null;

export type OperationCheck = (schema: GraphQLSchema, request: OperationRequest) => GraphQLError | null;

/**
 * The checks an operation passes after validation and before execution, the same over HTTP and
 * graphql-ws, always with the variables it will execute with: a check that saw other values than
 * execution does would judge a different operation.
 */
export function createOperationGuard(schema: GraphQLSchema, checks: readonly OperationCheck[] = []): OperationGuard {
  const all: OperationCheck[] = [
    (s, { document, operation, actor, variables }) => refuseAnonymous(s, document, operation, actor, variables ?? {}),
    ...checks,
  ];
  return (request) => {
    for (const check of all) {
      const refusal = check(schema, request);
      if (refusal) return refusal;
    }
    return null;
  };
}
