/**
 * Wakes waiting readers when events are appended. Each `wait` resolves on the next `notify`,
 * on `close`, or after `fallbackMs` (to notice writes made by another process on the same file).
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly fallbackMs: number) {}

  wait(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.fallbackMs);
      timer.unref();
      this.waiters.add(wake);
    });
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }
}
