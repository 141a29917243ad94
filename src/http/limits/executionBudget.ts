import { DEFAULT_SLICE_MS, type FairSlices, wholeLogSlices } from '../../core/fairSlices';
import type { GraphQLContext } from '../../graphql/context';
import { ErrorCode } from '../../graphql/errors';
import type { ApolloServerPlugin, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import {
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  defaultFieldResolver,
  getNamedType,
  isCompositeType,
  isObjectType,
} from 'graphql';

/** The code of a query stopped while it ran: over its time budget, or answering more than the response budget. */
export const BUDGET_CODE = ErrorCode.LIMIT_EXCEEDED;

export interface ExecutionBudget {
  /** Longest a query may run, in milliseconds. */
  readonly timeMs: number;
  /**
   * Longest a query doing whole-log work (a replay, a digest, a scan by type) may run. That work takes
   * turns with everything else on the event loop and is counted by the whole-log limiter, so a long
   * run slows only itself: on a large log, or beside other such work, it needs far longer than a page.
   */
  readonly wholeLogTimeMs: number;
  /** Largest answer, in bytes of JSON. */
  readonly maxResponseBytes: number;
  /** Milliseconds now (tests pass a clock of their own). */
  readonly now?: () => number;
}

const overTime = (timeMs: number) =>
  new GraphQLError(`The query ran longer than its time budget of ${timeMs} ms: ask for less`, {
    extensions: { code: BUDGET_CODE },
  });

const overSize = (bytes: number) =>
  new GraphQLError(`The answer is larger than the response budget of ${bytes} bytes: ask for fewer fields or items`, {
    extensions: { code: BUDGET_CODE },
  });

const wrapped = new WeakSet<GraphQLSchema>();
/** Requests (their contexts) doing whole-log work: they run under the whole-log time budget. */
const wholeLogRequests = new WeakSet<object>();

/** Called before execution for a request whose operation does whole-log work (wholeLogWork.ts counts it). */
export function runsWholeLogWork(context: object): void {
  wholeLogRequests.add(context);
}

const isGraphQLContext = (context: object): context is GraphQLContext => 'outOfTime' in context;

/** Where one query stands: its deadline, and when its current turn on the event loop began. */
interface QueryClock {
  readonly deadline: number;
  readonly timeMs: number;
  turnBegan: number;
}

/**
 * Stops a query that runs past its time budget (`wholeLogTimeMs` when it does whole-log work, else
 * `timeMs`), and makes a long one share the event loop: every field that returns an object checks the
 * deadline of its request before resolving (leaf fields are not wrapped: they are most of the work of
 * a page and resolve from their parent object), and once the query has run for a slice without a
 * break, it waits for its turn in the process's one queue of long work (src/core/fairSlices.ts) before
 * going on. A cheap query never waits; a long one cannot hold the loop for more than about a slice, so
 * other requests are answered while it runs. Mutations and subscription events are left to finish: a
 * mutation has been recorded by the time its answer is built.
 */
export function enforceTimeBudget(
  schema: GraphQLSchema,
  budget: Pick<ExecutionBudget, 'timeMs' | 'wholeLogTimeMs'>,
  clock: () => number = Date.now,
  slices: FairSlices = wholeLogSlices,
): void {
  if (wrapped.has(schema)) return;
  wrapped.add(schema);
  const clocks = new WeakMap<object, QueryClock>();
  const clockOf = (context: object): QueryClock => {
    let known = clocks.get(context);
    if (known) return known;
    const timeMs = wholeLogRequests.has(context) ? budget.wholeLogTimeMs : budget.timeMs;
    known = { deadline: clock() + timeMs, timeMs, turnBegan: performance.now() };
    clocks.set(context, known);
    const { deadline } = known;
    // For a long loop inside one field (a digest, a scan), which would otherwise run to its end for an
    // answer thrown away: the deadline is checked here only as each object field starts.
    if (isGraphQLContext(context))
      context.outOfTime = () => {
        if (clock() > deadline) throw overTime(timeMs);
      };
    return known;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        if (info.operation.operation !== 'query' || typeof context !== 'object' || context === null)
          return resolve(source, args, context, info);
        const query = clockOf(context);
        if (clock() > query.deadline) throw overTime(query.timeMs);
        if (performance.now() - query.turnBegan < DEFAULT_SLICE_MS) return resolve(source, args, context, info);
        const turn = slices.pause();
        if (!turn) return resolve(source, args, context, info);
        return turn.then(() => {
          query.turnBegan = performance.now();
          if (clock() > query.deadline) throw overTime(query.timeMs);
          return resolve(source, args, context, info);
        });
      };
    }
  }
}

type Result = ExecutionResult | FormattedExecutionResult;

/** One error instead of data when the query ran out of time (not one error per field it stopped). */
function stoppedForTime(result: Result): FormattedExecutionResult | null {
  const stopped = result.errors?.find((e) => e.extensions?.['code'] === BUDGET_CODE);
  return stopped ? { errors: [{ message: stopped.message, extensions: { code: BUDGET_CODE } }] } : null;
}

const tooLarge = (maxResponseBytes: number): FormattedExecutionResult => ({
  errors: [overSize(maxResponseBytes).toJSON()],
});

/**
 * The answer to send: one error instead of data when the query ran out of time, or when the answer is
 * over `maxResponseBytes`. Null when `result` may go as it is.
 */
export function overBudget(result: Result, maxResponseBytes: number): FormattedExecutionResult | null {
  const stopped = stoppedForTime(result);
  if (stopped) return stopped;
  if (Buffer.byteLength(JSON.stringify(result)) <= maxResponseBytes) return null;
  return tooLarge(maxResponseBytes);
}

export interface ResponseBudget {
  /** Replaces a query's answer by its budget error, with status 400, before Apollo sends it. */
  readonly plugin: ApolloServerPlugin;
  /**
   * An HTTP answer as Apollo made it, or its budget error when its text is over the budget: measured on
   * that text, rather than serialising the answer once more in the plugin just to weigh it.
   */
  within(request: HTTPGraphQLRequest, response: HTTPGraphQLResponse): HTTPGraphQLResponse;
}

/** The response budget: time stops through the plugin; size in the plugin, or by `within` over HTTP. */
export function responseBudget(maxResponseBytes: number): ResponseBudget {
  const weighedLater = new WeakSet<HTTPGraphQLRequest>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation }) {
          if (response.body.kind !== 'single' || operation?.operation === 'mutation') return;
          const result = response.body.singleResult;
          if (request.http) weighedLater.add(request.http);
          const replacement = request.http ? stoppedForTime(result) : overBudget(result, maxResponseBytes);
          if (!replacement) return;
          response.body.singleResult = replacement;
          response.http.status = 400;
        },
      };
    },
  };
  const within = (request: HTTPGraphQLRequest, response: HTTPGraphQLResponse): HTTPGraphQLResponse => {
    if (!weighedLater.has(request) || response.body.kind !== 'complete') return response;
    const text = response.body.string;
    // Apollo ends its JSON with a newline, which the budget does not count.
    const bytes = Buffer.byteLength(text) - (text.endsWith('\n') ? 1 : 0);
    if (bytes <= maxResponseBytes) return response;
    return {
      status: 400,
      headers: response.headers,
      body: { kind: 'complete', string: `${JSON.stringify(tooLarge(maxResponseBytes))}\n` },
    };
  };
  return { plugin, within };
}
