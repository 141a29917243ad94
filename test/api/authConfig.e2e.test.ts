import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../src/cli/program';
import { authenticatorFor } from '../../src/cli/serve';
import { ConfigError, loadConfig } from '../../src/config/index';
import { jose } from '../../src/http/auth/jose';
import { DEVELOPMENT_JWT_SECRET, mintToken } from '../../src/http/auth/tokens';
import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { captureIo } from '../cli/captureIo';

const PRODUCTION_SECRET = 'a-production-secret-of-at-least-32-bytes';

describe('Start-up settings for tokens', () => {
  it('should refuse to start in production without a secret or a JWKS URL, before opening a store', async () => {
    const env = { NODE_ENV: 'production', OCOP_SQLITE_PATH: '/nonexistent/never-opened.db' };
    await expect(runCli(['serve'], captureIo(env).io)).rejects.toThrow(ConfigError);
    await expect(runCli(['serve'], captureIo(env).io)).rejects.toThrow(
      /Production mode needs OCOP_JWT_SECRET or OCOP_JWKS_URL/,
    );
  });

  it('should refuse a secret shorter than 32 bytes and a JWKS URL that is not http(s)', () => {
    expect(() => loadConfig({ OCOP_JWT_SECRET: 'short' })).toThrow('OCOP_JWT_SECRET must be at least 32 bytes long');
    expect(() => loadConfig({ OCOP_JWKS_URL: 'file:///etc/keys.json' })).toThrow(
      'OCOP_JWKS_URL must be an http(s) URL',
    );
  });

  it('should use the secret or the JWKS URL it is given, the JWKS URL first', () => {
    const production = { NODE_ENV: 'production' };
    expect(loadConfig({ ...production, OCOP_JWT_SECRET: PRODUCTION_SECRET }).auth.keys).toEqual({
      secret: PRODUCTION_SECRET,
    });
    const both = loadConfig({ ...production, OCOP_JWT_SECRET: PRODUCTION_SECRET, OCOP_JWKS_URL: 'https://idp/jwks' });
    expect(both.auth.keys).toEqual({ jwksUrl: 'https://idp/jwks' });
  });

  it('should verify against the public development secret, and only that, in development mode', async () => {
    const config = loadConfig({});
    expect(config.auth.keys).toBeNull();
    const authenticate = authenticatorFor(config.auth);
    const claims = { sub: 'dev', role: 'ANALYST', unit: 'VN' } as const;
    expect(await authenticate(`Bearer ${mintToken(claims, DEVELOPMENT_JWT_SECRET)}`)).toEqual({
      id: 'dev',
      role: 'ANALYST',
      unit: 'VN',
    });
    await expect(authenticate(`Bearer ${mintToken(claims, PRODUCTION_SECRET)}`)).rejects.toThrow(
      'The token signature is not valid',
    );
  });
});

