import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';
import {
  ADOPT_PLAN,
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  revokeInput,
} from '../support/operations';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const ROOT = join(__dirname, '..', '..');
/** `npm run test:browser` refreshes the README's screenshots; any other run writes them to a temporary directory. */
const SCREENSHOTS = process.env['OCOP_SCREENSHOTS_DIR']
  ? resolve(ROOT, process.env['OCOP_SCREENSHOTS_DIR'])
  : mkdtempSync(join(tmpdir(), 'ocop-screenshots-'));
const THAI_NGUYEN = bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' });
const target = (unitCode: string, newProducts3Star: number, newSubjects: number) => ({
  unitCode,
  newProducts3Star,
  consolidatedSubjects: 0,
  newSubjects,
  traceabilityProducts: newProducts3Star,
  linkageSubjects: newSubjects,
  advancedQmProducts: 0,
});

/**
 * Thái Nguyên on 8 December 2026: a plan for two communes, a product of Xã Na Rì certified 3★, and one
 * of Xã Côn Minh certified, then revoked.
 */
async function thaiNguyen2026(server: TestServer) {
  const ok = async (query: string, input: object) =>
    expect((await server.gqlAs(THAI_NGUYEN, query, { input })).errors).toBeUndefined();
  const certified = async (communeCode: string, id: string, name: string) => {
    await ok(REGISTER_SUBJECT, {
      id: `htx-${id}`,
      name: `HTX ${name}`,
      kind: 'COOPERATIVE',
      communeCode,
      registeredOn: '2026-03-01',
    });
    await ok(REGISTER_PRODUCT, {
      id,
      subjectId: `htx-${id}`,
      name,
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2026-03-15',
    });
    await ok(AWARD_STARS, {
      productId: id,
      level: 'PROVINCE',
      score: 72,
      decisionNo: '45/QĐ-UBND',
      decidedOn: '2026-11-10',
    });
  };
  await ok(ADOPT_PLAN, {
    reference: '12/KH-UBND',
    provinceCode: '19',
    year: 2026,
    adoptedOn: '2026-01-15',
    targets: [target('02155', 1, 2), target('02185', 2, 1)],
  });
  await certified('02155', 'mien-dong-2026', 'Miến dong Xã Na Rì');
  await certified('02185', 'che-con-minh', 'Chè Shan tuyết Côn Minh');
  await ok(
    REVOKE,
    revokeInput({ certificateId: 'che-con-minh.C1', decisionNo: '512/QĐ-UBND', decidedOn: '2026-12-01' }),
  );
}

describeInBrowser("today's public pages in Chromium", () => {
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const origin = () => `http://127.0.0.1:${server.port}`;
  const shoot = (name: string, fullPage: boolean) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, caret: 'initial' });

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    server = await startTestServer({ epoch: '2026-12-08T02:00:00Z' });
    await thaiNguyen2026(server);
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should show a commune with a target above the fold of a 390 px phone', async () => {
    await page.goto(`${origin()}/progress/19/2026`);
    const row = await page.locator('table[data-indicator="newProducts3Star"] tbody tr.unit').first().boundingBox();
    await shoot('progress-phone', false);
    expect(row).not.toBeNull();
    expect(row!.y + row!.height).toBeLessThanOrEqual(844);
  });

  it('should write the day dd/mm/yyyy although the browser speaks en-US', async () => {
    expect(await page.locator('#asOf').inputValue()).toBe('08/12/2026');
  });

  it('should open the folded line of the units with neither a target nor a result', async () => {
    const folded = page.locator('.indicator-block[data-indicator="newProducts3Star"] details.folded');
    await expect(folded.locator('p').isVisible()).resolves.toBe(false);
    await folded.locator('summary').click();
    await expect(folded.locator('p').isVisible()).resolves.toBe(true);
    expect(await folded.locator('p').innerText()).toContain('Phường Phan Đình Phùng');
  });

  it('should show the desktop page with the province first', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin()}/progress/19/2026`);
    await shoot('progress', false);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it("should link the abolished province's page onward to its successor", async () => {
    await page.goto(`${origin()}/progress/06/2026`);
    await Promise.all([page.waitForURL(/\/progress\/19\/2026$/), page.click('.notice.successor a')]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Thái Nguyên 2026');
  });

  it('should show a 2026 certificate of Thái Nguyên, a revoked one in English, and an unknown number', async () => {
    await page.goto(`${origin()}/c/mien-dong-2026.C1`);
    await expect(page.locator('.status-value').textContent()).resolves.toBe('CÒN HIỆU LỰC');
    expect(await page.locator('.facts').innerText()).toContain('Xã Na Rì, Thái Nguyên');
    await shoot('certificate-valid', true);
    await page.goto(`${origin()}/c/che-con-minh.C1?lang=en`);
    await expect(page.locator('.status-value').textContent()).resolves.toBe('REVOKED');
    await shoot('certificate-revoked-en', true);
    await page.goto(`${origin()}/c/khong-co.C9`);
    await shoot('certificate-unknown', true);
  });

  it.each([
    '/progress/19/2026',
    '/progress/19/2026?lang=en',
    '/progress/06/2026',
    '/progress/06/2024',
    '/no-such-page',
  ])('should pass the WCAG 2.1 A and AA checks of axe on %s', async (path) => {
    await page.goto(`${origin()}${path}`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
