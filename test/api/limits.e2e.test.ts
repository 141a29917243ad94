import { DEFAULT_QUERY_LIMITS } from '../../src/config/defaults';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/index';
import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { subjectInput } from '../support/operations';

/** `registerSubject` answering with its products' certificates' products' … `levels` deep. */
function deepMutation(levels: number): string {
  let selection = 'id';
  for (let i = levels - 1; i >= 0; i--)
    selection = i % 2 === 0 ? `certificates { ${selection} }` : `product { ${selection} }`;
  return `mutation($input: RegisterSubjectInput!) { registerSubject(input: $input) { products { ${selection} } } }`;
}

const PRODUCT_FIELDS = 'id name group registrationKind registeredOn stars district { code name }';
const CERTIFICATE_FIELDS = 'id stars level decisionNo issuedOn expiresOn status supersedes supersededBy';

describe('Query limits, enforced before anything executes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** Sends a mutation that must be refused with `code`, and checks that it appended nothing. */
  async function refused(query: string, variables: Record<string, unknown> = {}) {
    const before = await server.eventCount();
    const response = await server.gql(query, variables);
    expect(response.data ?? null).toBeNull();
    expect(await server.eventCount()).toBe(before);
    return {
      status: response.status,
      codes: response.errors?.map((e) => e.extensions?.code),
      message: response.errors?.[0]?.message,
    };
  }

  it('should refuse a query deeper than the limit', async () => {
    const input = subjectInput({ id: 'deep' });
    expect(await refused(deepMutation(7), { input })).toEqual({
      status: 400,
      codes: ['GRAPHQL_VALIDATION_FAILED'],
      message: `Syntax Error: Query depth limit of ${DEFAULT_QUERY_LIMITS.maxDepth} exceeded, found 10.`,
    });
    const allowed = await server.gql(deepMutation(5), { input });
    expect(allowed.errors).toBeUndefined();
  });

  it('should refuse a query wider than the cost limit, and let a full page of products through', async () => {
    const fields = 'id name '.repeat(450);
    const wide = `mutation($input: RegisterSubjectInput!) { registerSubject(input: $input) {
      products { certificates { product { certificates { product { ${fields} } } } } } } }`;
    const result = await refused(wide, { input: subjectInput({ id: 'wide' }) });
    expect(result).toMatchObject({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(result.message).toMatch(/^Query cost limit of 10000 exceeded, found \d+/);
    const nested = `subject { id name products { ${PRODUCT_FIELDS} certificates { ${CERTIFICATE_FIELDS} } } }`;
    const widePage = await refused(`{ products(first: 100) { nodes { ${PRODUCT_FIELDS} ${nested} } } }`);
    expect(widePage.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const page = await server.gql(
      `{ products(first: 100) { nodes { ${PRODUCT_FIELDS} certificates { ${CERTIFICATE_FIELDS} } subject { id name district { name } } } } }`,
    );
    expect(page.errors).toBeUndefined();
  });

  it('should refuse more aliases than the limit, so one request cannot repeat a mutation many times', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `s${i}: registerSubject(input: $input) { id }`).join(' ');
    expect(
      await refused(`mutation($input: RegisterSubjectInput!) { ${aliases} }`, { input: subjectInput({ id: 'alias' }) }),
    ).toEqual({
      status: 400,
      codes: ['GRAPHQL_VALIDATION_FAILED'],
      message: 'Syntax Error: Aliases limit of 15 exceeded, found 16.',
    });
  });

  it('should refuse more directives than the limit', async () => {
    const repeated = 'id @include(if: true) '.repeat(21);
    const query = `mutation($input: RegisterSubjectInput!) { registerSubject(input: $input) { ${repeated} } }`;
    expect(await refused(query, { input: subjectInput({ id: 'directives' }) })).toMatchObject({
      status: 400,
      codes: ['GRAPHQL_VALIDATION_FAILED'],
      message: 'Syntax Error: Directives limit of 20 exceeded, found 21.',
    });
  });

  it('should stop parsing a document of more tokens than the limit', async () => {
    const query = `mutation($input: RegisterSubjectInput!) { registerSubject(input: $input) { ${'id '.repeat(2000)} } }`;
    expect(await refused(query, { input: subjectInput({ id: 'tokens' }) })).toMatchObject({
      status: 400,
      codes: ['GRAPHQL_PARSE_FAILED'],
      message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
    });
  });

  it('should hide schema introspection and field suggestions outside development', async () => {
    const introspection = await server.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const typo = await server.gql('{ prodcut(id: "x") { id } }');
    expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
  });

  it('should apply the same limits over graphql-ws', async () => {
    const client = createClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: bearer({ sub: 'ws', role: 'PROVINCIAL_OFFICER', unit: '06' }) },
      retryAttempts: 0,
    });
    const codes = (query: string, variables?: Record<string, unknown>) =>
      new Promise<unknown>((resolve) =>
        client.subscribe(
          { query, variables },
          {
            next: () => resolve('executed'),
            error: (errors) =>
              resolve([...new Set((errors as { extensions: { code: string } }[]).map((e) => e.extensions.code))]),
            complete: () => undefined,
          },
        ),
      );
    const before = await server.eventCount();
    expect(await codes(deepMutation(7), { input: subjectInput({ id: 'ws-deep' }) })).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(await codes(`{ ${'plan(year: 2024, provinceCode: "06") { year } '.repeat(300)} }`)).toEqual([
      'GRAPHQL_PARSE_FAILED',
    ]);
    expect(await codes('{ __schema { types { name } } }')).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await client.dispose();
    expect(await server.eventCount()).toBe(before);
  });
});

