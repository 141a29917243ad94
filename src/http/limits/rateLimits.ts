import { ErrorCode } from '../../graphql/errors';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import type { Actor } from '../../application/metadata';

/** The code of a request refused because its caller is over a rate or connection limit (HTTP 429). */
export const RATE_CODE = ErrorCode.RATE_LIMITED;

export interface RateLimits {
  /** Requests (HTTP, or graphql-ws operations) per address per window. */
  readonly perAddress: number;
  /** Requests per signed-in official (the token's `sub` and role) per window. */
  readonly perToken: number;
  readonly windowSeconds: number;
  /** Open graphql-ws connections, all callers together. */
  readonly maxConnections: number;
  /** Running subscriptions on one graphql-ws connection. */
  readonly subscriptionsPerConnection: number;
  /** Running subscriptions of anonymous callers, all connections together. */
  readonly anonymousSubscriptions: number;
}

export class RateLimitedError extends GraphQLError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { extensions: { code: RATE_CODE } });
  }
}

/** An HTTP answer to send instead of running the request. */
export interface HttpRefusal {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * Counts requests per address and per official in memory (one process), and refuses one over either
 * limit with RATE_LIMITED: only the caller over its limit is slowed, every other caller is untouched.
 */
export function createRateLimiter(limits: RateLimits) {
  const byAddress = new RateLimiterMemory({ points: limits.perAddress, duration: limits.windowSeconds });
  const byToken = new RateLimiterMemory({ points: limits.perToken, duration: limits.windowSeconds });
  const take = async (limiter: RateLimiterMemory, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new RateLimitedError(
        `Too many requests ${what}: at most ${limiter.points} every ${limits.windowSeconds} s; try again in ${seconds} s`,
        seconds,
      );
    }
  };
  return {
    /** Rejects with RateLimitedError when the address, or the official, is over its limit. */
    async admit(address: string | undefined, actor: Actor | null): Promise<void> {
      await take(byAddress, address ?? 'unknown', 'from this address');
      if (actor) await take(byToken, `${actor.role}:${actor.id}`, 'for this token');
    },
    /**
     * Over HTTP: 429 with Retry-After when over a limit, before anything is parsed or answered from
     * memory. A token that does not verify counts against its address only (it is refused with 401 later).
     */
    async refuseHttp(address: string | undefined, actor: Promise<Actor | null>): Promise<HttpRefusal | null> {
      try {
        await this.admit(address, await actor.catch(() => null));
        return null;
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        return {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': String(error.retryAfterSeconds) },
          body: { errors: [{ message: error.message, extensions: { code: RATE_CODE } }] },
        };
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
