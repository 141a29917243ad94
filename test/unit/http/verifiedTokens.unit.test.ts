import { mintToken } from '../../../src/http/auth/tokens';
import { rememberVerifiedTokens } from '../../../src/http/auth/verifiedTokens';
import { createTokenVerifier } from '../../../src/http/auth/verifyToken';

const SECRET = 'verified-tokens-test-secret-of-32-bytes';
const OFFICER = { id: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '19' } as const;

/** A verifier that counts its calls and accepts tokens named in `valid`, until `expiresAt`. */
function countingVerifier(valid: Set<string>, expiresAt: number) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    if (!valid.has(token)) throw new Error(`refused ${token}`);
    return { actor: OFFICER, expiresAt };
  };
  return { calls, verify };
}

describe('Tokens remembered once verified', () => {
  it('should verify a token once, and answer its repeats from memory until it expires', async () => {
    let now = 1_000;
    const { calls, verify } = countingVerifier(new Set(['good']), 5_000);
    const check = rememberVerifiedTokens(verify, { now: () => now });
    await check('good');
    await check('good');
    expect(calls).toEqual(['good']);
    now = 5_000;
    await check('good');
    expect(calls).toEqual(['good', 'good']);
  });

  it('should never answer an expired token from memory', async () => {
    let now = 1_000;
    const valid = new Set(['good']);
    const { verify } = countingVerifier(valid, 2_000);
    const check = rememberVerifiedTokens(verify, { now: () => now });
    await check('good');
    valid.delete('good');
    now = 2_000;
    await expect(check('good')).rejects.toThrow('refused good');
  });

  it('should verify a refused token every time', async () => {
    const { calls, verify } = countingVerifier(new Set(), 5_000);
    const check = rememberVerifiedTokens(verify, { now: () => 1_000 });
    await expect(check('bad')).rejects.toThrow();
    await expect(check('bad')).rejects.toThrow();
    expect(calls).toEqual(['bad', 'bad']);
  });

  it('should forget every token when the keys they were verified with are replaced', async () => {
    let keys = { kid: 'one' };
    const valid = new Set(['good']);
    const { verify } = countingVerifier(valid, 5_000);
    const check = rememberVerifiedTokens(verify, { now: () => 1_000, keys: () => keys });
    await check('good');
    valid.delete('good');
    keys = { kid: 'two' };
    await expect(check('good')).rejects.toThrow('refused good');
  });

  it('should refuse a remembered token whose signature was changed', async () => {
    const verifier = createTokenVerifier({ keys: { secret: SECRET }, maxLifetimeSeconds: 3600 });
    const token = mintToken({ sub: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '19', expiresIn: '1h' }, SECRET);
    await expect(verifier(token)).resolves.toEqual(OFFICER);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    await expect(verifier(token.slice(0, -1) + last)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should refuse a remembered token once the clock passes its expiry', async () => {
    let now = Date.now();
    const verifier = createTokenVerifier({ keys: { secret: SECRET }, maxLifetimeSeconds: 3600, now: () => now });
    const token = mintToken({ sub: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '19', expiresIn: '2s' }, SECRET);
    await expect(verifier(token)).resolves.toEqual(OFFICER);
    now += 3_000;
    // Past `exp` by the verifier's clock: verified again by the signature library, on the real clock.
    await new Promise((resolve) => setTimeout(resolve, 2_100 + 5_000));
    await expect(verifier(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  }, 15_000);
});
