import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../core/errors';
import { EventStoreUnavailableError } from '../eventStore/eventStore';
import { quietDetails, quietMessage } from './quietMessages';

/**
 * Every `extensions.code` the API answers with. The domain's codes (src/core/errors.ts) plus GraphQL's
 * own for a document that does not parse or validate; clients branch on these, so they never change.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** The request cannot be served on this transport (a subscription sent over HTTP). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A query stopped while it ran: over its time budget, or answering more than the response budget. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** The caller is over a rate or connection limit (HTTP 429). */
  RATE_LIMITED: 'RATE_LIMITED',
} as const satisfies Record<DomainError['code'], string> & Record<string, string>;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status of an error answered before execution; errors during execution answer 200. */
export function httpStatusOf(code: ErrorCode): number {
  if (code === ErrorCode.UNAUTHENTICATED) return 401;
  if (code === ErrorCode.FORBIDDEN) return 403;
  if (code === ErrorCode.UNAVAILABLE) return 503;
  if (code === ErrorCode.RATE_LIMITED) return 429;
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) return 500;
  return 400;
}

/** An error with its code, for places that answer before a resolver runs (scalars, guards, the router). */
export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** The same error with the HTTP status Apollo should answer with (and a Bearer challenge for 401). */
export function withHttpStatus(error: GraphQLError): GraphQLError {
  const status = httpStatusOf(error.extensions['code'] as ErrorCode);
  const headers = new HeaderMap(status === 401 ? [['www-authenticate', 'Bearer']] : []);
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, http: { status, headers } },
  });
}

/** A domain error (or a store outage) thrown outside a resolver, as a GraphQL error with its code and status. */
export function toGraphQLError(error: DomainError | EventStoreUnavailableError): GraphQLError {
  const known = asDomainCode(error);
  return withHttpStatus(apiError(known.code, known.message, known.details));
}

/** The code, message and details a client sees for an error the domain or the store raised. */
function asDomainCode(error: unknown): { code: ErrorCode; message: string; details: Record<string, unknown> } {
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof EventStoreUnavailableError)
    return {
      code: ErrorCode.UNAVAILABLE,
      message: 'The event store is unavailable',
      details: { cause: error.message },
    };
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error', details: {} };
}

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

/** class-validator's nested errors as flat `path: messages`, without the rejected values. */
function flatten(issues: ValidationIssue[], prefix = ''): { field: string; messages: string[] }[] {
  return issues.flatMap((issue) => {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = issue.constraints ? [{ field, messages: Object.values(issue.constraints) }] : [];
    return [...own, ...flatten(issue.children ?? [], field)];
  });
}

/**
 * A stack's frames under the message the client is sent: the stack's own first lines repeat the
 * original message, with the value it quotes.
 */
function quietStack(error: Error, message: string): string[] {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${message}`, ...frames];
}

/**
 * The one place errors become responses. Domain errors carry their code, a store outage is UNAVAILABLE;
 * input validation becomes BAD_USER_INPUT with the fields at fault (never the values); GraphQL's own
 * errors keep their codes; anything else is an INTERNAL_SERVER_ERROR whose details stay in the server log.
 */
export function createFormatError(options: {
  exposeStack: boolean;
  log: (error: unknown) => void;
  /** Keep "Did you mean …?" suggestions (they name the schema's fields and values). */
  suggestions?: boolean;
}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // No value a caller sent comes back in a message (quietMessages.ts).
    const base = {
      message: quietMessage(error, formatted.message, options.suggestions ?? false),
      locations: formatted.locations,
      path: formatted.path,
    };
    const stackUnder = (message: string) =>
      options.exposeStack && original instanceof Error ? { stacktrace: quietStack(original, message) } : {};
    const stack = stackUnder(base.message);
    if (original instanceof DomainError || original instanceof EventStoreUnavailableError) {
      const { code, message, details } = asDomainCode(original);
      const quiet = quietMessage(error, message);
      return { ...base, message: quiet, extensions: { code, ...quietDetails(details), ...stackUnder(quiet) } };
    }
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationIssue[] } })?.extensions
      ?.validationErrors;
    if (validationErrors) {
      return {
        ...base,
        message: 'Argument validation failed',
        extensions: { code: ErrorCode.BAD_USER_INPUT, validationErrors: flatten(validationErrors) },
      };
    }
    const inner = original instanceof GraphQLError ? original.originalError : undefined;
    const innerCode = inner instanceof GraphQLError ? inner.extensions['code'] : undefined;
    const code = innerCode ?? formatted.extensions?.['code'];
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...base, extensions: { code, ...stack } };
    options.log(original);
    return {
      ...base,
      message: 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...stack },
    };
  };
}
