import type { SpanHandle, Tracing } from './tracingApi';

export type { SpanAttributes, SpanHandle, Tracing } from './tracingApi';

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
