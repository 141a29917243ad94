import { createHmac } from 'node:crypto';
import { loadConfig } from '../../src/config/index';
import { DEVELOPMENT_JWT_SECRET } from '../../src/http/auth/tokens';
import { TEST_JWT_SECRET, type TestServer, bearer, startTestServer } from '../support/testServer';

const STRONG = 'Qm7vT2xLp9sR4wZk8HnB3cYf6JdG1aUe5XoV0iMtNqWs';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token with exactly these claims, signed with the test server's secret. */
function signed(claims: Record<string, unknown>): string {
  const input = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${input}.${createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url')}`;
}

describe('Strict configuration', () => {
  it.each(['Production', ' PRODUCTION ', 'production'])('should take NODE_ENV=%j for production mode', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv })).toThrow('Production mode needs OCOP_JWT_SECRET or OCOP_JWKS_URL');
    expect(loadConfig({ NODE_ENV: nodeEnv, OCOP_JWT_SECRET: STRONG })).toMatchObject({ production: true });
  });

  it('should let OCOP_MODE decide, and refuse a mode it does not know', () => {
    expect(() => loadConfig({ OCOP_MODE: 'production' })).toThrow('Production mode needs');
    expect(loadConfig({ OCOP_MODE: 'development', NODE_ENV: 'production' }).production).toBe(false);
    expect(() => loadConfig({ OCOP_MODE: 'prod' })).toThrow('OCOP_MODE must be production or development, got prod');
  });

  it.each([
    ['32 spaces', ' '.repeat(32), 'is too predictable'],
    ['one character repeated', 'a'.repeat(64), 'is too predictable'],
    ['two words repeated', 'abcdabcdabcdabcdabcdabcdabcdabcd', 'is too predictable'],
    ['the public development secret', DEVELOPMENT_JWT_SECRET, 'is the public development secret'],
    ['a short one', 'Qm7vT2xLp9sR4wZk', 'must be at least 32 bytes'],
  ])('should refuse a secret of %s', (_name, secret, reason) => {
    expect(() => loadConfig({ OCOP_JWT_SECRET: secret })).toThrow(`OCOP_JWT_SECRET ${reason}`);
  });

  it('should listen on 127.0.0.1 in development, every interface in production, or HOST', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', OCOP_JWT_SECRET: STRONG }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('should read the longest token lifetime', () => {
    expect(loadConfig({}).auth.maxLifetimeSeconds).toBe(24 * 3600);
    expect(loadConfig({ OCOP_JWT_MAX_LIFETIME: '2h' }).auth.maxLifetimeSeconds).toBe(7200);
    expect(() => loadConfig({ OCOP_JWT_MAX_LIFETIME: 'forever' })).toThrow('OCOP_JWT_MAX_LIFETIME');
  });
});

describe('Strict tokens', () => {
  let server: TestServer;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { sub: 'can-bo-1', role: 'DISTRICT_OFFICER', unit: '066' };
  const answer = async (authorization: string) => {
    const response = await server.gqlAs(authorization, '{ subjects { totalCount } }');
    return [response.status, response.errors?.[0]?.extensions?.code ?? 'OK', response.errors?.[0]?.message];
  };

  beforeAll(async () => {
    server = await startTestServer({ seed: false });
  });
  afterAll(() => server.close());

  it('should accept a token of a day, a commune office and a province office', async () => {
    expect(await answer(`Bearer ${signed({ ...claims, iat: now(), exp: now() + 3600 })}`)).toEqual([
      200,
      'OK',
      undefined,
    ]);
    expect(await answer(bearer({ sub: 'xa-1', role: 'DISTRICT_OFFICER', unit: '02185' }))).toEqual([
      200,
      'OK',
      undefined,
    ]);
  });

  it.each([
    ['that lives for ever', { ...claims, iat: now(), exp: 1e20 }, 'The token lives longer than 86400 s'],
    ['that lives two days', { ...claims, iat: now(), exp: now() + 2 * 86400 }, 'The token lives longer than 86400 s'],
    [
      'issued an hour from now',
      { ...claims, iat: now() + 3600, exp: now() + 7200 },
      'The token claim iat is missing or not valid',
    ],
    ['without iat', { ...claims, exp: now() + 3600 }, 'The token claim iat is missing or not valid'],
    [
      'of a unit that does not exist',
      { ...claims, unit: 'ZZ9', iat: now(), exp: now() + 3600 },
      'The token claim unit is missing or not valid',
    ],
  ])('should refuse a token %s', async (_name, payload, message) => {
    expect(await answer(`Bearer ${signed(payload)}`)).toEqual([401, 'UNAUTHENTICATED', message]);
  });

  it('should refuse a signature spelled other than canonically', async () => {
    const token = signed({ ...claims, iat: now(), exp: now() + 3600 });
    expect(await answer(`Bearer ${token}=`)).toEqual([401, 'UNAUTHENTICATED', 'The token is malformed']);
    // The last character of a 32-byte signature carries 4 unused bits: setting one names the same bytes.
    const signature = token.split('.')[2]!;
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    const respelled = `${token.slice(0, -1)}${twin}`;
    expect(Buffer.from(respelled.split('.')[2]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(await answer(`Bearer ${respelled}`)).toEqual([401, 'UNAUTHENTICATED', 'The token is malformed']);
  });
});
