import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { quietObservability } from '../../src/observability';
import { sdkTracing } from '../../src/observability/otel';
import { type TestServer, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';

const REGISTER = REGISTER_SUBJECT.replace('mutation(', 'mutation RegisterHtx(');

/** Each span as "name" with its children below it, indented, in start order. */
function tree(spans: readonly ReadableSpan[]): string {
  const children = (parentId: string | undefined) =>
    spans
      .filter((s) => s.parentSpanContext?.spanId === parentId)
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const draw = (span: ReadableSpan, depth: number): string[] => [
    `${'  '.repeat(depth)}${span.name}`,
    ...children(span.spanContext().spanId).flatMap((child) => draw(child, depth + 1)),
  ];
  return children(undefined)
    .flatMap((root) => draw(root, 0))
    .join('\n');
}

describe('traces through the OpenTelemetry SDK (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const tracing = sdkTracing(new SimpleSpanProcessor(exporter));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ observability: quietObservability({ tracing }) });
  });
  afterAll(async () => {
    await server.close();
    await tracing.shutdown();
  });

  it("should show a mutation's span tree: request, operation, then the event-store calls", async () => {
    exporter.reset();
    const { errors } = await server.gql(REGISTER, { input: subjectInput({ id: 'htx-traced' }) });
    expect(errors).toBeUndefined();
    expect(tree(exporter.getFinishedSpans())).toBe(
      ['POST /graphql', '  mutation RegisterHtx', '    eventStore.readStream', '    eventStore.append'].join('\n'),
    );
  });

  it('should carry the attributes an operator looks for', () => {
    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.find((s) => s.name === name)!;
    expect(byName('POST /graphql').attributes).toMatchObject({ 'http.response.status_code': 200 });
    expect(byName('mutation RegisterHtx').attributes).toMatchObject({ 'graphql.operation.type': 'mutation' });
    expect(byName('eventStore.append').attributes).toMatchObject({
      'ocop.stream': 'ocop-subject-htx-traced',
      'ocop.events': 1,
    });
    expect(byName('POST /graphql').spanContext().traceId).toBe(byName('eventStore.append').spanContext().traceId);
  });

  it("should continue the caller's trace named in a traceparent header", async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    await server.gql('{ plan(year: 2024, provinceCode: "06") { year } }', undefined, {
      traceparent: `00-${traceId}-${callerSpan}-01`,
    });
    const request = exporter.getFinishedSpans().find((s) => s.name === 'POST /graphql')!;
    expect(request.spanContext().traceId).toBe(traceId);
    expect(request.parentSpanContext?.spanId).toBe(callerSpan);
  });
});
