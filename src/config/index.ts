import { basename, dirname } from 'node:path';
import { snapshotKey } from '#projections/snapshotKey';
import type { SnapshotSettings } from '#projections/snapshots';
import type { QueryLimits } from '../http/auth/queryLimits';
import { TOKEN_ROLES, type TokenRole, durationSeconds } from '../http/auth/tokens';
import { isProduction, listenHost, snapshotSecret, weakSecret } from './mode';
import { defaultProvince } from '../application/defaultProvince';
import { parseOrigins } from '../http/cors';
import type { ExecutionBudget } from '../http/limits/executionBudget';
import type { RateLimits } from '../http/limits/rateLimits';
import type { WholeLogLimits } from '../http/limits/wholeLogWork';
import type { PositionWaitLimits } from '../http/limits/positionWaits';
import {
  DEFAULT_EXECUTION_BUDGET,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEFAULT_POSITION_WAIT_LIMITS,
  DEFAULT_QUERY_LIMITS,
  DEFAULT_RATE_LIMITS,
  DEFAULT_REMEMBERED_ANSWER_BYTES,
  DEFAULT_WHOLE_LOG_LIMITS,
} from './defaults';
import type { TokenKeys } from '../http/auth/verifyToken';

/** How bearer tokens are verified. `keys` is null in development mode (the public development secret). */
export interface AuthSettings {
  readonly keys: TokenKeys | null;
  readonly issuer?: string;
  readonly audience?: string;
  /** Longest `exp` − `iat` accepted (OCOP_JWT_MAX_LIFETIME). */
  readonly maxLifetimeSeconds?: number;
}

