import { DEFAULT_WHOLE_LOG_LIMITS } from '../../src/config/defaults';
import { loadConfig } from '../../src/config/index';
import { createWholeLogLimiter } from '../../src/http/limits/wholeLogWork';
import { wsClient, wsOnce } from '../support/graphqlWs';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const ANALYST = bearer({ sub: 'analyst-1', role: 'ANALYST', unit: 'VN' });
const at = (instants: string[]) =>
  `{ ${instants.map((instant, i) => `a${i}: districtTargets(year: 2024, provinceCode: "06", asOf: "${instant}") { year }`).join(' ')} }`;

describe('Whole-log work running at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { wholeLogLimits: { perCaller: 2, total: 3 } } });
  });
  afterAll(() => server.close());

  it('should count distinct instants apart, and the same instant once', async () => {
    const same = await server.gqlAs(ANALYST, at(Array(5).fill('2024-12-01T00:00:00Z')));
    expect(same.errors).toBeUndefined();
    const distinct = await server.gqlAs(
      ANALYST,
      at(['2024-12-01T00:00:00Z', '2024-12-02T00:00:00Z', '2024-12-03T00:00:00Z']),
    );
    expect([distinct.status, distinct.data ?? null, distinct.errors?.map((e) => e.extensions?.code)]).toEqual([
      429,
      null,
      ['RATE_LIMITED'],
    ]);
    const two = await server.gqlAs(ANALYST, at(['2024-12-01T00:00:00Z', '2024-12-02T00:00:00Z']));
    expect(two.errors).toBeUndefined();
  });

  it('should count the same over graphql-ws, and free the slots when an operation ends', async () => {
    const client = wsClient(server.url, ANALYST);
    const refused = await wsOnce(client, at(['2024-12-01T00:00:00Z', '2024-12-02T00:00:00Z', '2024-12-04T00:00:00Z']));
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    for (let i = 0; i < 3; i++) {
      const answered = await wsOnce(client, at(['2024-12-01T00:00:00Z', '2024-12-05T00:00:00Z']));
      expect(answered.errors).toBeUndefined();
    }
    await client.dispose();
  });
});

describe('The whole-log limiter', () => {
  it('should hold each caller to its share and everyone to the total, until released', () => {
    const limiter = createWholeLogLimiter({ perCaller: 2, total: 3 });
    const a = limiter.acquire('a', 2);
    expect(typeof a).toBe('function');
    expect(limiter.acquire('a', 1)).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const b = limiter.acquire('b', 1);
    expect(typeof b).toBe('function');
    expect(limiter.acquire('c', 1)).toMatchObject({
      message: 'The registry is busy with whole-log work: try again shortly',
    });
    (a as () => void)();
    (a as () => void)();
    expect(typeof limiter.acquire('c', 2)).toBe('function');
  });

  it('should read its limits from the environment', () => {
    expect(loadConfig({}).wholeLogLimits).toEqual(DEFAULT_WHOLE_LOG_LIMITS);
    expect(loadConfig({ OCOP_MAX_WHOLE_LOG_PER_CALLER: '1', OCOP_MAX_WHOLE_LOG_TOTAL: '8' }).wholeLogLimits).toEqual({
      perCaller: 1,
      total: 8,
    });
  });
});
