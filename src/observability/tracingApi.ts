/** Attribute values a span can carry. */
export type SpanAttributes = Record<string, string | number | boolean>;

export interface SpanHandle {
  rename(name: string): void;
  setAttributes(attributes: SpanAttributes): void;
  /** Marks the span as failed with this error. */
  fail(error: unknown): void;
}

/**
 * Traces of requests, GraphQL operations and event-store calls. Without a collector it does nothing
 * and loads nothing: the OpenTelemetry packages are required only by `otlpTracing` (./otel).
 */
export interface Tracing {
  /** Runs `work` inside a new span, a child of the span active where it is called. */
  inSpan<T>(
    name: string,
    options: {
      kind?: 'server' | 'internal' | 'client';
      attributes?: SpanAttributes;
      /** Headers that may name a remote parent (W3C `traceparent`): a request's span continues the caller's trace. */
      parentFrom?: Record<string, string | string[] | undefined>;
    },
    work: (span: SpanHandle) => Promise<T>,
  ): Promise<T>;
  /** The span `work` of the innermost `inSpan` runs in, if any. */
  activeSpan(): SpanHandle | undefined;
  /** Sends what is buffered, then stops. */
  shutdown(): Promise<void>;
}
