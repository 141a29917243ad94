import { DEFAULT_RATE_LIMITS } from '../../src/config/defaults';
import { request } from 'node:http';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/index';
import { type RateLimits } from '../../src/http/limits/rateLimits';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const PLAN = '{ plan(year: 2024, provinceCode: "06") { year } }';
const PROGRESS = 'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } } }';

/** POSTs `query` from the local address `from` (127.0.0.x), answering status, Retry-After and body. */
function postFrom(url: string, from: string, query: string, authorization?: string) {
  return new Promise<{ status: number; retryAfter?: string; body: { errors?: { extensions?: { code?: string } }[] } }>(
    (resolve, reject) => {
      const body = JSON.stringify({ query });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers['authorization'] = authorization;
      const req = request(url, { method: 'POST', localAddress: from, headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            retryAfter: response.headers['retry-after'] as string | undefined,
            body: JSON.parse(text),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

const limited = (overrides: Partial<RateLimits>) => ({
  rateLimits: { ...DEFAULT_RATE_LIMITS, perAddress: 1000, perToken: 1000, ...overrides },
});

describe('Rate limits over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { host: '0.0.0.0', ...limited({ perAddress: 5, perToken: 3 }) } });
  });
  afterAll(() => server.close());
  const url = () => `http://127.0.0.1:${server.port}/graphql`;

  it('should answer 429 RATE_LIMITED with Retry-After past the limit of an address, and serve other addresses', async () => {
    for (let i = 0; i < 5; i++) expect((await postFrom(url(), '127.0.0.2', PLAN)).status).toBe(200);
    const refused = await postFrom(url(), '127.0.0.2', PLAN);
    expect([refused.status, refused.body.errors?.map((e) => e.extensions?.code)]).toEqual([429, ['RATE_LIMITED']]);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await postFrom(url(), '127.0.0.3', PLAN)).status).toBe(200);
  });

  it('should limit each token on its own, whatever address it comes from', async () => {
    const official = bearer({ sub: 'can-bo-1', role: 'DISTRICT_OFFICER', unit: '066' });
    const other = bearer({ sub: 'can-bo-2', role: 'DISTRICT_OFFICER', unit: '066' });
    const statuses = [];
    for (const from of ['127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7'])
      statuses.push((await postFrom(url(), from, PLAN, official)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await postFrom(url(), '127.0.0.8', PLAN, other)).status).toBe(200);
  });
});

describe('Connection and subscription limits over graphql-ws', () => {
  let server: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      server: limited({ maxConnections: 3, subscriptionsPerConnection: 2, anonymousSubscriptions: 3 }),
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  afterAll(() => server.close());

  const connect = (authorization?: string, on?: { closed?: (event: unknown) => void }) => {
    const client = createClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : undefined,
      retryAttempts: 0,
      lazy: false,
      on,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    return client;
  };
  /** Starts a subscription: 'running' if it is still running after a moment, or the codes it was refused with. */
  const subscribe = (client: Client) =>
    new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: PROGRESS },
        {
          next: () => undefined,
          error: (errors) => resolve((errors as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code)),
          complete: () => undefined,
        },
      );
      setTimeout(() => resolve('running'), 300);
    });

  it('should refuse a subscription past the limit of its connection, and keep the others running', async () => {
    const official = connect(bearer({ sub: 'ws-1', role: 'AUDITOR', unit: 'VN' }));
    expect([await subscribe(official), await subscribe(official), await subscribe(official)]).toEqual([
      'running',
      'running',
      ['RATE_LIMITED'],
    ]);
    const updates = new Promise((resolve) =>
      official.subscribe(
        { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
        { next: resolve, error: resolve, complete: () => undefined },
      ),
    );
    expect(await updates).toEqual({ data: { plan: { year: 2024 } } });
  });

  it('should cap anonymous subscriptions over all connections, and still take officials', async () => {
    const first = connect();
    const second = connect();
    const results = [await subscribe(first), await subscribe(first), await subscribe(second), await subscribe(second)];
    expect(results).toEqual(['running', 'running', 'running', ['RATE_LIMITED']]);
    const official = connect(bearer({ sub: 'ws-2', role: 'ANALYST', unit: 'VN' }));
    expect(await subscribe(official)).toBe('running');
    const before = await server.eventCount();
    expect(
      (await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-ws-limit' }) })).errors,
    ).toBeUndefined();
    expect(await server.eventCount()).toBe(before + 1);
  });

  it('should close a connection past the limit with 4429, and keep the open ones', async () => {
    for (let i = 0; i < 3; i++) expect(await subscribe(connect())).not.toBe(undefined);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      connect(undefined, { closed: (event) => resolve(event as { code: number; reason: string }) }),
    );
    expect(await closed).toMatchObject({ code: 4429, reason: 'Too many connections: try again later' });
    expect((await server.gqlAs(null, PLAN)).status).toBe(200);
  });

  it('should read every limit from the environment', () => {
    expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(
      loadConfig({
        OCOP_RATE_LIMIT_PER_ADDRESS: '10',
        OCOP_RATE_LIMIT_PER_TOKEN: '20',
        OCOP_RATE_LIMIT_WINDOW_SECONDS: '30',
        OCOP_MAX_WS_CONNECTIONS: '40',
        OCOP_MAX_SUBSCRIPTIONS_PER_CONNECTION: '5',
        OCOP_MAX_ANONYMOUS_SUBSCRIPTIONS: '50',
      }).rateLimits,
    ).toEqual({
      perAddress: 10,
      perToken: 20,
      windowSeconds: 30,
      maxConnections: 40,
      subscriptionsPerConnection: 5,
      anonymousSubscriptions: 50,
    });
  });
});
