import { PositionWaiters } from '../../../projections/positionWaiters';

const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });

describe('Callers waiting for a log position', () => {
  const waiting = () => {
    const released: number[] = [];
    const waiters = new PositionWaiters();
    const add = (n: number) => {
      const waiter = { position: at(n), resolve: () => released.push(n), reject: () => undefined };
      waiters.add(waiter);
      return waiter;
    };
    return { waiters, add, released };
  };

  it('should release every waiter at or before the position reached, lowest first', () => {
    const { waiters, add, released } = waiting();
    for (const n of [7, 3, 9, 5, 3]) add(n);
    waiters.releaseUpTo(at(6));
    expect(released).toEqual([3, 3, 5]);
    expect(waiters.size).toBe(2);
  });

  it('should never release a waiter that gave up', () => {
    const { waiters, add, released } = waiting();
    add(2);
    const gaveUp = add(4);
    add(6);
    waiters.cancel(gaveUp);
    expect(waiters.size).toBe(2);
    waiters.releaseUpTo(at(10));
    expect(released).toEqual([2, 6]);
    expect(waiters.size).toBe(0);
  });

  it('should reject whoever still waits when the read models stop', () => {
    const { waiters } = waiting();
    const rejected: string[] = [];
    waiters.add({ position: at(1), resolve: () => undefined, reject: (e) => rejected.push(e.message) });
    waiters.rejectAll(new Error('stopped'));
    expect(rejected).toEqual(['stopped']);
    expect(waiters.size).toBe(0);
  });
});
