import { progressReporter } from '../../src/cli/historyIo';
import { captureIo } from './captureIo';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const head = { commit: 1000n, prepare: 1000n };

describe('Progress of a long pass over the log', () => {
  it('should redraw a bar in place on a terminal, with the share done and events per second', async () => {
    const run = captureIo({});
    Object.assign(run.io.stderr, { isTTY: true });
    const progress = progressReporter(run.io, 'replay', head);
    await pause(250);
    progress.update(500, { commit: 500n, prepare: 500n });
    progress.done();
    expect(run.stderr()).toMatch(/^\rreplay \[#{15}\.{15}\] 50% 500 events, [\d,]+ events\/s \n$/);
  });

  it('should write no bar when the output is not a terminal, and nothing within the first seconds', async () => {
    const run = captureIo({});
    const progress = progressReporter(run.io, 'replay', head);
    await pause(250);
    progress.update(500, { commit: 500n, prepare: 500n });
    progress.done();
    expect(run.stderr()).toBe('');
  });
});
