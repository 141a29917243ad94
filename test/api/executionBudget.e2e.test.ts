import { DEFAULT_EXECUTION_BUDGET } from '../../src/config/defaults';
import { loadConfig } from '../../src/config/index';
import { wsClient, wsOnce } from '../support/graphqlWs';
import { REGISTER_PRODUCT, REGISTER_SUBJECT, productInput, subjectInput } from '../support/operations';
import { DEFAULT_OFFICER, type TestServer, bearer, startTestServer } from '../support/testServer';

const ANALYST = { sub: 'analyst-budget', role: 'ANALYST', unit: 'VN' } as const;
const PAGE = '{ products(first: 100) { nodes { id name registeredOn subject { id name district { name } } } } }';

describe('Budgets of a running query', () => {
  let server: TestServer;
  /** A clock that moves a second every time the budget looks at it: every query runs out of time. */
  let slow = false;
  let clock = 0;
  const now = () => (slow ? (clock += 1000) : Date.now());

  beforeAll(async () => {
    server = await startTestServer({
      server: { budget: { timeMs: 5000, wholeLogTimeMs: 600_000, maxResponseBytes: 3000, now } },
    });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    for (let i = 0; i < 20; i++) {
      const response = await server.gql(REGISTER_PRODUCT, {
        input: productInput({ id: `san-pham-${i}`, name: `Sản phẩm số ${i} của HTX Miến dong Na Rì` }),
      });
      expect(response.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  it('should answer a query over the response budget with one LIMIT_EXCEEDED error and no data', async () => {
    const response = await server.gql(PAGE);
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message: 'The answer is larger than the response budget of 3000 bytes: ask for fewer fields or items',
          extensions: { code: 'LIMIT_EXCEEDED' },
        },
      ],
    });
    const client = wsClient(server.url, bearer(DEFAULT_OFFICER));
    const overWs = await wsOnce(client, PAGE);
    await client.dispose();
    expect(overWs.errors?.map((e) => e.extensions?.code)).toEqual(['LIMIT_EXCEEDED']);
    const small = await server.gql('{ products(first: 2) { nodes { id } } }');
    expect(small.errors).toBeUndefined();
  });

  it('should stop a query past its time budget with one error, and keep answering', async () => {
    slow = true;
    const response = await server.gql('{ products(first: 5) { nodes { id subject { id district { name } } } } }');
    slow = false;
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message: 'The query ran longer than its time budget of 5000 ms: ask for less',
          extensions: { code: 'LIMIT_EXCEEDED' },
        },
      ],
    });
    const after = await server.gqlAs(null, '{ plan(year: 2024, provinceCode: "06") { year } }');
    expect(after).toMatchObject({ status: 200, data: { plan: { year: 2024 } } });
  });

  it('should give a query over the past the whole-log time budget, not the budget of a page', async () => {
    const tenth = (await server.events())[10]!.recordedAt.toISOString();
    const past = `{ products(first: 5, asOf: "${tenth}") { nodes { id subject { id district { name } } } } }`;
    slow = true;
    const response = await server.gqlAs(bearer(ANALYST), past);
    const client = wsClient(server.url, bearer(ANALYST));
    const overWs = await wsOnce(client, past);
    await client.dispose();
    slow = false;
    // Fifteen or so readings of a clock moving a second each: past 5 s, well within 600 s.
    for (const answer of [response, overWs]) {
      expect(answer.errors).toBeUndefined();
      expect((answer.data as { products: { nodes: unknown[] } }).products.nodes).toHaveLength(5);
    }
  });

  it('should let a mutation answer whatever its size, since it has been recorded', async () => {
    const response = await server.gql(REGISTER_PRODUCT, {
      input: productInput({ id: 'san-pham-cuoi', name: 'x'.repeat(190) }),
    });
    expect(response.errors).toBeUndefined();
  });

  it('should read the budgets from the environment', () => {
    expect(loadConfig({}).budget).toEqual(DEFAULT_EXECUTION_BUDGET);
    const env = { OCOP_MAX_RESPONSE_BYTES: '65536', OCOP_MAX_EXECUTION_MS: '2500', OCOP_MAX_WHOLE_LOG_MS: '90000' };
    expect(loadConfig(env).budget).toEqual({
      timeMs: 2500,
      wholeLogTimeMs: 90_000,
      maxResponseBytes: 65536,
    });
  });
});
