import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../src/application/registry';
import { runCli } from '../../src/cli/program';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { testContext } from '../support/fixtures';
import { captureIo, sqliteEnv } from './captureIo';

describe('ocop expiring', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-expiring-'));
    path = join(dir, 'ocop.db');
    const store = getSqliteEventStore({ path });
    const registry = createRegistry(store);
    const subject = {
      subjectId: 'htx',
      name: 'HTX Na Rì',
      kind: 'COOPERATIVE',
      districtCode: '066',
      registeredOn: '2024-03-01',
    } as const;
    await registry.registerSubject(subject, testContext());
    for (const [productId, name, decidedOn] of [
      ['mien', 'Miến dong Na Rì', '2024-10-15'],
      ['tra', 'Trà hoa vàng', '2024-11-20'],
    ] as const) {
      const product = {
        productId,
        subjectId: 'htx',
        name,
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-10',
      } as const;
      await registry.registerProduct(product, testContext());
      await registry.awardStars(
        { productId, level: 'DISTRICT', score: 62, decisionNo: `H-${productId}`, decidedOn },
        testContext(),
      );
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const capture = captureIo(sqliteEnv(path));
    await runCli(['expiring', ...args], capture.io);
    return capture;
  };

  it('should list the valid certificates whose last day falls within --within days of --on (90 by default), soonest first', async () => {
    const { stdout, stderr, exitCode } = await run('--within', '30', '--on', '2027-09-30');
    expect(exitCode()).toBeUndefined();
    expect(stdout()).toBe('2027-10-15    15 days  3★ DISTRICT  mien.C1  Miến dong Na Rì\n');
    expect(stderr()).toContain('1 valid certificate(s) whose last day falls within 30 days of 2027-09-30');
    const wider = await run('--on', '2027-09-30');
    expect(
      wider
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[5]),
    ).toEqual(['mien.C1', 'tra.C1']);
  });

  it('should filter by the province the products lie in on the day', async () => {
    expect((await run('--on', '2027-09-30', '--province', '19')).stdout().split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('should refuse a province merged away before the day, naming its successor, rather than list nothing', async () => {
    const merged = await run('--on', '2027-09-30', '--province', '06');
    expect(merged.stdout()).toBe('');
    expect(merged.stderr()).toMatch(/06 Bắc Kạn did not exist on 2027-09-30.*19 Thái Nguyên/);
    expect(merged.exitCode()).toBe(2);
  });

  it('should refuse a window or a date it cannot read with exit code 2', async () => {
    for (const args of [['--within', 'sixty'], ['--within', '-1'], ['--on', '30/09/2027'], ['--strange']]) {
      const { exitCode, stderr } = await run(...args);
      expect([args, exitCode()]).toEqual([args, 2]);
      expect(stderr()).not.toBe('');
    }
  });

  it('should explain itself under --help', async () => {
    const { stdout } = await run('--help');
    expect(stdout()).toContain('Usage: ocop expiring [options]');
    expect(stdout()).toMatch(/--within <days>\s+days ahead of --on, that day included \(default: 90\)/);
    expect(stdout()).toContain('--province <code>');
  });
});
