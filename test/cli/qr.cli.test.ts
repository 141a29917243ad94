import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createRegistry } from '../../src/application/registry';
import { runCli } from '../../src/cli/program';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { recordChanges, steppingClock } from '../unit/history/historyLog';
import { captureIo, sqliteEnv } from './captureIo';

const BASE = 'https://ocop.backan.gov.vn/tra-cuu';

describe('ocop qr', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-qr-'));
    path = join(dir, 'ocop.db');
    const clock = steppingClock();
    const store = getSqliteEventStore({ path, clock: clock.ms });
    await recordChanges(createRegistry(store), clock);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const capture = captureIo({ ...sqliteEnv(path), OCOP_PUBLIC_BASE_URL: BASE });
    await runCli(['qr', ...args], capture.io);
    return capture;
  };

  it('should write a PNG whose code is the address of the certificate page under OCOP_PUBLIC_BASE_URL', async () => {
    const out = join(dir, 'p1.C1.png');
    const { exitCode, stderr } = await run('p1.C1', '--out', out);
    expect(exitCode()).toBeUndefined();
    const png = PNG.sync.read(readFileSync(out));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`${BASE}/c/p1.C1`);
    expect(stderr()).toContain(`${BASE}/c/p1.C1`);
  });

  it('should write an SVG for any other file name', async () => {
    const out = join(dir, 'p1.C1.svg');
    await run('p1.C1', '--out', out);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('should refuse a certificate that was never issued with exit code 2, and write nothing', async () => {
    const out = join(dir, 'p1.C9.svg');
    const { exitCode, stderr } = await run('p1.C9', '--out', out);
    expect(exitCode()).toBe(2);
    expect(stderr()).toContain('Certificate p1.C9 was never issued');
    expect(existsSync(out)).toBe(false);
  });

  it("should write a sheet of every certificate a decision issued, for the decision's annex", async () => {
    const out = join(dir, 'D-1.svg');
    const { exitCode } = await run('--decision', 'D-1', '--out', out);
    expect(exitCode()).toBeUndefined();
    const sheet = readFileSync(out, 'utf8');
    expect(sheet).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+mm"/);
    expect(sheet.match(/<svg x=/g)).toHaveLength(1);
    expect(sheet).toContain('>p1.C1</text>');
    expect(sheet).toContain('OCOP: D-1');
  });

  it('should refuse a decision that issued no certificate, and a certificate number given with --decision', async () => {
    expect((await run('--decision', 'NO-SUCH', '--out', join(dir, 'none.svg'))).exitCode()).toBe(2);
    expect(existsSync(join(dir, 'none.svg'))).toBe(false);
    const both = await run('p1.C1', '--decision', 'D-1');
    expect(both.exitCode()).toBe(2);
    expect(both.stderr()).toContain('Give a certificate number or --decision, one of them');
  });

  it('should refuse a malformed certificate number with exit code 2', async () => {
    const { exitCode, stderr } = await run('<script>', '--out', join(dir, 'x.svg'));
    expect(exitCode()).toBe(2);
    expect(stderr()).toContain('A certificate number looks like "mien-dong.C1"');
  });
});
