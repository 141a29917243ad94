import { readFileSync } from 'node:fs';
import { bearer, type TestServer, startTestServer } from '../support/testServer';

const APP = 'http://localhost:5173';
const OTHER = 'https://elsewhere.example';
const ORIGINS = [APP, 'https://ocop.backan.gov.vn'];

/** What a browser sends before a cross-origin POST with JSON and a bearer token. */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('CORS for browser apps on the listed origins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { web: { corsOrigins: ORIGINS } } });
  });
  afterAll(() => server.close());

  it('should answer a preflight from a listed origin with what it may send', async () => {
    const response = await preflight(server.url, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('should let a listed origin read the answer to its request', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        origin: APP,
        'content-type': 'application/json',
        authorization: bearer({ sub: 'x', role: 'ANALYST', unit: '06' }),
      },
      body: JSON.stringify({ query: '{ plan(year: 2024, provinceCode: "06") { reference } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await response.json()).toEqual({ data: { plan: { reference: '180/KH-UBND' } } });
  });

  it('should give another origin no Access-Control-Allow-Origin, on the preflight or the request', async () => {
    expect((await preflight(server.url, OTHER)).headers.get('access-control-allow-origin')).toBeNull();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plan(year: 2024, provinceCode: "06") { year } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should still refuse a simple cross-site request that could forge a read (CSRF prevention)', async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ plan(year: 2024, provinceCode: "06") { year } }')}`,
      {
        headers: { origin: APP },
      },
    );
    expect(response.status).toBe(400);
    const refusal = await response.text();
    expect(refusal).toMatch(/CSRF/);
    // The refusal tells the client what to send instead, whole.
    expect(refusal).toMatch(/x-apollo-operation-name, apollo-require-preflight/);
  });
});

describe('No CORS by default', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should give no origin an Access-Control-Allow-Origin', async () => {
    expect((await preflight(server.url, APP)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('A subscription sent over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should answer 400 BAD_REQUEST naming the WebSocket endpoint, never 500', async () => {
    const response = await server.gqlAs(
      null,
      'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } } }',
    );
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`ws://127.0.0.1:${server.port}/graphql`),
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);
  });
});

describe('The schema at GET /schema.graphql and introspection for named roles', () => {
  let server: TestServer;
  const schemaAs = (authorization?: string) =>
    fetch(server.url.replace('/graphql', '/schema.graphql'), { headers: authorization ? { authorization } : {} });
  beforeAll(async () => {
    server = await startTestServer({ server: { introspection: false, introspectionRoles: ['ANALYST', 'AUDITOR'] } });
  });
  afterAll(() => server.close());

  it('should serve the committed SDL to a role allowed to introspect', async () => {
    const response = await schemaAs(bearer({ sub: 'analyst', role: 'ANALYST', unit: '06' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync('schema/schema.graphql', 'utf8'));
  });

  it('should refuse the schema to anonymous callers and to roles not listed', async () => {
    expect((await schemaAs()).status).toBe(401);
    expect((await schemaAs(bearer({ sub: 'd', role: 'DISTRICT_OFFICER', unit: '066' }))).status).toBe(403);
  });

  it('should answer introspection to a listed role only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const auditor = await server.gqlAs(bearer({ sub: 'a', role: 'AUDITOR', unit: '06' }), query);
    expect(auditor.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const officer = await server.gql(query);
    expect(officer.status).toBe(400);
    expect(officer.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('The explorer routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { web: { explorer: true } } });
  });
  afterAll(() => server.close());

  it('should send a browser at / to the explorer', async () => {
    const response = await fetch(server.url.replace('/graphql', '/'), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });

  it('should give a browser the page at GET /graphql and a client GraphQL there as before', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<script src="/explorer/explorer.js">');
    const query = encodeURIComponent('{ plan(year: 2024, provinceCode: "06") { year } }');
    const graphql = await fetch(`${server.url}?query=${query}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await graphql.json()).toEqual({ data: { plan: { year: 2024 } } });
  });
});
