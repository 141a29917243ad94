import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Operation names are chosen by clients: past this many distinct ones, the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How far the read models are behind the log; measured when /metrics is read. */
export interface LagSample {
  readonly events: number;
  readonly seconds: number;
}

/**
 * The service's Prometheus metrics, in a registry of its own (so two servers in one process do not
 * share counters). Every series is documented in docs/operations.md.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let lagSource: (() => Promise<LagSample>) | null = null;
  const operationNames = new Set<string>();

  const graphqlRequests = new Counter({
    name: 'ocop_graphql_requests_total',
    help: 'GraphQL operations answered, by operation name, type and result code (OK or the first error code)',
    labelNames: ['operation', 'type', 'code'],
    registers,
  });
  const graphqlDuration = new Histogram({
    name: 'ocop_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation over HTTP, by operation name and type',
    labelNames: ['operation', 'type'],
    buckets: SECONDS,
    registers,
  });
  const httpResponses = new Counter({
    name: 'ocop_http_responses_total',
    help: 'HTTP responses, by route and status class (2xx, 4xx, 5xx)',
    labelNames: ['route', 'status'],
    registers,
  });
  const appends = new Counter({
    name: 'ocop_event_store_appends_total',
    help: 'Appends to the event store, by result: ok, conflict (another writer came first), unavailable, error',
    labelNames: ['result'],
    registers,
  });
  const appendDuration = new Histogram({
    name: 'ocop_event_store_append_duration_seconds',
    help: 'Time an append to the event store took, including its fsync',
    buckets: SECONDS,
    registers,
  });
  const appendedEvents = new Counter({
    name: 'ocop_events_appended_total',
    help: 'Events appended, by event type',
    labelNames: ['type'],
    registers,
  });
  const commandRetries = new Counter({
    name: 'ocop_command_retries_total',
    help: 'Commands decided again on fresh state after a concurrent write to their stream',
    registers,
  });
  const storeUnavailable = new Counter({
    name: 'ocop_event_store_unavailable_total',
    help: 'Event-store calls that failed because the store could not be reached (or its lock not taken), by call',
    labelNames: ['call'],
    registers,
  });
  new Gauge({
    name: 'ocop_projection_lag_events',
    help: 'Events in the log that the read models have not applied yet',
    registers,
    async collect() {
      if (lagSource) this.set((await lagSource()).events);
    },
  });
  new Gauge({
    name: 'ocop_projection_lag_seconds',
    help: 'Recording time of the log head minus that of the last event the read models applied',
    registers,
    async collect() {
      if (lagSource) this.set((await lagSource()).seconds);
    },
  });
  const wsConnections = new Gauge({
    name: 'ocop_graphql_ws_connections',
    help: 'Open graphql-ws connections',
    registers,
  });
  const wsSubscriptions = new Gauge({
    name: 'ocop_graphql_ws_subscriptions',
    help: 'Active subscriptions over graphql-ws',
    registers,
  });
  const cacheLookups = new Counter({
    name: 'ocop_response_cache_lookups_total',
    help: 'Response-cache lookups, by cache and result (hit or miss)',
    labelNames: ['cache', 'result'],
    registers,
  });

  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    operationNames.add(name);
    return name;
  };

  return {
    registry,
    graphqlAnswered(operation: string | undefined, type: string | undefined, code: string, seconds: number): void {
      const labels = { operation: operationLabel(operation), type: type ?? 'unknown' };
      graphqlRequests.inc({ ...labels, code });
      graphqlDuration.observe(labels, seconds);
    },
    httpAnswered(route: string, status: number): void {
      httpResponses.inc({ route, status: `${Math.floor(status / 100)}xx` });
    },
    appended(eventTypes: readonly string[], seconds: number): void {
      appends.inc({ result: 'ok' });
      appendDuration.observe(seconds);
      for (const type of eventTypes) appendedEvents.inc({ type });
    },
    appendFailed(result: 'conflict' | 'unavailable' | 'error', seconds: number): void {
      appends.inc({ result });
      appendDuration.observe(seconds);
    },
    commandRetried(): void {
      commandRetries.inc();
    },
    storeUnavailable(call: string): void {
      storeUnavailable.inc({ call });
    },
    webSocketOpened(): void {
      wsConnections.inc();
    },
    webSocketClosed(): void {
      wsConnections.dec();
    },
    subscriptionStarted(): void {
      wsSubscriptions.inc();
    },
    subscriptionEnded(): void {
      wsSubscriptions.dec();
    },
    /** The hook a response cache calls on every lookup. */
    cacheLookup(cache: string, hit: boolean): void {
      cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
    },
    /** Where the projection-lag gauges read from when scraped. */
    measureLagWith(source: () => Promise<LagSample>): void {
      lagSource = source;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
