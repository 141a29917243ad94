import { readFileSync } from 'node:fs';
import { schemaText } from '../../src/cli/schema';
import { type TestServer, startTestServer } from '../support/testServer';

describe('The HTTP service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const base = () => server.url.replace('/graphql', '');

  it('should answer /healthz and, once caught up, /readyz', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ready', lag: expect.objectContaining({ events: 0, seconds: 0 }) },
    ]);
    expect((await fetch(`${base()}/nowhere`)).status).toBe(404);
  });

  it('should refuse a body over 1 MB and a body that is not JSON, with BAD_USER_INPUT', async () => {
    const post = (body: string) =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const large = await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const broken = await post('{ "query": ');
    expect(broken.status).toBe(400);
  });

  it('should answer malformed queries with GraphQL codes and no stack trace', async () => {
    const response = await server.gql('{ districtTargets(year: "x") { year } }');
    expect(response.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const date = await server.gql(
      'query($at: DateTime) { districtTargets(year: 2024, provinceCode: "06", asOf: $at) { year } }',
      {
        at: 'yesterday',
      },
    );
    expect(date.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('schema/schema.graphql', () => {
  it('should match the schema the code builds (run `npm run schema` after changing the API)', async () => {
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(await schemaText());
  });
});
