import { ErrorCode } from '../../graphql/errors';
import { RATE_CODE } from './rateLimits';

/** Requests waiting for `x-ocop-min-position` at once. */
export interface PositionWaitLimits {
  /** All callers together: past it, 503 (this replica is too far behind for more to wait). */
  readonly total: number;
  /** One caller (a signed-in official, or an address): past it, 429. */
  readonly perCaller: number;
}

export interface WaitRefusal {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: { errors: { message: string; extensions: { code: string } }[] };
}

const refusal = (status: number, code: string, message: string): WaitRefusal => ({
  status,
  headers: { 'content-type': 'application/json', 'retry-after': '1' },
  body: { errors: [{ message, extensions: { code } }] },
});

/**
 * Counts the requests held while the read models catch up with a position a client asked for. A
 * wait holds a socket and a timer for seconds: without a bound, one caller sending positions far
 * ahead could hold any number of them.
 */
export function createPositionWaits(limits: PositionWaitLimits) {
  let total = 0;
  const byCaller = new Map<string, number>();
  return {
    /** Runs `wait` if the caller may wait now; otherwise the answer to send instead. */
    async hold<T>(caller: string, wait: () => Promise<T>): Promise<T | WaitRefusal> {
      const own = byCaller.get(caller) ?? 0;
      if (own >= limits.perCaller)
        return refusal(
          429,
          RATE_CODE,
          `At most ${limits.perCaller} requests of one caller may wait for a log position`,
        );
      if (total >= limits.total)
        return refusal(503, ErrorCode.UNAVAILABLE, 'Too many requests are waiting for a log position; try again');
      total++;
      byCaller.set(caller, own + 1);
      try {
        return await wait();
      } finally {
        total--;
        const left = (byCaller.get(caller) ?? 1) - 1;
        if (left === 0) byCaller.delete(caller);
        else byCaller.set(caller, left);
      }
    },
  };
}

export type PositionWaits = ReturnType<typeof createPositionWaits>;
