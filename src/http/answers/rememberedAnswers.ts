import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, type HTTPGraphQLRequest, type HTTPGraphQLResponse, HeaderMap } from '@apollo/server';
import type { Actor } from '../../application/metadata';
import { vietnamDate } from '../../domain/rules/businessDate';
import { formatPosition } from '../../eventStore/eventStore';
import type { ProjectionRunner } from '#projections/runner';
import { readScope } from '../auth/readScope';
import { type AnswerCacheStats, AnswerCache, type RememberedAnswer } from './answerCache';
import { isRemembered } from './rememberable';
import { questionOf } from './question';

export interface RememberedAnswersOptions {
  /** The byte budget of remembered answers; 0 turns remembering off. */
  readonly maxBytes: number;
  /** Told of every lookup (for a cache-hit metric). */
  readonly onLookup?: (outcome: 'hit' | 'miss') => void;
}

export interface RememberedAnswers {
  /** Marks the requests whose answers may be remembered: add it to Apollo's plugins. */
  readonly plugin: ApolloServerPlugin;
  /**
   * The answer to an HTTP GraphQL request: remembered, or from `execute` (Apollo), and then remembered
   * when the plugin allowed it. `actor` is the caller, authenticated before anything is looked up.
   */
  answer(
    request: HTTPGraphQLRequest,
    actor: Promise<Actor | null>,
    execute: () => Promise<HTTPGraphQLResponse>,
  ): Promise<HTTPGraphQLResponse>;
  stats(): AnswerCacheStats;
}

/**
 * Every answer of the registry is a function of the log position the read models have reached, the
 * day (certificate statuses are judged on it, in Vietnam) and what the caller may see. A repeated
 * question at the same position, on the same day, in the same read scope, is answered with the
 * bytes sent the first time, without executing anything.
 *
 * What keeps this honest: the caller is authenticated first (a refused token never reaches the
 * cache); only answers Apollo produced for the same scope are stored, so the public-access check and
 * the query limits already passed for that question; nothing with errors, no mutation, no
 * subscription, nothing the plugin does not mark; an answer is stored only if no event was applied
 * while it was computed; and a mutation answers after its events are applied, so the next question
 * finds a new position and an empty cache (read-your-writes).
 */
export function createRememberedAnswers(
  runner: ProjectionRunner,
  clock: () => Date,
  options: RememberedAnswersOptions,
): RememberedAnswers {
  const cache = new AnswerCache(options.maxBytes);
  const rememberable = new WeakSet<HTTPGraphQLRequest>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, document, schema }) {
          if (request.http && isRemembered(schema, operation, document, response)) rememberable.add(request.http);
        },
      };
    },
  };

  async function answer(
    request: HTTPGraphQLRequest,
    actor: Promise<Actor | null>,
    execute: () => Promise<HTTPGraphQLResponse>,
  ): Promise<HTTPGraphQLResponse> {
    actor.catch(() => undefined); // a refused token is Apollo's to answer, whether or not it is awaited here
    const question = options.maxBytes > 0 && runner.isReady() ? askedIn(request) : null;
    if (!question) return execute();
    let caller: Actor | null;
    try {
      caller = await actor;
    } catch {
      return execute(); // Apollo answers the refusal
    }
    const scope = readScope(caller);
    const position = runner.position;
    const key = `${scope}\u0000${vietnamDate(clock())}\u0000${question.key}`;
    const known = cache.get(position, key);
    options.onLookup?.(known ? 'hit' : 'miss');
    if (known) return respond(known, request);
    const result = await execute();
    const status = result.status ?? 200;
    if (!rememberable.has(request) || result.body.kind !== 'complete' || status !== 200) return result;
    if (runner.position !== position) return result;
    const publicGet = question.get && scope === readScope(null);
    const remembered: RememberedAnswer = {
      status,
      headers: [...result.headers],
      body: result.body.string,
      etag: publicGet ? etagOf(position ? formatPosition(position) : 'empty', key) : null,
    };
    cache.set(position, key, remembered);
    return respond(remembered, request);
  }

  return { plugin, answer, stats: () => cache.stats() };
}

/** The question, or null for one that cannot be keyed (variables nested too deep to serialize): Apollo answers it. */
function askedIn(request: HTTPGraphQLRequest) {
  try {
    return questionOf(request);
  } catch {
    return null;
  }
}

/** A strong validator for one question at one log position, on one day, in one read scope. */
function etagOf(position: string, key: string): string {
  return `"${createHash('sha256').update(position).update('\u0000').update(key).digest('base64url').slice(0, 32)}"`;
}

/** The remembered answer; for a public GET, with its ETag, and 304 when the client holds it already. */
function respond(answer: RememberedAnswer, request: HTTPGraphQLRequest): HTTPGraphQLResponse {
  const headers = new HeaderMap(answer.headers as [string, string][]);
  if (!answer.etag) return { status: answer.status, headers, body: { kind: 'complete', string: answer.body } };
  headers.set('etag', answer.etag);
  // The same address answers JSON or another media type, and another reader's answer with a token.
  headers.set('vary', 'Accept, Authorization');
  // Stored, but asked again every time: the answer changes with the next event.
  headers.set('cache-control', 'no-cache');
  if (matches(request.headers.get('if-none-match'), answer.etag)) {
    headers.delete('content-type');
    return { status: 304, headers, body: { kind: 'complete', string: '' } };
  }
  return { status: answer.status, headers, body: { kind: 'complete', string: answer.body } };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
