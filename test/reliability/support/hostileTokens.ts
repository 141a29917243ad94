import { createHmac } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '../../../src/http/auth/tokens';
import { TEST_JWT_SECRET } from '../../support/childServer';

/**
 * Bearer tokens that must not authenticate: claims the server used to accept, and spellings of a
 * good token that decoders accept but the signature was not made over.
 */

type Claims = Record<string, unknown>;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token with exactly these claims, signed with `secret` (the child server's by default). */
export function signed(claims: Claims, secret = TEST_JWT_SECRET, header: object = { alg: 'HS256', typ: 'JWT' }) {
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
/** A provincial officer's claims for an hour from now: what every forgery starts from. */
export const validClaims = (): Claims => ({
  sub: 'forger',
  role: 'PROVINCIAL_OFFICER',
  unit: '06',
  iat: now(),
  exp: now() + 3600,
});

/** Claims a token must not carry, by what is wrong with them; `valid` is the control. */
export const CLAIMS: Record<string, () => Claims> = {
  valid: validClaims,
  'exp of 1e20': () => ({ ...validClaims(), exp: 1e20 }),
  'a lifetime of two days': () => ({ ...validClaims(), exp: now() + 2 * 86400 }),
  'iat an hour from now': () => ({ ...validClaims(), iat: now() + 3600, exp: now() + 7200 }),
  'no iat': () => ({ ...validClaims(), iat: undefined }),
  'expired a minute ago': () => ({ ...validClaims(), iat: now() - 3600, exp: now() - 60 }),
  'a unit that does not exist': () => ({ ...validClaims(), unit: 'ZZ9' }),
  'a commune code that does not exist': () => ({ ...validClaims(), unit: '99999' }),
  'an unknown role': () => ({ ...validClaims(), role: 'ADMINISTRATOR' }),
  'exp as a string': () => ({ ...validClaims(), exp: String(now() + 3600) }),
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Ways to write a token other than as it was signed; `as signed` is the control. */
export const SPELLINGS: Record<string, (claims: Claims) => string> = {
  'as signed': (claims) => signed(claims),
  'a trailing = on the signature': (claims) => `${signed(claims)}=`,
  'padding on the payload': (claims) => {
    const [header, payload, signature] = signed(claims).split('.');
    return `${header}.${payload}==.${signature}`;
  },
  // The last character of a 32-byte signature carries 4 unused bits: flipping one names the same bytes.
  'an unused bit of the signature set': (claims) => {
    const token = signed(claims);
    return token.slice(0, -1) + ALPHABET[ALPHABET.indexOf(token.at(-1)!) ^ 1];
  },
  'signed with another secret': (claims) => signed(claims, 'another-secret-of-more-than-32-bytes-Qm7vT2xLp9'),
  'alg none': (claims) => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
  'the public development secret': (claims) => signed(claims, DEVELOPMENT_JWT_SECRET),
};

/** Environments `ocop serve` must refuse to start with, and what its message must name. */
export const REFUSED_ENVIRONMENTS: { name: string; env: Record<string, string>; names: RegExp }[] = [
  { name: 'a secret of 32 spaces', env: { OCOP_JWT_SECRET: ' '.repeat(32) }, names: /OCOP_JWT_SECRET/ },
  { name: 'a secret of one letter', env: { OCOP_JWT_SECRET: 'a'.repeat(64) }, names: /OCOP_JWT_SECRET/ },
  {
    name: 'NODE_ENV=Production without a secret',
    env: { NODE_ENV: 'Production', OCOP_JWT_SECRET: '' },
    names: /[Pp]roduction mode needs OCOP_JWT_SECRET/,
  },
  { name: 'an OCOP_MODE it does not know', env: { OCOP_MODE: 'prod' }, names: /OCOP_MODE/ },
];