/** The kinds of store OCOP_STORE may name; src/cli/openStore.ts opens each. */
export const STORE_KINDS = ['sqlite', 'esdb'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Settings from the environment, with defaults that run on a fresh machine. */
export interface Config {
  readonly port: number;
  /** Where to listen (HOST): 127.0.0.1 in development unless set, every interface in production. */
  readonly host: string;
  readonly store: StoreKind;
  readonly sqlitePath: string;
  readonly esdbUrl: string;
  /** Production refuses unsafe defaults and hides stack traces. */
  readonly production: boolean;
  /** Adopt Plan 180/KH-UBND (2024) on start-up unless OCOP_SEED_PLAN=false. */
  readonly seedPlan: boolean;
  readonly auth: AuthSettings;
  readonly limits: QueryLimits;
  readonly budget: ExecutionBudget;
  readonly rateLimits: RateLimits;
  readonly wholeLogLimits: WholeLogLimits;
  readonly positionWaits: PositionWaitLimits;
  readonly maxBodyBytes: number;
  readonly introspection: boolean;
  readonly fieldSuggestions: boolean;
  /** Origins whose browser apps may call the API (OCOP_CORS_ORIGINS, comma-separated; none by default). */
  readonly corsOrigins: readonly string[];
  /** The offline GraphiQL explorer at GET /graphql (OCOP_EXPLORER; default: outside production only). */
  readonly explorer: boolean;
  /** Roles whose tokens may introspect when introspection is otherwise off (OCOP_INTROSPECTION_ROLES). */
  readonly introspectionRoles: readonly string[];
  /** Bytes of remembered answers (OCOP_ANSWER_CACHE_MB, default 64; 0 turns remembering off). */
  readonly answerCacheBytes: number;
  /** Where the public reaches the service: QR codes point below it (OCOP_PUBLIC_BASE_URL; unset: this machine). */
  readonly publicBaseUrl?: string;
  /** Read-model snapshots: where, and how often; null when off. */
  readonly snapshots: SnapshotSettings | null;
}

export class ConfigError extends Error {}

export type Env = NodeJS.ProcessEnv;

function positiveInteger(env: Env, name: string, fallback: number): number {
  const given = env[name];
  if (given === undefined || given === '') return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(`${name} must be a positive whole number, got ${given}`);
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  const given = env[name];
  if (given === undefined || given === '') return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got ${given}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const given = env[name];
  if (given === undefined || given === '') return fallback;
  if (given !== 'true' && given !== 'false') throw new ConfigError(`${name} must be true or false, got ${given}`);
  return given === 'true';
}

/**
 * OCOP_JWKS_URL (an identity provider's keys) wins over OCOP_JWT_SECRET (a shared HS256 secret).
 * With neither, development mode uses the public development secret; production refuses to start.
 */
function authSettings(env: Env, production: boolean): AuthSettings {
  const secret = env['OCOP_JWT_SECRET'] || undefined;
  const jwksUrl = env['OCOP_JWKS_URL'] || undefined;
  const claims = {
    issuer: env['OCOP_JWT_ISSUER'] || undefined,
    audience: env['OCOP_JWT_AUDIENCE'] || undefined,
    maxLifetimeSeconds: tokenLifetime(env),
  };
  if (jwksUrl) {
    if (!URL.canParse(jwksUrl) || !/^https?:$/.test(new URL(jwksUrl).protocol))
      throw new ConfigError(`OCOP_JWKS_URL must be an http(s) URL, got ${jwksUrl}`);
    return { keys: { jwksUrl }, ...claims };
  }
  if (secret) {
    const weakness = weakSecret(secret);
    if (weakness) throw new ConfigError(`OCOP_JWT_SECRET ${weakness}`);
    return { keys: { secret }, ...claims };
  }
  if (production) {
    throw new ConfigError(
      'Production mode needs OCOP_JWT_SECRET or OCOP_JWKS_URL: refusing to start with the public development secret',
    );
  }
  return { keys: null, ...claims };
}

function tokenLifetime(env: Env): number {
  const given = env['OCOP_JWT_MAX_LIFETIME'];
  if (!given) return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  try {
    return durationSeconds(given);
  } catch (error) {
    throw new ConfigError(`OCOP_JWT_MAX_LIFETIME: ${(error as Error).message}`);
  }
}

function mode(env: Env): boolean {
  try {
    return isProduction(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function corsOrigins(env: Env): string[] {
  try {
    return parseOrigins(env['OCOP_CORS_ORIGINS']);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function roleList(env: Env, name: string): TokenRole[] {
  const roles = (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const role of roles) {
    if (!(TOKEN_ROLES as readonly string[]).includes(role))
      throw new ConfigError(`${name} takes roles from ${TOKEN_ROLES.join(', ')}; got ${role}`);
  }
  return roles as TokenRole[];
}

/** An http(s) URL, possibly with a path prefix (behind a proxy). */
function publicBaseUrl(env: Env): string | undefined {
  const given = env['OCOP_PUBLIC_BASE_URL'];
  if (given === undefined || given === '') return undefined;
  if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol) || /[?#]/.test(given))
    throw new ConfigError(`OCOP_PUBLIC_BASE_URL must be an http(s) URL without a query, got ${given}`);
  return given.replace(/\/+$/, '');
}

/**
 * Snapshots go to OCOP_SNAPSHOT_DIR, or beside the SQLite file; with EventStoreDB only when a folder
 * is named. OCOP_SNAPSHOTS=false turns them off, and so does a production server with no secret to
 * sign them with (config/mode.ts).
 */
function snapshotSettings(
  env: Env,
  store: StoreKind,
  sqlitePath: string,
  production: boolean,
): SnapshotSettings | null {
  if (!flag(env, 'OCOP_SNAPSHOTS', true)) return null;
  const dir = env['OCOP_SNAPSHOT_DIR'] || (store === 'sqlite' ? dirname(sqlitePath) : undefined);
  const signing = snapshotSecret(env, production);
  if (!dir || !signing) return null;
  const weakness = signing.setting && weakSecret(signing.secret);
  if (weakness) throw new ConfigError(`${signing.setting} ${weakness}`);
  return {
    key: snapshotKey(signing.secret),
    dir,
    name: store === 'sqlite' ? basename(sqlitePath) : 'ocop-esdb',
    everyEvents: positiveInteger(env, 'OCOP_SNAPSHOT_EVERY_EVENTS', 10_000),
    everyMs: positiveInteger(env, 'OCOP_SNAPSHOT_EVERY_MINUTES', 10) * 60_000,
  };
}

function rateLimits(env: Env): RateLimits {
  const d = DEFAULT_RATE_LIMITS;
  return {
    perAddress: positiveInteger(env, 'OCOP_RATE_LIMIT_PER_ADDRESS', d.perAddress),
    perToken: positiveInteger(env, 'OCOP_RATE_LIMIT_PER_TOKEN', d.perToken),
    windowSeconds: positiveInteger(env, 'OCOP_RATE_LIMIT_WINDOW_SECONDS', d.windowSeconds),
    maxConnections: positiveInteger(env, 'OCOP_MAX_WS_CONNECTIONS', d.maxConnections),
    subscriptionsPerConnection: positiveInteger(
      env,
      'OCOP_MAX_SUBSCRIPTIONS_PER_CONNECTION',
      d.subscriptionsPerConnection,
    ),
    anonymousSubscriptions: positiveInteger(env, 'OCOP_MAX_ANONYMOUS_SUBSCRIPTIONS', d.anonymousSubscriptions),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const port = Number(env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got ${env['PORT']}`);
  const store = (env['OCOP_STORE'] ?? 'sqlite') as StoreKind;
  if (!STORE_KINDS.includes(store))
    throw new ConfigError(`OCOP_STORE must be ${STORE_KINDS.join(' or ')}, got ${store}`);
  const production = mode(env);
  const sqlitePath = env['OCOP_SQLITE_PATH'] ?? './data/ocop.db';
  // Read per question; a bad value is refused at start, not at the first question.
  try {
    defaultProvince(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    port,
    host: listenHost(env, production),
    store,
    sqlitePath,
    esdbUrl: env['OCOP_ESDB_URL'] ?? 'esdb://localhost:2113?tls=false',
    production,
    seedPlan: env['OCOP_SEED_PLAN'] !== 'false',
    auth: authSettings(env, production),
    limits: {
      maxDepth: positiveInteger(env, 'OCOP_MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxCost: positiveInteger(env, 'OCOP_MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost),
      maxAliases: positiveInteger(env, 'OCOP_MAX_QUERY_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
      maxTokens: positiveInteger(env, 'OCOP_MAX_QUERY_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
      maxDirectives: positiveInteger(env, 'OCOP_MAX_QUERY_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives),
    },
    budget: {
      timeMs: positiveInteger(env, 'OCOP_MAX_EXECUTION_MS', DEFAULT_EXECUTION_BUDGET.timeMs),
      wholeLogTimeMs: positiveInteger(env, 'OCOP_MAX_WHOLE_LOG_MS', DEFAULT_EXECUTION_BUDGET.wholeLogTimeMs),
      maxResponseBytes: positiveInteger(env, 'OCOP_MAX_RESPONSE_BYTES', DEFAULT_EXECUTION_BUDGET.maxResponseBytes),
    },
    rateLimits: rateLimits(env),
    wholeLogLimits: {
      perCaller: positiveInteger(env, 'OCOP_MAX_WHOLE_LOG_PER_CALLER', DEFAULT_WHOLE_LOG_LIMITS.perCaller),
      total: positiveInteger(env, 'OCOP_MAX_WHOLE_LOG_TOTAL', DEFAULT_WHOLE_LOG_LIMITS.total),
    },
    positionWaits: {
      perCaller: positiveInteger(env, 'OCOP_MAX_POSITION_WAITS_PER_CALLER', DEFAULT_POSITION_WAIT_LIMITS.perCaller),
      total: positiveInteger(env, 'OCOP_MAX_POSITION_WAITS_TOTAL', DEFAULT_POSITION_WAIT_LIMITS.total),
    },
    maxBodyBytes: positiveInteger(env, 'OCOP_MAX_BODY_BYTES', 1_000_000),
    introspection: flag(env, 'OCOP_GRAPHQL_INTROSPECTION', !production),
    fieldSuggestions: flag(env, 'OCOP_GRAPHQL_FIELD_SUGGESTIONS', !production),
    corsOrigins: corsOrigins(env),
    explorer: flag(env, 'OCOP_EXPLORER', !production),
    introspectionRoles: roleList(env, 'OCOP_INTROSPECTION_ROLES'),
    answerCacheBytes: wholeNumber(env, 'OCOP_ANSWER_CACHE_MB', DEFAULT_REMEMBERED_ANSWER_BYTES / (1 << 20)) * (1 << 20),
    publicBaseUrl: publicBaseUrl(env),
    snapshots: snapshotSettings(env, store, sqlitePath, production),
  };
}
