import { createSecretKey } from 'node:crypto';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { Actor } from '../../application/metadata';
import { UnauthenticatedError, UnavailableError } from '../../core/errors';
import { jose } from './jose';
import { isKnownUnit, requireCanonicalToken, requireLifetime } from './tokenChecks';
import { TOKEN_ROLES, type TokenRole } from './tokens';
import { rememberVerifiedTokens } from './verifiedTokens';

/** Where signatures are checked: a shared HS256 secret, or an identity provider's published keys. */
export type TokenKeys = { readonly secret: string } | { readonly jwksUrl: string };

export interface VerifierOptions {
  readonly keys: TokenKeys;
  /** When set, tokens must carry this `iss` / `aud` (for tokens from an identity provider). */
  readonly issuer?: string;
  readonly audience?: string;
  /** Longest `exp` − `iat` accepted. */
  readonly maxLifetimeSeconds: number;
  /** Milliseconds now, for when a remembered token expires (tests pass a clock of their own). */
  readonly now?: () => number;
}

/** Resolves to the official a valid token names; rejects with UNAUTHENTICATED otherwise. */
export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * A JWKS holds public keys, so only asymmetric algorithms are accepted with one: accepting HS256
 * there would let anyone sign with the public key as the HMAC secret (algorithm confusion).
 */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const UNIT = /^[A-Za-z0-9]{1,16}$/;
const CLOCK_TOLERANCE_SECONDS = 5;

const MESSAGES: Record<string, string> = {
  ERR_JWT_EXPIRED: 'The token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'The token signature is not valid',
  ERR_JOSE_ALG_NOT_ALLOWED: 'The token algorithm is not accepted',
  ERR_JOSE_NOT_SUPPORTED: 'The token algorithm is not accepted',
  ERR_JWKS_NO_MATCHING_KEY: 'No key of the identity provider matches the token',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'No single key of the identity provider matches the token',
};

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const keys = options.keys;
  const maxLifetime = options.maxLifetimeSeconds;
  const checks = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['sub', 'exp', 'iat'],
    // Also refuses an `iat` later than now (beyond the tolerance).
    maxTokenAge: maxLifetime,
  };
  let keySet: (() => unknown) | undefined;
  const verify =
    'secret' in keys
      ? (() => {
          // Import the key once: building it per request showed up in profiles under load.
          const key = createSecretKey(Buffer.from(keys.secret));
          return (token: string) => jose.jwtVerify(token, key, { ...checks, algorithms: ['HS256'] });
        })()
      : (() => {
          const jwks = jose.createRemoteJWKSet(new URL(keys.jwksUrl));
          keySet = () => jwks.jwks();
          return (token: string) => jose.jwtVerify(token, jwks, { ...checks, algorithms: ASYMMETRIC });
        })();
  const verified = async (token: string) => {
    try {
      requireCanonicalToken(token);
      const { payload } = await verify(token);
      requireLifetime(payload, maxLifetime);
      return { actor: actorOf(payload), expiresAt: payload.exp! * 1000 };
    } catch (error) {
      throw refusal(error);
    }
  };
  return rememberVerifiedTokens(verified, { now: options.now, keys: keySet });
}

/** The claims the registry needs, checked: a token that verifies but names no office acts as no one. */
function actorOf(payload: JWTPayload): Actor {
  const { sub, role, unit } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw invalidClaim('sub');
  if (typeof role !== 'string' || !TOKEN_ROLES.includes(role as TokenRole)) throw invalidClaim('role');
  if (typeof unit !== 'string' || !UNIT.test(unit) || !isKnownUnit(unit)) throw invalidClaim('unit');
  return { id: sub, role: role as TokenRole, unit };
}

const invalidClaim = (claim: string) =>
  new UnauthenticatedError(`The token claim ${claim} is missing or not valid`, { claim });

function refusal(error: unknown): Error {
  if (error instanceof UnauthenticatedError) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    return invalidClaim(String((error as { claim?: unknown }).claim));
  }
  if (typeof code === 'string' && code in MESSAGES) return new UnauthenticatedError(MESSAGES[code]!);
  if (typeof code === 'string' && /^ERR_J(WT|WS|OSE)_/.test(code))
    return new UnauthenticatedError('The token is malformed');
  // Not a verdict on the token (ERR_JWKS_TIMEOUT, a refused connection): the keys could not be fetched.
  return new UnavailableError('The keys to verify tokens are unavailable; try again');
}
