import { EventStoreUnavailableError } from './eventStore';

/** Our own deadline passed (not the server's, nor the client's). */
export class DeadlineExpiredError extends EventStoreUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineExpiredError';
  }
}

/**
 * Settles with `work`, or rejects with EventStoreUnavailableError after `ms`. The client's own gRPC
 * deadline does not cover everything (its server-features probe and every read run without one), and
 * a peer that accepts TCP and never answers would otherwise keep the caller waiting forever.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExpiredError(`EventStoreDB did not answer ${what} within ${ms} ms`)),
      ms,
    );
  });
  // Whichever loses the race must not surface later as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

export interface NextOptions {
  /** Fails when no item arrives within this many milliseconds; absent: wait as long as it takes. */
  readonly ms?: number;
  readonly what: string;
  /** Settling this ends the wait as if the source were exhausted (used by `close()`). */
  readonly stop?: Promise<void>;
}

/** One `next()` on an async iterator, bounded by a deadline and/or a stop signal. */
export function nextWithin<T>(iterator: AsyncIterator<T>, options: NextOptions): Promise<IteratorResult<T>> {
  let pending: Promise<IteratorResult<T>> = iterator.next();
  if (options.stop) {
    const stopped = options.stop.then((): IteratorResult<T> => ({ done: true, value: undefined }));
    pending.catch(() => undefined);
    pending = Promise.race([pending, stopped]);
  }
  return options.ms === undefined ? pending : withDeadline(pending, options.ms, options.what);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
