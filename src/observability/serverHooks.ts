/** What the HTTP server calls to report on itself: one import for src/graphql/server.ts. */
export { type Observability, quietObservability } from './index';
export { observeHttp } from './accessLog';
export { observabilityPlugin } from './graphqlPlugin';
export { serveMetrics } from './metricsEndpoint';
export { projectionLag } from './projectionLag';
export { MIN_POSITION_HEADER, awaitMinPosition } from './readYourWrites';
export { noteNamedOperation, noteRemembered, requestIdsFrom } from './requestScope';
export { countConnections, countSubscriptions } from './webSocket';
