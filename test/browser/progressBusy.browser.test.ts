import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';
import { type TestServer, startTestServer } from '../support/testServer';

const ROOT = join(__dirname, '..', '..');

/**
 * A visitor asks the progress page for a past day while no whole-log slot is free (the server here has
 * none to give, so every past day is refused the way a busy server refuses it).
 */
describeInBrowser('the progress page when the registry is busy, in Chromium', () => {
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const origin = () => `http://127.0.0.1:${server.port}`;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    server = await startTestServer({ server: { wholeLogLimits: { perCaller: 0, total: 0 } } });
    browser = await launchBrowser({ locale: 'en-GB' });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should tell a visitor asking for a past day to try again, and lead back to today’s figures', async () => {
    await page.goto(`${origin()}/progress/06/2024?lang=en`);
    await page.fill('#asOf', '2024-12-19');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('asOf=2024-12-19')),
      page.click('.asof button'),
    ]);
    expect([refused.status(), refused.headers()['retry-after']]).toEqual([429, '5']);
    await expect(page.locator('main p').first().innerText()).resolves.toBe(
      'The registry is busy working out figures for past days. Please try again in a moment.',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    const again = await page.getByRole('link', { name: 'Try again' }).getAttribute('href');
    expect(again).toBe('/progress/06/2024?asOf=2024-12-19&lang=en');
    expect((await page.goto(`${origin()}${again}`))?.status()).toBe(429);

    await Promise.all([
      page.waitForURL(/\/progress\/06\/2024\?lang=en$/),
      page.getByRole('link', { name: "See today's figures" }).click(),
    ]);
    await page.locator('#live-state', { hasText: 'Live updates' }).waitFor();
    expect(await page.locator('#annexes table').count()).toBeGreaterThan(0);
  });

  it('should keep the asked day when the visitor switches language on the busy page', async () => {
    await page.goto(`${origin()}/progress/06/2024?asOf=2024-12-19&lang=en`);
    await expect(page.locator('a.lang').getAttribute('href')).resolves.toBe('/progress/06/2024?asOf=2024-12-19');
  });
});
