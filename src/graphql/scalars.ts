import { GraphQLScalarType, Kind } from 'graphql';
import { isBusinessDate } from '../domain/rules/businessDate';
import { ErrorCode, apiError } from './errors';

const badInput = (message: string) => apiError(ErrorCode.BAD_USER_INPUT, message);

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isBusinessDate(value)) throw badInput('Date must be a calendar date as YYYY-MM-DD');
  return value;
}

/** A business date (decision, registration): YYYY-MM-DD, no time, no zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date as YYYY-MM-DD (a decision or registration date)',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => parseDate(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw badInput('DateTime must be an ISO-8601 instant with a zone, e.g. 2024-12-31T23:59:59Z');
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw badInput('DateTime is not a real instant');
  return instant;
}

/** An instant (recording time): ISO-8601 with a zone. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant with a zone (a recording time)',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
