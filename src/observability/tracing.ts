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

const noSpan: SpanHandle = { rename: () => undefined, setAttributes: () => undefined, fail: () => undefined };

export const noTracing: Tracing = {
  inSpan: (_name, _options, work) => work(noSpan),
  activeSpan: () => undefined,
  shutdown: async () => undefined,
};

/** Tracing for the settings: off without an endpoint; otherwise the SDK, loaded now and not before. */
export function tracingFor(settings: { otlpEndpoint: string | null }): Tracing {
  if (!settings.otlpEndpoint) return noTracing;
  // Required here, never at the top: a service without a collector must not load the SDK at all.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { otlpTracing } = require('./otel') as typeof import('./otel');
  return otlpTracing(settings.otlpEndpoint);
}
