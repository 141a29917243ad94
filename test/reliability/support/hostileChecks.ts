/**
 * What every answer to hostile input must respect, whatever was sent: checks that return the reason
 * an answer breaks a rule, or null, so one loop can apply all of them to every payload.
 */

/** A value this long is a payload, never an id or a word: no error may carry it back. */
export const LONG_VALUE = 256;

/** Names of the software the server is built on: a refusal names the rule, never the product behind it. */
const SOFTWARE = /apollo|graphql-armor|envelop|express|graphql-js|node\.js/i;
/** Headers a client must send to pass the CSRF check: part of the API, whatever their names say. */
const CSRF_HEADERS = /x-apollo[\w-]*|apollo-require-preflight/gi;

/** A frame of a JavaScript stack trace, as Node prints it or as a JSON log line holds it (after `\\n`). */
const STACK_FRAME = /(?:^|\\n)\s+at (?:[^\n]+ \()?(?:\/|node:|file:)[^\s)]*:\d+:\d+/m;

/** Every string inside `value` (object keys too), depth first. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  return out;
}

/** Samples of each long value sent (its start and its middle): finding one in an error means the value came back. */
function probesOf(sent: readonly string[]): string[] {
  return sent
    .filter((s) => s.length >= LONG_VALUE)
    .flatMap((s) => [s.slice(0, 64), s.slice(Math.floor(s.length / 2), Math.floor(s.length / 2) + 64)]);
}

interface Answer {
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[] | readonly unknown[];
}

/**
 * Why the errors of `answer` break the quiet-error rules, or null. In any mode no long value sent
 * comes back; `production` adds: no suggestions, no stack, no name of the software.
 */
export function loudError(answer: Answer, sent: readonly string[], production: boolean): string | null {
  const errors = (answer.errors ?? []) as { message?: unknown; extensions?: Record<string, unknown> }[];
  const probes = probesOf(sent);
  for (const error of errors) {
    const texts = stringsIn(error);
    const echoed = probes.find((probe) => texts.some((text) => text.includes(probe)));
    if (echoed !== undefined) return `an error echoes a value sent (…${echoed.slice(0, 20)}…)`;
    // Development mode shows stack traces, which name the libraries by their paths.
    const named = production ? texts.find((text) => SOFTWARE.test(text.replace(CSRF_HEADERS, ''))) : undefined;
    if (named !== undefined) return `an error names the server software: ${named.slice(0, 200)}`;
    if (production && texts.some((text) => /Did you mean/.test(text)))
      return `an error suggests values in production: ${String(error.message).slice(0, 200)}`;
    if (production && error.extensions && 'stacktrace' in error.extensions)
      return 'an error carries a stack trace in production';
  }
  return null;
}

/** The first stack frame the server printed, or null: hostile input is the caller's mistake, never a crash report. */
export function stackInOutput(output: string): string | null {
  return STACK_FRAME.exec(output)?.[0] ?? null;
}

/** Why `text`, as the server stored and answers it, should have been refused or normalised; or null. */
export function uncleanText(text: string): string | null {
  if (/\p{Cs}/u.test(text)) return 'a lone surrogate';
  if (/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, ''))) return 'a control character';
  if (/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u.test(text)) return 'a bidi mark, override or isolate';
  if (/[\u2028\u2029]/u.test(text)) return 'a line or paragraph separator';
  if (/[\u{e0000}-\u{e007f}\ufff9-\ufffb]/u.test(text)) return 'a tag or interlinear annotation character';
  if (text !== text.normalize('NFC')) return 'a spelling other than NFC';
  if (
    text.length > 0 &&
    text.replace(/[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{M}]/gu, '') === ''
  )
    return 'nothing visible';
  return null;
}

/** The first string of `data` (an answer's data) that is not clean text, with why; or null. */
export function uncleanData(data: unknown): string | null {
  for (const text of stringsIn(data)) {
    const reason = uncleanText(text);
    if (reason) return `${reason} in ${JSON.stringify(text).slice(0, 80)}`;
  }
  return null;
}
