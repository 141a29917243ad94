import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { plainModels } from '../../../projections/modelsSnapshot';
import { replayLog } from '../../../projections/replay';
import { snapshotKey } from '../../../projections/snapshotKey';
import { restoreAndKeepSnapshots } from '../../../projections/snapshotWriter';
import type { SnapshotSettings } from '../../../projections/snapshots';
import { createRegistry } from '../../../src/application/registry';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { createServices } from '../../../src/application/services';
import { tempSqliteStore } from '../../support/tempStore';
import { recordChanges, steppingClock } from '../history/historyLog';
import { forgeSnapshot } from '../../cli/forgeSnapshot';

describe('The service starting from a read-model snapshot', () => {
  it('should write one once it has caught up, start from it next time, and keep following the log', async () => {
    const temp = tempSqliteStore();
    await temp.store.close();
    const clock = steppingClock();
    const key = snapshotKey('a-test-secret-of-at-least-32-bytes-long');
    const settings: SnapshotSettings = { dir: temp.dir, name: 'events.db', everyEvents: 3, everyMs: 60_000, key };
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

  it('should refuse a snapshot rewritten with its checksum and length, in one line, and replay the log', async () => {
    const temp = tempSqliteStore();
    await temp.store.close();
    const clock = steppingClock();
    const key = snapshotKey('a-test-secret-of-at-least-32-bytes-long');
    const settings: SnapshotSettings = { dir: temp.dir, name: 'events.db', everyEvents: 1000, everyMs: 60_000, key };
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const start = async () => {
      const store = getSqliteEventStore({ path: temp.path, clock: clock.ms });
      const services = createServices(store);
      const writer = await restoreAndKeepSnapshots(services.runner, store, settings, log);
      await services.runner.start();
      return { store, services, writer };
    };

    const first = await start();
    const changes = await recordChanges(createRegistry(first.store), clock);
    await first.services.runner.waitFor(changes.at(-1)!.positionAfter);
    await first.writer.flush();
    first.writer.stop();
    await first.services.runner.stop();
    await first.store.close();
    const [file, ...more] = readdirSync(temp.dir).filter((name) => name.endsWith('.snapshot'));
    expect(more).toEqual([]);
    forgeSnapshot(join(temp.dir, file!), 'Miến dong', 'Miến dong <b>giả</b>', 'signed');

    lines.length = 0;
    const second = await start();
    expect(lines.filter((line) => /snapshot .* is not signed with this service's key/.test(line))).toHaveLength(1);
    expect(lines.some((line) => /^Read models restored/.test(line))).toBe(false);
    expect(second.services.runner.models.products.get('p1')?.name).toBe('Miến dong');
    const replayed = await replayLog(second.store);
    expect(plainModels(second.services.runner.models)).toEqual(plainModels(replayed.models));
    second.writer.stop();
    await second.services.runner.stop();
    await temp.cleanup();
  });
});