describe('Limits and exposure are configurable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      seed: false,
      server: {
        introspection: true,
        fieldSuggestions: true,
        maxBodyBytes: 10_000,
        limits: { ...DEFAULT_QUERY_LIMITS, maxDepth: 3, maxAliases: 1 },
      },
    });
  });
  afterAll(() => server.close());

  it('should follow the limits it is given', async () => {
    const deep = await server.gql('{ product(id: "x") { subject { district { name } } } }');
    expect(deep.errors?.[0]?.message).toBe('Syntax Error: Query depth limit of 3 exceeded, found 4.');
    const aliases = await server.gql(
      '{ a: plan(year: 2024, provinceCode: "06") { year } b: plan(year: 2025, provinceCode: "06") { year } }',
    );
    expect(aliases.errors?.[0]?.message).toBe('Syntax Error: Aliases limit of 1 exceeded, found 2.');
  });

  it('should answer introspection and suggest fields when told to', async () => {
    const introspection = await server.gql('{ __schema { queryType { name } } }');
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await server.gql('{ prodcut(id: "x") { id } }');
    expect(typo.errors![0]!.message).toMatch(/Did you mean "product"/);
  });

  it('should refuse a body over its limit with 413', async () => {
    const response = await server.gql(`{ plan(year: 2024, provinceCode: "06") { year } } #${'x'.repeat(20_000)}`);
    expect([response.status, response.errors?.[0]?.extensions?.code]).toEqual([413, 'BAD_USER_INPUT']);
  });

  it('should read the limits and exposure settings from the environment', () => {
    const config = loadConfig({
      OCOP_MAX_QUERY_DEPTH: '5',
      OCOP_MAX_QUERY_COST: '2000',
      OCOP_MAX_QUERY_ALIASES: '3',
      OCOP_MAX_QUERY_TOKENS: '500',
      OCOP_MAX_QUERY_DIRECTIVES: '4',
      OCOP_MAX_BODY_BYTES: '65536',
      OCOP_GRAPHQL_INTROSPECTION: 'true',
      OCOP_GRAPHQL_FIELD_SUGGESTIONS: 'false',
      NODE_ENV: 'production',
      OCOP_JWT_SECRET: 'a-production-secret-of-32-bytes-at-least',
    });
    expect(config).toMatchObject({
      limits: { maxDepth: 5, maxCost: 2000, maxAliases: 3, maxTokens: 500, maxDirectives: 4 },
      maxBodyBytes: 65536,
      introspection: true,
      fieldSuggestions: false,
    });
    expect(loadConfig({})).toMatchObject({ limits: DEFAULT_QUERY_LIMITS, introspection: true, fieldSuggestions: true });
    expect(() => loadConfig({ OCOP_MAX_QUERY_DEPTH: 'deep' })).toThrow(
      'OCOP_MAX_QUERY_DEPTH must be a positive whole number',
    );
    expect(() => loadConfig({ OCOP_GRAPHQL_INTROSPECTION: 'yes' })).toThrow('must be true or false');
  });
});
