import { DEFAULT_QUERY_LIMITS } from '../../src/config/defaults';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, asDistrictOfficer, startTestServer } from '../support/testServer';

/** Evaluations one district officer records on one product, one right after another. */
const EVALUATIONS = 60;
const NESTED =
  'product(id: "mien-dong") { evaluations { product { evaluations { product { evaluations { product { id } } } } } } }';
/** Two levels instead of three: 3,600 products an alias, long enough to see who is answered first. */
const SHALLOWER = 'product(id: "mien-dong") { evaluations { product { evaluations { product { id } } } } }';
const aliases = (count: number, selection = NESTED) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

async function recordEvaluations(server: TestServer): Promise<void> {
  await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
  await server.gql(REGISTER_PRODUCT, { input: productInput() });
  for (let i = 0; i < EVALUATIONS; i++) {
    const input = awardInput({ score: 40, decisionNo: `${i + 1}/QĐ-UBND` });
    const answer = await server.gql(AWARD_STARS, { input }, asDistrictOfficer('066'));
    expect(answer.errors).toBeUndefined();
  }
}

/** The order in which answers arrive, by label. */
function arrivalOrder() {
  const order: string[] = [];
  return {
    order,
    track: <T>(label: string, answer: Promise<T>): Promise<T> =>
      answer.then((value) => {
        order.push(label);
        return value;
      }),
  };
}

describe('One anonymous request cannot hold the service', () => {
  describe('with the default cost limit', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
      await recordEvaluations(server);
    });
    afterAll(() => server.close());

    it('should refuse nested lists by the lengths just written, with no wait for a new measurement', async () => {
      const answer = await server.gqlAs(null, aliases(10));
      expect(answer.status).toBe(400);
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer.errors?.[0]?.message).toMatch(/^Query cost limit of 10000 exceeded/);
    });
  });

  describe('with a cost limit high enough to let a long query run', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({
        server: {
          limits: { ...DEFAULT_QUERY_LIMITS, maxCost: Number.MAX_SAFE_INTEGER },
          budget: { timeMs: 120_000, wholeLogTimeMs: 120_000, maxResponseBytes: 1 << 30 },
        },
      });
      await recordEvaluations(server);
    });
    afterAll(() => server.close());

    it('should answer a cheap query sent while the long one runs before the long one', async () => {
      const { order, track } = arrivalOrder();
      const long = track('long', server.gqlAs(null, aliases(10, SHALLOWER)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const sent = performance.now();
      const cheap = await track('cheap', server.gqlAs(null, '{ __typename }'));
      const waited = performance.now() - sent;
      const longAnswer = await long;
      expect(cheap).toMatchObject({ status: 200, data: { __typename: 'Query' } });
      expect(longAnswer.errors).toBeUndefined();
      expect(order).toEqual(['cheap', 'long']);
      process.stdout.write(`cheap query answered in ${waited.toFixed(1)} ms while the long one ran\n`);
    });
  });
});
