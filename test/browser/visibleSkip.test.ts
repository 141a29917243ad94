import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What a run without a browser prints: Jest itself, on two files, one of them all browser tests. */
describe('browser tests on a machine without Chromium', () => {
  it('should say in the output that they were skipped, why, and how to install a browser', () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), 'test/browser/support.browser.test.ts', 'test/unit/domain/rules.unit.test.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', OCOP_REQUIRE_BROWSER: '' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'SKIPPED browser tests "browser test support": no Chromium at /nonexistent/chromium; install it with `apt-get install -y chromium`',
    );
    expect(run.stderr).toMatch(/Tests: +\d+ skipped, \d+ passed/);
  }, 120_000);
});
