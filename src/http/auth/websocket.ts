import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  type ValidationRule,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Actor } from '../../application/metadata';
import { DomainError } from '../../core/errors';
import type { GraphQLContext } from '../../graphql/context';
import { ErrorCode, apiError } from '../../graphql/errors';
import type { Authenticator } from './authenticate';
import type { OperationGuard } from './operationGuard';
import type { QueryLimits } from './queryLimits';
import { overBudget } from '../limits/executionBudget';

/** Close code for a connection whose token is refused (graphql-ws's `Unauthorized`). */
export const WS_UNAUTHENTICATED = 4401;

type Connection = Extra & Partial<{ actor: Actor | null }>;

export interface WebSocketGuard {
  readonly schema: GraphQLSchema;
  readonly authenticate: Authenticator;
  /** The same checks HTTP runs before execution (operationGuard.ts). */
  readonly guard: OperationGuard;
  /** Largest answer to one operation, in bytes of JSON (limits/executionBudget.ts). */
  readonly maxResponseBytes: number;
  readonly limits: QueryLimits;
  /** graphql-armor's validation rules (depth, cost, aliases, directives), as Apollo gets them. */
  readonly limitRules: readonly ValidationRule[];
  readonly mayIntrospect: (actor: Actor | null) => boolean;
  readonly fieldSuggestions: boolean;
  readonly contextFor: (connection: Connection, actor: Actor | null) => GraphQLContext;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const withCode = (error: GraphQLError, code: ErrorCode): GraphQLError =>
  error.extensions['code']
    ? error
    : new GraphQLError(error.message, {
        nodes: error.nodes,
        originalError: error.originalError,
        extensions: { ...error.extensions, code },
      });

/**
 * graphql-ws on the same rules as HTTP: the token comes in `connectionParams.authorization` (or the
 * upgrade request's Authorization header); a refused token closes the connection with 4401. Every
 * operation is parsed with the token limit, validated with the same limits, and checked against
 * the public allow-list before anything executes; errors are formatted as over HTTP.
 */
export function guardedWebSocketOptions(guard: WebSocketGuard): ServerOptions<Record<string, unknown>, Connection> {
  const rules = [...specifiedRules, ...guard.limitRules];
  const introspectionRule = [NoSchemaIntrospectionCustomRule];
  const format = (error: GraphQLError) => guard.formatError(error.toJSON(), error);
  return {
    onConnect: async (ctx) => {
      try {
        const given = ctx.connectionParams?.['authorization'] ?? ctx.extra.request.headers.authorization;
        ctx.extra.actor = await guard.authenticate(given);
        return true;
      } catch (error) {
        const reason = error instanceof DomainError ? error.message : 'The token could not be verified';
        ctx.extra.socket.close(WS_UNAUTHENTICATED, `Unauthenticated: ${reason}`.slice(0, 120));
        return false;
      }
    },
    onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: guard.limits.maxTokens });
      } catch (error) {
        return [withCode(error as GraphQLError, ErrorCode.GRAPHQL_PARSE_FAILED)];
      }
      const actor = ctx.extra.actor ?? null;
      const checks = guard.mayIntrospect(actor) ? rules : [...rules, ...introspectionRule];
      const invalid = validate(guard.schema, document, checks, { hideSuggestions: !guard.fieldSuggestions });
      if (invalid.length > 0) return invalid.map((e) => withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED));
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [apiError(ErrorCode.BAD_USER_INPUT, 'Unable to identify operation')];
      const refusal = guard.guard({ document, operation, actor, variables: payload.variables ?? undefined });
      if (refusal) return [refusal];
      // Variables that do not coerce are the caller's mistake (BAD_USER_INPUT, as over HTTP), found
      // before anything runs; graphql-ws would otherwise answer them as an execution error without a code.
      const coerced = getVariableValues(guard.schema, operation.variableDefinitions ?? [], payload.variables ?? {});
      if (coerced.errors) return coerced.errors.map((e) => withCode(e, ErrorCode.BAD_USER_INPUT));
      return {
        schema: guard.schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: guard.contextFor(ctx.extra, actor),
      };
    },
    onNext: (_ctx, _id, _payload, args, result) => {
      const formatted = result.errors ? { ...result, errors: result.errors.map(format) } : result;
      const mutation = getOperationAST(args.document, args.operationName)?.operation === 'mutation';
      const replacement = mutation ? null : overBudget(formatted, guard.maxResponseBytes);
      return (replacement as typeof result | null) ?? (formatted === result ? undefined : formatted);
    },
    onError: (_ctx, _id, _payload, errors) => errors.map(format),
  };
}
