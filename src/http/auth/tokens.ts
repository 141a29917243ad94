import { createHmac } from 'node:crypto';
import type { Role } from '../../application/metadata';

/** The roles a token may carry. SYSTEM is the service itself and never comes from outside. */
export type TokenRole = Exclude<Role, 'SYSTEM'>;
export const TOKEN_ROLES: readonly TokenRole[] = [
  'COMMUNE_OFFICER',
  'DISTRICT_OFFICER',
  'PROVINCIAL_OFFICER',
  'NATIONAL_COUNCIL',
  'AUDITOR',
  'ANALYST',
];

/**
 * The HS256 secret of development mode, used when neither OCOP_JWT_SECRET nor OCOP_JWKS_URL is set.
 * It is public (it is in this file), so anyone can mint tokens for a development server: start-up
 * says so loudly, and production mode refuses to start without a real secret.
 */
export const DEVELOPMENT_JWT_SECRET = 'ocop-development-secret-public-never-use-in-production';

/** Shortest secret accepted: HS256 keys should carry at least as many bits as the hash (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32;

export interface TokenClaims {
  /** The official's id. */
  readonly sub: string;
  readonly role: TokenRole;
  /** The administrative unit of the official's office: a district ('066'), a province ('06'), or 'VN'. */
  readonly unit: string;
  /** Seconds, or a number with a unit: '90s', '30m', '8h', '7d'. Default 8h. */
  readonly expiresIn?: string | number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function durationSeconds(duration: string | number): number {
  if (typeof duration === 'number' && Number.isInteger(duration) && duration > 0) return duration;
  const match = /^(\d+)\s*([smhd])$/.exec(String(duration).trim());
  if (!match) throw new RangeError(`A duration is a positive number of s, m, h or d (e.g. 8h), got ${duration}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Mints an HS256 JWT for development and tests. Signed synchronously with node:crypto so callers
 * need not await; every token is verified by jose (verifyToken.ts), so minting cannot weaken checks.
 */
export function mintToken(claims: TokenClaims, secret: string, now: Date = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = {
    sub: claims.sub,
    role: claims.role,
    unit: claims.unit,
    iat,
    exp: iat + durationSeconds(claims.expiresIn ?? '8h'),
  };
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
