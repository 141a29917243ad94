export type LogFormat = 'json' | 'pretty';

/** How the service reports on itself: logs, metrics, traces, and how long a read may wait for a position. */
export interface ObservabilitySettings {
  readonly logLevel: string;
  readonly logFormat: LogFormat;
  /** Serve /metrics on this port instead of the GraphQL port; null: on the GraphQL port. */
  readonly metricsPort: number | null;
  /** When set, /metrics answers only `Authorization: Bearer <this>`. */
  readonly metricsToken: string | null;
  /** OTLP/HTTP collector for traces; null: tracing is off and its packages are never loaded. */
  readonly otlpEndpoint: string | null;
  /** Longest wait for `x-ocop-min-position` before answering UNAVAILABLE. */
  readonly minPositionWaitMs: number;
}
