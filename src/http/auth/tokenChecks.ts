import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { UnauthenticatedError } from '../../core/errors';
import { BEFORE_REORGANISATION, FROM_REORGANISATION } from '../../domain/rules/units/referenceData';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * A compact JWS whose three parts are each in the one canonical base64url spelling: no padding, no
 * stray characters, no unused bits set in the last character. Decoders accept other spellings of the
 * same bytes, so without this one signature would have several accepted forms.
 */
export function requireCanonicalToken(token: string): void {
  const parts = token.split('.');
  const canonical =
    parts.length === 3 &&
    parts.every((part) => BASE64URL.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part);
  if (!canonical) throw new UnauthenticatedError('The token is malformed');
}

/** The token lives no longer than `maxLifetimeSeconds` from its `iat` (a future `iat` is refused by jose's maxTokenAge). */
export function requireLifetime(payload: JWTPayload, maxLifetimeSeconds: number): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > maxLifetimeSeconds) {
    throw new UnauthenticatedError(`The token lives longer than ${maxLifetimeSeconds} s`, { claim: 'exp' });
  }
}

/** The country, or a unit of the reference data of either period (before or from the 2025 reorganisation). */
export function isKnownUnit(code: string): boolean {
  return code === 'VN' || BEFORE_REORGANISATION.byCode.has(code) || FROM_REORGANISATION.byCode.has(code);
}
