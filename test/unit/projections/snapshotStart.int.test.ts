import { readdirSync } from 'node:fs';
import { plainModels } from '../../../projections/modelsSnapshot';
import { replayLog } from '../../../projections/replay';
import { restoreAndKeepSnapshots } from '../../../projections/snapshotWriter';
import type { SnapshotSettings } from '../../../projections/snapshots';
import { createRegistry } from '../../../src/application/registry';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { createServices } from '../../../src/application/services';
import { tempSqliteStore } from '../../support/tempStore';
import { recordChanges, steppingClock } from '../history/historyLog';

describe('The service starting from a read-model snapshot', () => {
  it('should write one once it has caught up, start from it next time, and keep following the log', async () => {
    const temp = tempSqliteStore();
    await temp.store.close();
    const clock = steppingClock();
    const settings: SnapshotSettings = { dir: temp.dir, name: 'events.db', everyEvents: 3, everyMs: 60_000 };
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const open = () => getSqliteEventStore({ path: temp.path, clock: clock.ms });

    const first = open();
    await recordChanges(createRegistry(first), clock);
    const before = createServices(first);
    const writer = await restoreAndKeepSnapshots(before.runner, first, settings, log);
    await before.runner.start();
    writer.caughtUp();
    await writer.flush();
    writer.stop();
    await before.runner.stop();
    await first.close();
    expect(lines[0]).toMatch(/^No read-model snapshot in /);
    expect(lines[1]).toMatch(/^Read models snapshot written at \d+:\d+/);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.snapshot'))).toHaveLength(1);

    lines.length = 0;
    const second = open();
    const after = createServices(second, () => new Date(clock.ms()));
    const again = await restoreAndKeepSnapshots(after.runner, second, settings, log);
    await after.runner.start();
    expect(lines).toEqual([expect.stringMatching(/^Read models restored from .*events\.db\.\d+-\d+\.snapshot/)]);
    const replayed = await replayLog(second);
    expect(plainModels(after.runner.models)).toEqual(plainModels(replayed.models));
    expect(after.runner.position).toEqual(replayed.position);

    clock.advance();
    const result = await after.registry.registerSubject(
      { subjectId: 's-new', name: 'HTX Mới', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
      clock.context(),
    );
    await after.runner.waitFor(result.position!);
    expect(after.runner.models.subjects.has('s-new')).toBe(true);
    again.stop();
    await after.runner.stop();
    await second.close();
    await temp.cleanup();
  });
});
