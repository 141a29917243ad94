/**
 * A push-to-pull bridge: producers `push`, one consumer iterates. Ending the iteration (the client
 * unsubscribes) runs `onClose`, which detaches the producer.
 */
export function asyncQueue<T>(onClose: () => void): { push(item: T): void; iterator: AsyncIterableIterator<T> } {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    onClose();
    wake?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!closed && items.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (items.length > 0) return { value: items.shift()!, done: false };
      return { value: undefined, done: true };
    },
    async return() {
      close();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    push(item) {
      if (closed) return;
      items.push(item);
      wake?.();
    },
    iterator,
  };
}
