import { DEFAULT_QUERY_LIMITS } from '../../src/config/defaults';
import { getIntrospectionQuery } from 'graphql';
import { wsClient, wsOnce } from '../support/graphqlWs';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const AUDITOR = bearer({ sub: 'auditor-1', role: 'AUDITOR', unit: 'VN' });
const PAGE = 'nodes { id name group registrationKind registeredOn stars subject { id name district { code name } } }';
/** Fifteen aliases of one page whose size comes from a variable. */
const ALIASED_PAGES = `query($n: Int) { ${Array.from({ length: 15 }, (_, i) => `p${i}: products(first: $n) { ${PAGE} }`).join(' ')} }`;
/** Evaluations of a product, their product's evaluations, and theirs again: public types all the way down. */
const NESTED = (aliases: number) =>
  `{ ${Array.from(
    { length: aliases },
    (_, i) =>
      `a${i}: product(id: "mien-dong") { evaluations { score product { evaluations { score product { evaluations { score decisionNo } } } } } }`,
  ).join(' ')} }`;

describe('The cost of a query, with its variables and the real length of its lists', () => {
  let server: TestServer;
  const codes = (response: { errors?: { extensions?: { code?: string } }[] }) =>
    response.errors?.map((e) => e.extensions?.code);

  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
  });
  afterAll(() => server.close());

  it('should cost a page size given by variable as much as the same literal, and refuse both before they run', async () => {
    const literal = ALIASED_PAGES.replace('query($n: Int)', '').replace(/\$n/g, '100');
    for (const [query, variables] of [
      [literal, {}],
      [ALIASED_PAGES, { n: 100 }],
    ] as const) {
      const response = await server.gqlAs(AUDITOR, query, variables);
      expect([response.status, response.data ?? null, codes(response)]).toEqual([
        400,
        null,
        ['GRAPHQL_VALIDATION_FAILED'],
      ]);
      expect(response.errors![0]!.message).toMatch(/^Query cost limit of 10000 exceeded, found \d+/);
    }
    const small = await server.gqlAs(AUDITOR, ALIASED_PAGES, { n: 2 });
    expect(small.errors).toBeUndefined();
  });

  it('should refuse the aliased variable shape over graphql-ws too', async () => {
    const client = wsClient(server.url, AUDITOR);
    const response = await wsOnce(client, ALIASED_PAGES, { n: 100 });
    await client.dispose();
    expect([response.data ?? null, codes(response)]).toEqual([null, ['GRAPHQL_VALIDATION_FAILED']]);
  });

  it('should weigh nested lists by the longest the registry holds, so an anonymous nesting is refused once they grow', async () => {
    const before = await server.gqlAs(null, NESTED(6));
    expect(before.errors).toBeUndefined();
    for (let i = 0; i < 12; i++) {
      const decidedOn = `2024-${String(4 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 === 0 ? '05' : '20'}`;
      const award = await server.gql(AWARD_STARS, {
        input: awardInput({ decisionNo: `${100 + i}/QĐ-UBND`, decidedOn, commandId: `award-${i}` }),
      });
      expect(award.errors).toBeUndefined();
    }
    // The lengths are measured again at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await server.gqlAs(null, NESTED(6));
    expect([after.status, after.data ?? null, codes(after)]).toEqual([400, null, ['GRAPHQL_VALIDATION_FAILED']]);
    const one = await server.gqlAs(null, NESTED(1).replace(/ product \{ evaluations \{ score decisionNo \} \}/, ''));
    expect(one.errors).toBeUndefined();
  });

  it('should stay up and answer after refusing them', async () => {
    const response = await server.gqlAs(null, '{ plan(year: 2024, provinceCode: "06") { year } }');
    expect(response).toMatchObject({ status: 200, data: { plan: { year: 2024 } } });
    expect(DEFAULT_QUERY_LIMITS.maxCost).toBe(10_000);
  });
});

describe('The cost of introspection', () => {
  it('should not refuse the introspection query of an explorer where introspection is allowed', async () => {
    const server = await startTestServer({ seed: false, server: { introspection: true } });
    try {
      const response = await server.gql(getIntrospectionQuery());
      expect([response.status, response.errors]).toEqual([200, undefined]);
    } finally {
      await server.close();
    }
  });
});

describe('The cost of whole-log work', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const aliases = (count: number, field: (i: number) => string) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

  it.each([
    [
      'replays asked by instant',
      (i: number) => `districtTargets(year: 2024, provinceCode: "06", asOf: "2024-12-${10 + i}T00:00:00Z") { year }`,
    ],
    [
      'replays asked by position',
      (i: number) => `plan(year: 2024, provinceCode: "06", atPosition: "${i + 1}:${i + 1}") { year }`,
    ],
    ['digests of every stream', () => 'auditDigest { digest }'],
    [
      'scans of the log for a type',
      () => 'events(first: 1, types: ["CertificateRevoked"]) { pageInfo { hasNextPage } }',
    ],
  ])('should refuse fifteen %s in one request, before any runs, and take a few', async (_name, field) => {
    const many = await server.gqlAs(AUDITOR, aliases(15, field));
    expect([many.status, many.data ?? null, many.errors?.[0]?.extensions?.code]).toEqual([
      400,
      null,
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(many.errors![0]!.message).toMatch(/^Query cost limit of 10000 exceeded/);
    const few = await server.gqlAs(AUDITOR, aliases(3, field));
    expect(few.errors?.map((e) => e.extensions?.code).filter((c) => c === 'GRAPHQL_VALIDATION_FAILED') ?? []).toEqual(
      [],
    );
  });
});
