/** What the HTTP server calls to report on itself: one import for src/http/server.ts. */
export { type Observability, quietObservability } from './index';
export { observeHttp } from './accessLog';
export { serveMetrics } from './metricsEndpoint';
export { projectionLag } from './projectionLag';
export { noteNamedOperation, noteRemembered, requestIdsFrom } from './requestScope';
export { countConnections, countSubscriptions } from './webSocket';
