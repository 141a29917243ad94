import { type Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { SpanHandle, Tracing } from './tracingApi';

const KINDS = { server: SpanKind.SERVER, internal: SpanKind.INTERNAL, client: SpanKind.CLIENT } as const;

function handle(span: Span): SpanHandle {
  return {
    rename: (name) => void span.updateName(name),
    setAttributes: (attributes) => void span.setAttributes(attributes),
    fail: (error) => {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    },
  };
}

/**
 * Tracing through the OpenTelemetry Node SDK: spans go to `processor` (a batch to an OTLP/HTTP
 * collector in the service). The provider registers the AsyncLocalStorage context manager, so a
 * span started inside another's work is its child, across awaits.
 */
export function sdkTracing(processor: SpanProcessor): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] || 'ocop-registry' }),
    spanProcessors: [processor],
  });
  provider.register();
  const tracer = provider.getTracer('ocop-registry');
  const handles = new WeakMap<Span, SpanHandle>();
  const handleOf = (span: Span): SpanHandle => {
    let known = handles.get(span);
    if (!known) handles.set(span, (known = handle(span)));
    return known;
  };
  return {
    inSpan: (name, options, work) => {
      const parent = options.parentFrom ? propagation.extract(context.active(), options.parentFrom) : context.active();
      const spanOptions = { kind: KINDS[options.kind ?? 'internal'], attributes: options.attributes };
      return tracer.startActiveSpan(name, spanOptions, parent, (span) =>
        work(handleOf(span))
          .catch((error: unknown) => {
            handleOf(span).fail(error);
            throw error;
          })
          .finally(() => span.end()),
      );
    },
    activeSpan: () => {
      const span = trace.getSpan(context.active());
      return span && handleOf(span);
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Spans in batches to the collector at `endpoint` (OTLP over HTTP, `/v1/traces`). */
export function otlpTracing(endpoint: string, exporter?: SpanExporter): Tracing {
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  return sdkTracing(new BatchSpanProcessor(exporter ?? new OTLPTraceExporter({ url })));
}
