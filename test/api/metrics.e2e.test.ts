import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { quietObservability } from '../../src/observability';
import { startMetricsServer } from '../../src/observability/metricsEndpoint';
import { type TestServer, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { scrape } from '../support/prometheus';

const REGISTER = REGISTER_SUBJECT.replace('mutation(', 'mutation RegisterHtx(');

describe('GET /metrics', () => {
  const observability = quietObservability();
  let server: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    server = await startTestServer({ observability });
    metricsUrl = server.url.replace('/graphql', '/metrics');
  });
  afterAll(() => server.close());

  it('should answer the Prometheus text format with Node process metrics', async () => {
    const metrics = await scrape(metricsUrl);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.has('process_cpu_user_seconds_total')).toBe(true);
    expect(metrics.has('nodejs_heap_size_used_bytes')).toBe(true);
  });

  it('should count a mutation by operation and result code, its append, and the events appended', async () => {
    const before = await scrape(metricsUrl);
    const { errors } = await server.gql(REGISTER, { input: subjectInput({ id: 'htx-metrics' }) });
    expect(errors).toBeUndefined();
    const after = await scrape(metricsUrl);
    const labels = { operation: 'RegisterHtx', type: 'mutation' };
    const delta = (name: string, l: Record<string, string> = {}) => after.value(name, l) - before.value(name, l);
    expect(delta('ocop_graphql_requests_total', { ...labels, code: 'OK' })).toBe(1);
    const latency = 'ocop_graphql_request_duration_seconds';
    expect(after.histogramCount(latency, labels) - before.histogramCount(latency, labels)).toBe(1);
    expect(delta('ocop_event_store_appends_total', { result: 'ok' })).toBe(1);
    expect(delta('ocop_event_store_append_duration_seconds')).toBe(1);
    expect(delta('ocop_events_appended_total', { type: 'SubjectRegistered' })).toBe(1);
  });

  it('should count a refused mutation under its error code', async () => {
    const before = await scrape(metricsUrl);
    const { errors } = await server.gql(REGISTER, { input: subjectInput({ id: 'htx-bad', districtCode: '999' }) });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await scrape(metricsUrl);
    const series = { operation: 'RegisterHtx', type: 'mutation', code: 'BAD_USER_INPUT' };
    expect(
      after.value('ocop_graphql_requests_total', series) - before.value('ocop_graphql_requests_total', series),
    ).toBe(1);
  });

  it('should count an append that a concurrent write beat as a conflict', async () => {
    const before = await scrape(metricsUrl);
    const stale = server.store.append('ocop-subject-htx-metrics', [{ type: 'Probe', data: {} }], 'no_stream');
    await expect(stale).rejects.toThrow(/expected revision/);
    const after = await scrape(metricsUrl);
    const conflicts = { result: 'conflict' };
    expect(
      after.value('ocop_event_store_appends_total', conflicts) -
        before.value('ocop_event_store_appends_total', conflicts),
    ).toBe(1);
  });

  it('should report no projection lag once the read models have caught up', async () => {
    const metrics = await scrape(metricsUrl);
    expect(metrics.has('ocop_projection_lag_events')).toBe(true);
    expect(metrics.value('ocop_projection_lag_events')).toBe(0);
    expect(metrics.value('ocop_projection_lag_seconds')).toBe(0);
  });

  it('should count graphql-ws connections and subscriptions while they are open', async () => {
    const client = createClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: false });
    const unsubscribe = client.subscribe(
      { query: 'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await eventually(async () => (await scrape(metricsUrl)).value('ocop_graphql_ws_subscriptions') === 1);
    expect((await scrape(metricsUrl)).value('ocop_graphql_ws_connections')).toBe(1);
    unsubscribe();
    await client.dispose();
    await eventually(async () => (await scrape(metricsUrl)).value('ocop_graphql_ws_connections') === 0);
    expect((await scrape(metricsUrl)).value('ocop_graphql_ws_subscriptions')).toBe(0);
  });

  it('should count remembered answers as cache hits and misses', async () => {
    const before = await scrape(metricsUrl);
    const query = '{ plan(year: 2024, provinceCode: "06") { year reference } }';
    await server.gql(query);
    await server.gql(query);
    const after = await scrape(metricsUrl);
    const delta = (result: string) =>
      after.value('ocop_response_cache_lookups_total', { cache: 'answers', result }) -
      before.value('ocop_response_cache_lookups_total', { cache: 'answers', result });
    expect([delta('miss'), delta('hit')]).toEqual([1, 1]);
  });
});

describe('/metrics behind a token and on a port of its own', () => {
  const token = 'scrape-token-0123456789';
  const observability = quietObservability({ metricsOnServicePort: false, metricsToken: token });
  let server: TestServer;
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>>;
  beforeAll(async () => {
    server = await startTestServer({ observability });
    metricsServer = await startMetricsServer(observability, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await metricsServer.close();
    await server.close();
  });

  it('should not serve /metrics on the service port', async () => {
    expect((await fetch(server.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it('should refuse a scrape without the token, or with another', async () => {
    const url = `http://127.0.0.1:${metricsServer.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer scrape-token-wrong-value' } })).status).toBe(401);
  });

  it('should answer a scrape with the token', async () => {
    const metrics = await scrape(`http://127.0.0.1:${metricsServer.port}/metrics`, {
      authorization: `Bearer ${token}`,
    });
    expect(metrics.has('ocop_graphql_requests_total')).toBe(true);
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
