/** Long enough that switching turns costs little; short enough that a cheap request barely waits. */
export const DEFAULT_SLICE_MS = 4;

/**
 * Shares the event loop between long loops over the whole log (time-travel replays, digests, scans by
 * type) and everything else. Such a loop asks `pause()` between two steps; once the current slice is
 * spent it waits for its turn. Turns are handed out first come, first served, one per event-loop turn
 * (`setImmediate`), so HTTP I/O and timers run between any two slices: however many loops are running,
 * each event-loop turn a cheap request needs costs it at most about one slice, never one per loop.
 *
 * The slice is shared by all loops rather than owned by one: a loop that starts, or resumes after its
 * own I/O, while a slice is running may use what is left of it, and must queue once it is spent.
 * Without contention a loop loses one `setImmediate` per slice, a fraction of a percent.
 */
export class FairSlices {
  private readonly waiting: (() => void)[] = [];
  private sliceEnds = Number.NEGATIVE_INFINITY;
  private granting = false;

  constructor(
    private readonly sliceMs = DEFAULT_SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Between two steps of whole-log work: undefined while the slice lasts (carry on at once, with no
   * await to pay for), or a promise that resolves at the caller's turn.
   */
  pause(): Promise<void> | undefined {
    if (this.now() < this.sliceEnds) return undefined;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.grantSoon();
    });
  }

  /**
   * `pause()` for work a request may give up on: once the slice is spent, `stop` runs before the loop
   * queues, and throws to end the work there (its request is out of time).
   */
  pauseOrStop(stop?: () => void): Promise<void> | undefined {
    if (this.now() < this.sliceEnds) return undefined;
    stop?.();
    return this.pause();
  }

  /** Loops waiting for a turn. */
  get queued(): number {
    return this.waiting.length;
  }

  private grantSoon(): void {
    if (this.granting) return;
    this.granting = true;
    setImmediate(this.grant);
  }

  private readonly grant = (): void => {
    this.granting = false;
    const next = this.waiting.shift();
    if (!next) return;
    this.sliceEnds = this.now() + this.sliceMs;
    next();
    if (this.waiting.length > 0) this.grantSoon();
  };
}

/** The one scheduler every whole-log loop of the process shares: fairness needs them all in one queue. */
export const wholeLogSlices = new FairSlices();
