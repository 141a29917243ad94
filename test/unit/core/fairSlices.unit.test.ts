import { FairSlices } from '../../../src/core/fairSlices';

/** A clock that moves only when a step of work says it took time. */
function steppedClock() {
  let now = 0;
  return { now: () => now, spend: (ms: number) => void (now += ms) };
}

/** A loop of `steps` steps, each taking `stepMs`, pausing between steps as whole-log loops do. */
async function loop(
  name: string,
  steps: number,
  slices: FairSlices,
  clock: ReturnType<typeof steppedClock>,
  log: string[],
) {
  for (let i = 0; i < steps; i++) {
    clock.spend(1);
    log.push(name);
    const turn = slices.pause();
    if (turn) await turn;
  }
}

describe('Fair slices of the event loop', () => {
  it('should let a loop carry on without waiting while its slice lasts', () => {
    const clock = steppedClock();
    const slices = new FairSlices(4, clock.now);
    const waited = (slices.pause() ?? Promise.resolve()).then(() => clock.now());
    return waited.then(() => {
      clock.spend(3);
      expect(slices.pause()).toBeUndefined();
      clock.spend(1);
      expect(slices.pause()).toBeInstanceOf(Promise);
    });
  });

  it('should hand out turns first come, first served, a slice each', async () => {
    const clock = steppedClock();
    const slices = new FairSlices(2, clock.now);
    const log: string[] = [];
    await Promise.all([
      loop('a', 4, slices, clock, log),
      loop('b', 4, slices, clock, log),
      loop('c', 4, slices, clock, log),
    ]);
    // Each loop's first step ran as it started; after that, two steps (one 2 ms slice) per turn, in turn.
    expect(log.join('')).toBe('abc' + 'aa' + 'bb' + 'cc' + 'a' + 'b' + 'c');
  });

  it('should run what is waiting on the event loop between two slices, however many loops are running', async () => {
    const clock = steppedClock();
    const slices = new FairSlices(2, clock.now);
    const log: string[] = [];
    const loops = Promise.all([loop('a', 20, slices, clock, log), loop('b', 20, slices, clock, log)]);
    setImmediate(() => log.push('I/O'));
    await loops;
    // Each loop's first step as it started, one slice of the first loop, then the callback queued meanwhile.
    expect(log.slice(0, 5)).toEqual(['a', 'b', 'a', 'a', 'I/O']);
    expect(log.filter((entry) => entry !== 'I/O')).toHaveLength(40);
  });
});
