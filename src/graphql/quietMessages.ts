import { GraphQLError } from 'graphql';

/**
 * Longest message an error may carry once quieted: a message is a sentence, never a payload. Long
 * enough for the longest sentence the server writes itself (the CSRF refusal, which ends with the
 * headers a client must send).
 */
const MAX_MESSAGE_LENGTH = 400;

/**
 * GraphQL's sentences that quote a value: "<Scalar> cannot represent …: <value>", "Expected value of
 * type …, found <value>", "Argument … has invalid value <value>", "Value <value> does not exist in …
 * enum", and "Did you mean …" suggestions (which name the schema's values).
 */
function withoutValue(reason: string, suggestions: boolean): string {
  const quiet = suggestions ? reason : reason.replace(/ ?Did you mean .*$/s, '');
  return quiet
    .replace(/^Value .* does not exist in ("[^"]*" enum)\..*$/s, 'Value does not exist in $1.')
    .replace(/^(.*?cannot represent[^:]*): .*$/s, '$1.')
    .replace(/^(Expected value of type "[^"]*"), found .*$/s, '$1.')
    .replace(/^(Argument "[^"]*" has invalid value) .*$/s, '$1.')
    .replace(/^(Argument "[^"]*" of type "[^"]*") has invalid value .*$/s, '$1 has an invalid value.');
}

const VARIABLE = /^Variable "(\$[A-Za-z_][A-Za-z0-9_]*)" got invalid value /;
const AT_PATH = / at "([A-Za-z0-9_$.[\]]*)"$/;

/**
 * A GraphQL error's message without the values it was given: `Variable "$input" got invalid value
 * <10 KB>; Expected …` becomes `Variable "$input" got an invalid value at "input.name"; Expected …`.
 * Values come back to their sender only as their path, so an error is never larger than its sentence.
 * "Did you mean …" suggestions stay only when `suggestions` (development).
 */
export function quietMessage(error: unknown, message: string, suggestions = false): string {
  const variable = VARIABLE.exec(message);
  if (variable) {
    const inner = error instanceof GraphQLError ? error.originalError : undefined;
    const reason = inner?.message ?? message.slice(message.lastIndexOf('; ') + 2);
    const head = message.slice(0, message.length - reason.length - 2);
    const at = AT_PATH.exec(head);
    return `Variable "${variable[1]}" got an invalid value${at ? ` at "${at[1]}"` : ''}; ${withoutValue(reason, suggestions)}`;
  }
  if (/introspection/i.test(message) && /(not allowed|disabled)/i.test(message)) return 'Introspection is disabled';
  // A run of 65+ characters without a space is a value (a pasted id, a payload), never a word.
  const quiet = withoutValue(message, suggestions).replace(/\S{65,}/g, '…');
  return quiet.length > MAX_MESSAGE_LENGTH ? `${quiet.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : quiet;
}

/** Longest string a domain error's details may carry: an id or a field name, never a payload. */
const MAX_DETAIL_LENGTH = 200;

/** A domain error's details without any string longer than an id (such as a 200 KB stream id sent back). */
export function quietDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([, value]) => typeof value !== 'string' || value.length <= MAX_DETAIL_LENGTH),
  );
}
