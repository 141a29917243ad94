import { DEFAULT_RATE_LIMITS } from '../../src/config/defaults';
import { quietObservability } from '../../src/observability';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const FAR_AHEAD = '99999999:99999999';
const QUERY = { query: '{ __typename }' };
const officer = (n: number) => bearer({ sub: `officer-${n}`, role: 'ANALYST', unit: 'VN' });

describe('Waits for a log position', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      observability: quietObservability({ minPositionWaitMs: 1500 }),
      server: {
        positionWaits: { total: 3, perCaller: 2 },
        rateLimits: { ...DEFAULT_RATE_LIMITS, perAddress: 1_000_000, perToken: 4 },
      },
    });
  });
  afterAll(() => server.close());

  const post = (authorization: string, headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify(QUERY),
    });
  const waitFor = (authorization: string) => post(authorization, { 'x-ocop-min-position': FAR_AHEAD });
  const timed = async (request: Promise<Response>) => {
    const began = performance.now();
    const response = await request;
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    return { status: response.status, code: body.errors?.[0]?.extensions.code, ms: performance.now() - began };
  };

  it('should refuse at once, with 429, the waits of one caller past its limit', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => timed(waitFor(officer(1)))));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused[0]!.ms).toBeLessThan(1000);
    expect(answers.filter((a) => a.status === 503).map((a) => a.code)).toEqual(['UNAVAILABLE', 'UNAVAILABLE']);
  });

  it('should refuse at once, with 503, waits past the limit of all callers together', async () => {
    const answers = await Promise.all([2, 3, 4, 5].map((n) => timed(waitFor(officer(n)))));
    const atOnce = answers.filter((a) => a.ms < 1000);
    expect(atOnce).toHaveLength(1);
    expect(atOnce[0]).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('should apply the rate limit before a request waits for a position', async () => {
    const caller = officer(9);
    for (let i = 0; i < 4; i++) expect((await post(caller)).status).toBe(200);
    const waiting = await timed(waitFor(caller));
    expect(waiting).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(waiting.ms).toBeLessThan(1000);
  });
});