describe('ocop token', () => {
  let output: string[];
  let errors: string[];
  let exitCode: number | undefined;
  const token = async (args: string[], env: Record<string, string>) => {
    const run = captureIo(env);
    await runCli(['token', ...args], run.io);
    if (run.stdout()) output.push(run.stdout());
    errors.push(...run.stderr().split('\n').filter(Boolean));
    exitCode = run.exitCode();
  };
  beforeEach(() => {
    output = [];
    errors = [];
    exitCode = undefined;
  });

  it('should print a token the server accepts: the development secret by default, OCOP_JWT_SECRET when set', async () => {
    await token(['--role', 'DISTRICT_OFFICER', '--unit', '066'], {});
    expect(errors).toEqual([
      'Signed with the public DEVELOPMENT secret: only a development server accepts it.',
      expect.stringContaining('066 Na Rì no longer exists'),
    ]);
    const development = authenticatorFor({ keys: null });
    expect(await development(`Bearer ${output[0]!.trim()}`)).toEqual({
      id: 'district_officer-066',
      role: 'DISTRICT_OFFICER',
      unit: '066',
    });
    await token(['--role', 'provincial_officer', '--unit', '06', '--sub', 'nguyen-van-a', '--expires', '30m'], {
      OCOP_JWT_SECRET: PRODUCTION_SECRET,
    });
    const production = authenticatorFor({ keys: { secret: PRODUCTION_SECRET } });
    expect(await production(`Bearer ${output[1]!.trim()}`)).toEqual({
      id: 'nguyen-van-a',
      role: 'PROVINCIAL_OFFICER',
      unit: '06',
    });
    const { exp, iat } = jose.decodeJwt(output[1]!.trim());
    expect(exp! - iat!).toBe(1800);
  });

  it.each([
    [['--unit', '066'], /--role is required/],
    [['--role', 'KING', '--unit', '066'], /--role is required/],
    [['--role', 'ANALYST'], /--unit is required/],
    [['--role', 'DISTRICT_OFFICER', '--unit', '06'], /A DISTRICT_OFFICER works in a district; 06 is a province/],
    [['--role', 'PROVINCIAL_OFFICER', '--unit', '066'], /works in a province; 066 is a district/],
    [['--role', 'NATIONAL_COUNCIL', '--unit', '06'], /--unit VN/],
    [['--role', 'ANALYST', '--unit', 'VN', '--expires', '8 hours'], /duration/],
    [['--role', 'ANALYST', '--unit', 'VN', '--admin'], /Unknown option/],
  ])('should refuse %j, print why and exit with 2', async (args, message) => {
    await token(args, {});
    expect(output).toEqual([]);
    expect(errors.join('\n')).toMatch(message);
    expect(exitCode).toBe(2);
  });
});

describe('Tokens from an identity provider (OCOP_JWKS_URL)', () => {
  let jwks: Server;
  let server: TestServer;
  let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('RS256');
    const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => response.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    sign = (claims, audience = 'ocop-registry') =>
      new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setIssuer('https://idp.example.vn')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const auth = { keys: { jwksUrl }, issuer: 'https://idp.example.vn', audience: 'ocop-registry' };
    server = await startTestServer({ seed: false, server: { authenticate: authenticatorFor(auth) } });
  });
  afterAll(async () => {
    await server.close();
    jwks.close();
  });

  it("should accept the provider's signed tokens and record their official", async () => {
    const claims = { sub: 'idp-user-7', role: 'DISTRICT_OFFICER', unit: '066' };
    const response = await server.gqlAs(`Bearer ${await sign(claims)}`, REGISTER_SUBJECT, {
      input: subjectInput({ id: 'htx-idp' }),
    });
    expect(response.errors).toBeUndefined();
    const [event] = (await server.events()).filter((e) => e.streamId === 'ocop-subject-htx-idp');
    expect(event!.metadata['actor']).toEqual({ id: 'idp-user-7', role: 'DISTRICT_OFFICER', unit: '066' });
  });

  it('should refuse shared-secret tokens and tokens meant for another audience', async () => {
    const claims = { sub: 'x', role: 'ANALYST', unit: 'VN' } as const;
    const hs256 = await server.gqlAs(bearer(claims), '{ subjects { totalCount } }');
    expect(hs256.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UNAUTHENTICATED', 'The token algorithm is not accepted'],
    ]);
    const elsewhere = await server.gqlAs(`Bearer ${await sign(claims, 'another-app')}`, '{ subjects { totalCount } }');
    expect(elsewhere.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UNAUTHENTICATED', 'The token claim aud is missing or not valid'],
    ]);
  });

  it('should answer UNAVAILABLE, not UNAUTHENTICATED, when the key set cannot be fetched', async () => {
    const unreachable = authenticatorFor({ keys: { jwksUrl: 'http://127.0.0.1:1/jwks.json' } });
    const token = await sign({ sub: 'x', role: 'ANALYST', unit: 'VN' });
    await expect(unreachable(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
