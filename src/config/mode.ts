import { DEVELOPMENT_JWT_SECRET, MIN_SECRET_BYTES } from '../http/auth/tokens';

type Env = NodeJS.ProcessEnv;

/**
 * Production mode: OCOP_MODE (production or development) when set, otherwise NODE_ENV read without
 * regard to case or surrounding spaces, so `Production` is not quietly development. Anything else in
 * OCOP_MODE is a mistake to refuse, not a mode to guess.
 */
export function isProduction(env: Env): boolean {
  const mode = env['OCOP_MODE']?.trim().toLowerCase();
  if (mode) {
    if (mode !== 'production' && mode !== 'development')
      throw new RangeError(`OCOP_MODE must be production or development, got ${env['OCOP_MODE']}`);
    return mode === 'production';
  }
  return env['NODE_ENV']?.trim().toLowerCase() === 'production';
}

/** HOST, or where to listen by default: this machine only in development, every interface in production. */
export function listenHost(env: Env, production: boolean): string {
  const host = env['HOST']?.trim();
  return host || (production ? '0.0.0.0' : '127.0.0.1');
}

/** Fewest bits a secret must carry, estimated from how often each of its characters occurs. */
export const MIN_SECRET_BITS = 128;
const MIN_DISTINCT_CHARACTERS = 10;

/** Shannon's estimate of the bits in `text`: length × entropy of its character frequencies (generous for text). */
function estimatedBits(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  const length = [...text].length;
  let perCharacter = 0;
  for (const count of counts.values()) perCharacter -= (count / length) * Math.log2(count / length);
  return perCharacter * length;
}

/**
 * Why an HS256 secret is too weak, or null: long enough (RFC 7518 §3.2), and not mostly repeats, a few
 * characters, blank, or the public development secret. The estimate cannot prove a secret random; it
 * refuses the ones that plainly are not.
 */
export function weakSecret(secret: string): string | null {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) return `must be at least ${MIN_SECRET_BYTES} bytes long`;
  if (secret === DEVELOPMENT_JWT_SECRET) return 'is the public development secret';
  if (new Set(secret.trim()).size < MIN_DISTINCT_CHARACTERS || estimatedBits(secret) < MIN_SECRET_BITS)
    return `is too predictable (too few distinct characters, or too repetitive): use ${MIN_SECRET_BYTES}+ random bytes, e.g. openssl rand -base64 48`;
  return null;
}

/**
 * The secret read-model snapshots are signed from, and the setting it came from: OCOP_SNAPSHOT_KEY,
 * else OCOP_JWT_SECRET, else, outside production, the public development secret (setting null: a
 * development server's snapshots are as open as its tokens). Null in production when tokens are
 * checked against OCOP_JWKS_URL alone: there is no secret to sign with, and snapshots are off.
 */
export function snapshotSecret(env: Env, production: boolean): { setting: string | null; secret: string } | null {
  for (const setting of ['OCOP_SNAPSHOT_KEY', 'OCOP_JWT_SECRET']) {
    const secret = env[setting];
    if (secret) return { setting, secret };
  }
  return production ? null : { setting: null, secret: DEVELOPMENT_JWT_SECRET };
}

/**
 * Why /metrics would be open to anyone, or null. In production it needs OCOP_METRICS_TOKEN, or a port
 * of its own (OCOP_METRICS_PORT) that the firewall keeps to the scraper: on the service port without a
 * token, anyone who can reach the API could read the service's figures and what they tell of its load.
 */
export function openMetrics(
  production: boolean,
  metricsPort: number | null,
  metricsToken: string | null,
): string | null {
  if (!production || metricsPort !== null || metricsToken !== null) return null;
  return 'Production mode needs OCOP_METRICS_TOKEN or OCOP_METRICS_PORT: refusing to start with /metrics open to anyone on the service port';
}
