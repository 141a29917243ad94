import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Actor } from '../application/metadata';
import { type RememberedAnswersOptions, createRememberedAnswers } from './answers/rememberedAnswers';
import type { Services } from '../application/services';
import * as observe from '../observability/serverHooks';
import { observabilityPlugin } from './observabilityPlugin';
import { MIN_POSITION_HEADER, awaitMinPosition } from './readYourWrites';
import { publicPages } from './pages/routes';
import { authenticateRequest, operationGuardPlugin } from './auth/accessPlugin';
import { createOperationGuard } from './auth/operationGuard';
import { liveListWeights } from './limits/listBounds';
import { type ExecutionBudget, enforceTimeBudget, responseBudget } from './limits/executionBudget';
import { costCheck } from './limits/queryCost';
import { limitConnections } from './limits/connectionLimits';
import { type WholeLogLimits, createWholeLogLimiter, wholeLogPlugin } from './limits/wholeLogWork';
import { quietOversizedMessages } from './limits/oversizedMessages';
import { type RateLimits, createRateLimiter } from './limits/rateLimits';
import { type PositionWaitLimits, createPositionWaits } from './limits/positionWaits';
import type { Authenticator } from './auth/authenticate';
import { type QueryLimits, apolloProtection } from './auth/queryLimits';
import { guardedWebSocketOptions } from './auth/websocket';
import { type GraphQLContext, createContext } from '../graphql/context';
import { ErrorCode, createFormatError } from '../graphql/errors';
import { BodyTooLargeError, readBody } from './httpBody';
import { introspectionPlugin, mayIntrospect } from './introspection';
import { subscriptionsOverHttpPlugin } from './subscriptionsOverHttp';
import { type WebOptions, createWebRoutes } from './webRoutes';
import { notFoundPage } from '../web/notFoundPage';
import { sendReply } from '../web/http';

export interface ServerOptions {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly port: number;
  readonly host?: string;
  /** Stack traces in error responses: development only. */
  readonly development: boolean;
  /** Who is calling, from `Authorization: Bearer <token>` (or graphql-ws `connectionParams.authorization`). */
  readonly authenticate: Authenticator;
  /** Tokens are checked against the public development secret: every response says so (`x-ocop-auth`). */
  readonly developmentAuth?: boolean;
  readonly limits: QueryLimits;
  /** Requests per address and per token, graphql-ws connections and subscriptions. */
  readonly rateLimits: RateLimits;
  /** Requests waiting for `x-ocop-min-position` at once, per caller and in all. */
  readonly positionWaits: PositionWaitLimits;
  /** Whole-log work (replays, digests, scans) running at once, per caller and in all. */
  readonly wholeLogLimits: WholeLogLimits;
  /** Time and response-size budgets of one query while it runs. */
  readonly budget: ExecutionBudget;
  /** Schema introspection (`__schema`, `__type`) for everyone; default: in development only. */
  readonly introspection?: boolean;
  /** Roles whose signed-in officials may introspect when it is otherwise off (OCOP_INTROSPECTION_ROLES). */
  readonly introspectionRoles?: readonly string[];
  /** CORS origins and the explorer (src/http/webRoutes.ts); the explorer defaults to development only. */
  readonly web?: Partial<WebOptions>;
  /** "Did you mean …?" in validation errors, which reveal the schema; default: in development only. */
  readonly fieldSuggestions?: boolean;
  /** Largest request body, and largest graphql-ws message, in bytes (default 1 MB). */
  readonly maxBodyBytes?: number;
  /** The public address QR codes on certificates point to (default: http://localhost:<port>). */
  readonly publicBaseUrl?: string;
  /** Repeated questions answered from memory (src/http/answers/). */
  readonly answers: RememberedAnswersOptions;
  /** Logs, metrics and traces (src/observability/); by default nothing is logged or traced. */
  readonly observability?: observe.Observability;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  close(): Promise<void>;
}

