import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../core/errors';

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
 * The one place errors become responses. Domain errors carry their code; input validation becomes
 * BAD_USER_INPUT with the fields at fault (never the values); GraphQL's own errors keep their codes;
 * anything else is an INTERNAL_SERVER_ERROR whose details stay in the server log.
 */
export function createFormatError(options: { exposeStack: boolean; log: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const stack = options.exposeStack && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {};
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details, ...stack } };
    }
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationIssue[] } })?.extensions
      ?.validationErrors;
    if (validationErrors) {
      return {
        ...base,
        message: 'Argument validation failed',
        extensions: { code: 'BAD_USER_INPUT', validationErrors: flatten(validationErrors) },
      };
    }
    const inner = original instanceof GraphQLError ? original.originalError : undefined;
    const innerCode = inner instanceof GraphQLError ? inner.extensions['code'] : undefined;
    const code = innerCode ?? formatted.extensions?.['code'];
    if (code && code !== 'INTERNAL_SERVER_ERROR') return { ...base, extensions: { code, ...stack } };
    options.log(original);
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', ...stack } };
  };
}
