import { type GlobalPosition, comparePositions } from '#src/eventStore/eventStore';

export interface PositionWaiter {
  readonly position: GlobalPosition;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Callers waiting for the read models to reach a position, lowest position first (a binary heap). The
 * runner asks after every event whether anyone is due, so that question costs one comparison; a
 * waiter that gives up is only marked, and dropped when it reaches the top, so a timeout costs no scan.
 */
export class PositionWaiters {
  private readonly heap: PositionWaiter[] = [];
  private readonly cancelled = new WeakSet<PositionWaiter>();
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(waiter: PositionWaiter): void {
    this.heap.push(waiter);
    this.live++;
    this.up(this.heap.length - 1);
  }

  /** The waiter no longer waits (it timed out): it is never resolved. */
  cancel(waiter: PositionWaiter): void {
    if (this.cancelled.has(waiter)) return;
    this.cancelled.add(waiter);
    this.live--;
  }

  /** Resolves, lowest first, every waiter whose position is at or before `reached`. */
  releaseUpTo(reached: GlobalPosition): void {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      const dropped = this.cancelled.has(top);
      if (!dropped && comparePositions(reached, top.position) < 0) return;
      this.pop();
      if (dropped) continue;
      this.cancel(top);
      top.resolve();
    }
  }

  /** Rejects every waiter still waiting, and forgets them all. */
  rejectAll(error: Error): void {
    for (const waiter of this.heap.splice(0)) {
      if (this.cancelled.has(waiter)) continue;
      this.cancel(waiter);
      waiter.reject(error);
    }
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.down(0);
  }

  private less(i: number, j: number): boolean {
    return comparePositions(this.heap[i]!.position, this.heap[j]!.position) < 0;
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  private up(i: number): void {
    for (let parent = (i - 1) >> 1; i > 0 && this.less(i, parent); i = parent, parent = (i - 1) >> 1)
      this.swap(i, parent);
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.heap.length && this.less(left, least)) least = left;
      if (right < this.heap.length && this.less(right, least)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}