/**
 * One HTTP server: GraphQL queries and mutations on POST/GET /graphql, subscriptions over graphql-ws
 * on the same path and port, /healthz (the process is up) and /readyz (the read models have caught up).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const observability = options.observability ?? observe.quietObservability();
  const { logger, metrics, tracing } = observability;
  const { store, runner } = options.services;
  metrics.measureLagWith(() => observe.projectionLag(store, runner));
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const limits = options.limits;
  const introspectionPolicy = {
    everyone: options.introspection ?? options.development,
    roles: options.introspectionRoles ?? [],
  };
  const introspection = introspectionPolicy.everyone || introspectionPolicy.roles.length > 0;
  const web = createWebRoutes(
    { explorer: options.development, ...options.web },
    options.schema,
    introspectionPolicy,
    options.authenticate,
  );
  const fieldSuggestions = options.fieldSuggestions ?? options.development;
  const protection = apolloProtection(limits, fieldSuggestions);
  const formatError = createFormatError({
    exposeStack: options.development,
    log: (err) => logger.error({ err }, 'unexpected error'),
    suggestions: fieldSuggestions,
  });
  const listWeights = liveListWeights(options.services.runner);
  const guard = createOperationGuard(options.schema, [costCheck(limits.maxCost, listWeights)]);
  const rates = options.rateLimits;
  const rateLimiter = createRateLimiter(rates);
  const positionWaits = createPositionWaits(options.positionWaits);
  const wholeLogLimiter = createWholeLogLimiter(options.wholeLogLimits);
  const budget = options.budget;
  enforceTimeBudget(options.schema, budget, budget.now);
  const httpServer = createServer();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: maxBodyBytes });
  quietOversizedMessages(wsServer, (line, message) => logger.warn(line, message));
  const contextFor = (headers: IncomingMessage['headers'], actor: Actor | null): GraphQLContext => {
    const { correlationId } = observe.requestIdsFrom(headers);
    return createContext(options.services, actor, correlationId);
  };
  observe.countConnections(wsServer, metrics);
  const wsCleanup = useServer(
    observe.countSubscriptions(
      limitConnections(
        guardedWebSocketOptions({
          schema: options.schema,
          authenticate: options.authenticate,
          guard,
          maxResponseBytes: budget.maxResponseBytes,
          limits,
          limitRules: protection.validationRules,
          mayIntrospect: (actor) => mayIntrospect(introspectionPolicy, actor),
          fieldSuggestions,
          contextFor: (connection, actor) => contextFor(connection.request.headers, actor),
          formatError,
        }),
        rates,
        rateLimiter,
        wholeLogLimiter,
      ),
      metrics,
    ),
    wsServer,
  );
  const answers = createRememberedAnswers(options.services.runner, options.services.clock, {
    ...options.answers,
    onLookup: (outcome) => {
      metrics.cacheLookup('answers', outcome === 'hit');
      observe.noteRemembered(outcome === 'hit');
      options.answers.onLookup?.(outcome);
    },
  });
  const sizeBudget = responseBudget(budget.maxResponseBytes);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: options.development,
    // No "Did you mean …?" naming the schema's fields or enum values unless suggestions are on.
    hideSchemaDetailsFromClientErrors: !fieldSuggestions,
    introspection,
    // The caller owns SIGTERM/SIGINT (ocop serve drains, then closes the store, logging each step).
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; the default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      // GET /graphql for browsers is the project's own offline explorer (webRoutes.ts), never a CDN page.
      ApolloServerPluginLandingPageDisabled(),
      subscriptionsOverHttpPlugin,
      introspectionPlugin(introspectionPolicy),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsCleanup.dispose()) }) },
      operationGuardPlugin(guard),
      answers.plugin,
      observabilityPlugin(tracing),
      sizeBudget.plugin,
      wholeLogPlugin(wholeLogLimiter),
      ...protection.plugins,
    ],
  });
  await apollo.start();
  const pages = publicPages({
    ...options,
    apollo,
    httpServer,
    anonymousContext: () => contextFor({}, null),
    wholeLogLimiter,
  });
  httpServer.on('request', (request, response) => {
    observe
      .observeHttp(observability, request, response, () => route(request, response))
      .catch((err) => {
        logger.error({ err }, 'request failed');
        if (!response.headersSent) send(response, 500, { error: 'internal error' });
        else response.end();
      });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (options.developmentAuth) response.setHeader('x-ocop-auth', 'development');
    if (await web(request, response, url)) return;
    if (url.pathname === '/healthz') return send(response, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const lag = await observe.projectionLag(store, runner).catch(() => null);
      if (runner.isReady()) return send(response, 200, { status: 'ready', lag });
      return send(response, 503, { status: runner.failure ? 'failed' : 'catching up', failure: runner.failure, lag });
    }
    if (url.pathname === '/metrics' && observability.metricsOnServicePort)
      return observe.serveMetrics(observability, request, response);
    if (await pages(request, response, url)) return;
    if (url.pathname !== '/graphql') {
      const page = notFoundPage(request, url);
      return page ? sendReply(request, response, page) : send(response, 404, { error: 'not found' });
    }
    // Who is asking, and whether they may ask now, before the body is read or anything waits.
    const actor = authenticateRequest(options.authenticate, request.headers.authorization);
    const limited = await rateLimiter.refuseHttp(request.socket.remoteAddress, actor);
    if (limited) return void response.writeHead(limited.status, limited.headers).end(JSON.stringify(limited.body));
    let body: unknown;
    try {
      const text = await readBody(request, maxBodyBytes);
      body = text && (request.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text;
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return sendError(response, 413, ErrorCode.BAD_USER_INPUT, 'Request body too large');
      return sendError(response, 400, ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON');
    }
    if (request.headers[MIN_POSITION_HEADER] !== undefined) {
      const caller = (await actor.catch(() => null))?.id ?? `address:${request.socket.remoteAddress ?? 'unknown'}`;
      const waited = await positionWaits.hold(caller, () =>
        awaitMinPosition(request.headers, store, runner, observability.minPositionWaitMs),
      );
      if (waited && 'headers' in waited)
        return void response.writeHead(waited.status, waited.headers).end(JSON.stringify(waited.body));
      if (waited) return send(response, waited.status, waited.body);
    }
    observe.noteNamedOperation(body, url.searchParams);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body };
    const result = await tracing.inSpan('graphql', {}, () =>
      answers.answer(httpGraphQLRequest, actor, () =>
        apollo
          .executeHTTPGraphQLRequest({
            httpGraphQLRequest,
            context: async () => contextFor(request.headers, await actor),
          })
          .then((response) => sizeBudget.within(httpGraphQLRequest, response)),
      ),
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return void response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}/graphql`,
    port,
    httpServer,
    close: async () => {
      listWeights.detach();
      await apollo.stop();
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(response, status, { errors: [{ message, extensions: { code } }] });
}
