import { createHmac } from 'node:crypto';
import { mintToken } from '../../src/http/auth/tokens';
import { DEFAULT_OFFICER, TEST_JWT_SECRET, type TestServer, bearer, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A JWT with any header and payload, HMAC-signed with `secret` using `hash` (or unsigned). */
function craft(header: object, payload: object, secret = TEST_JWT_SECRET, hash = 'sha256'): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

const claims = { sub: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '06' } as const;
const valid = () => ({ ...claims, iat: now(), exp: now() + 3600 });

describe('Bearer tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const HS256 = { alg: 'HS256', typ: 'JWT' };
  const forgedPayload = () => {
    const [header, , signature] = mintToken(claims, TEST_JWT_SECRET).split('.');
    return `${header}.${encode({ ...valid(), role: 'NATIONAL_COUNCIL', unit: 'VN' })}.${signature}`;
  };

  it.each([
    ['signed with another secret', () => mintToken(claims, 'an-attacker-secret-of-32-bytes-or-more')],
    ['with a payload changed after signing', forgedPayload],
    ['expired', () => mintToken({ ...claims, expiresIn: '1h' }, TEST_JWT_SECRET, new Date(Date.now() - 7_200_000))],
    ['malformed', () => 'not-a-token'],
    ['of three parts that are not JSON', () => 'abc.def.ghi'],
    ['with alg none and no signature', () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(valid())}.`],
    ['with alg none and a signature', () => craft({ alg: 'none' }, valid())],
    [
      'signed with HS512 (not an accepted algorithm)',
      () => craft({ alg: 'HS512' }, valid(), TEST_JWT_SECRET, 'sha512'),
    ],
    ['without an expiry', () => craft(HS256, { ...claims, iat: now() })],
    ['claiming the SYSTEM role', () => craft(HS256, { ...valid(), role: 'SYSTEM', unit: '06' })],
    ['claiming an unknown role', () => craft(HS256, { ...valid(), role: 'MINISTER' })],
    ['naming no unit', () => craft(HS256, { ...valid(), unit: undefined })],
    ['naming no official', () => craft(HS256, { ...valid(), sub: '' })],
  ])('should refuse a token %s with UNAUTHENTICATED (401), for reads and writes alike', async (_name, token) => {
    const before = await server.eventCount();
    const write = await server.gqlAs(`Bearer ${token()}`, REGISTER_SUBJECT, { input: subjectInput({ id: 'forged' }) });
    const read = await server.gqlAs(`Bearer ${token()}`, '{ plan(year: 2024, provinceCode: "06") { reference } }');
    for (const response of [write, read]) {
      expect(response.status).toBe(401);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(response.data ?? null).toBeNull();
    }
    expect(await server.eventCount()).toBe(before);
  });

  it.each([['Basic b2ZmaWNlcjpwYXNzd29yZA=='], ['Token abc'], ['Bearer'], ['Bearer a b']])(
    'should refuse the authorization %j, which is not "Bearer <token>"',
    async (authorization) => {
      const response = await server.gqlAs(authorization, '{ plan(year: 2024, provinceCode: "06") { reference } }');
      expect([response.status, response.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(response.errors?.[0]?.message).toBe('Authorization must be "Bearer <token>"');
    },
  );

  it('should say why a token was refused without echoing it', async () => {
    const expired = mintToken({ ...claims, expiresIn: '1h' }, TEST_JWT_SECRET, new Date(Date.now() - 7_200_000));
    const response = await server.gqlAs(`Bearer ${expired}`, '{ plan(year: 2024, provinceCode: "06") { reference } }');
    expect(response.errors![0]!.message).toBe('The token has expired');
    expect(JSON.stringify(response)).not.toContain(expired);
  });

  it('should record the actor the token names, whatever the request says about itself', async () => {
    const token = bearer({ sub: 'can-bo-na-ri', role: 'DISTRICT_OFFICER', unit: '066' });
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: token,
        'x-actor': JSON.stringify({ id: 'someone-else', role: 'PROVINCIAL_OFFICER', unit: '06' }),
        'x-user-id': 'someone-else',
      },
      body: JSON.stringify({
        query: REGISTER_SUBJECT,
        variables: { input: subjectInput({ id: 'htx-actor' }) },
        extensions: { actor: { id: 'someone-else', role: 'NATIONAL_COUNCIL', unit: 'VN' } },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const [event] = (await server.events()).filter((e) => e.streamId === 'ocop-subject-htx-actor');
    expect(event!.metadata['actor']).toEqual({ id: 'can-bo-na-ri', role: 'DISTRICT_OFFICER', unit: '066' });
  });

  it('should refuse an input that names an actor, appending nothing', async () => {
    const before = await server.eventCount();
    const input = { ...subjectInput({ id: 'htx-claims' }), actor: { id: 'x', role: 'NATIONAL_COUNCIL', unit: 'VN' } };
    const response = await server.gql(REGISTER_SUBJECT, { input });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.eventCount()).toBe(before);
  });

  it('should act as the default officer of the test server when no other token is given', async () => {
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-default' }) });
    const [event] = (await server.events()).filter((e) => e.streamId === 'ocop-subject-htx-default');
    expect(event!.metadata['actor']).toEqual({ id: DEFAULT_OFFICER.sub, role: 'PROVINCIAL_OFFICER', unit: '06' });
  });
});
