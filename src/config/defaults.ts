import type { QueryLimits } from '../http/auth/queryLimits';
import type { ExecutionBudget } from '../http/limits/executionBudget';
import type { PositionWaitLimits } from '../http/limits/positionWaits';
import type { RateLimits } from '../http/limits/rateLimits';
import type { WholeLogLimits } from '../http/limits/wholeLogWork';

/**
 * What the service runs with when the environment says nothing. The host takes every limit as an
 * option and keeps no default of its own, so this file is the one place a default is read or changed.
 */

/** Room for what the API is for: a full page of 100 products with their certificates and subject costs about 6,600. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxCost: 10_000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
};

export const DEFAULT_EXECUTION_BUDGET: ExecutionBudget = {
  timeMs: 10_000,
  wholeLogTimeMs: 120_000,
  maxResponseBytes: 4_000_000,
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perAddress: 600,
  perToken: 1200,
  windowSeconds: 60,
  maxConnections: 1000,
  subscriptionsPerConnection: 20,
  anonymousSubscriptions: 200,
};

export const DEFAULT_WHOLE_LOG_LIMITS: WholeLogLimits = { perCaller: 4, total: 16 };

export const DEFAULT_POSITION_WAIT_LIMITS: PositionWaitLimits = { total: 256, perCaller: 8 };

/** The longest a token may live (`exp` − `iat`) unless configured otherwise: one working day and then some. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Bytes of remembered answers. */
export const DEFAULT_REMEMBERED_ANSWER_BYTES = 64 << 20;
