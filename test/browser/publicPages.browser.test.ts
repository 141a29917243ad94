import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { accessibilityViolations } from '../support/accessibility';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, startTestServer } from '../support/testServer';

const ROOT = join(__dirname, '..', '..');
const NA_RI_NEW_PRODUCTS = 'table[data-indicator="newProducts3Star"] tbody tr[data-unit="066"] .value';

/** Registers a subject (in Côn Minh, Na Rì) and a NEW product, and certifies it at the province (4★). */
async function certifiedProduct(server: TestServer, id: string, name: string, decidedOn = '2024-10-15') {
  const subject = { id: `htx-${id}`, name: `HTX ${name}`, communeCode: '02173' };
  await server.gql(REGISTER_SUBJECT, { input: subjectInput(subject) });
  await server.gql(REGISTER_PRODUCT, { input: productInput({ id, subjectId: `htx-${id}`, name }) });
  const award = awardInput({ productId: id, level: 'PROVINCE', score: 78, decisionNo: '1234/QĐ-UBND', decidedOn });
  const result = await server.gql(AWARD_STARS, { input: award });
  expect(result.errors).toBeUndefined();
}

describeInBrowser('public pages in Chromium', () => {
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const origin = () => `http://127.0.0.1:${server.port}`;
  /** Waits until the element shows the text (page functions are strings: the tests compile without DOM types). */
  /** Waits without evaluating script in the page, which its CSP would refuse. */
  const waitForText = (selector: string, text: string) => page.locator(selector, { hasText: text }).waitFor();

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    server = await startTestServer();
    await certifiedProduct(server, 'mien-dong', 'Miến dong Na Rì');
    await certifiedProduct(server, 'che-shan', 'Chè Shan tuyết Na Rì', '2024-09-10');
    await server.gql(REVOKE, { input: revokeInput({ certificateId: 'che-shan.C1' }) });
    browser = await launchBrowser({ locale: 'vi-VN' });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should show a valid certificate with its status in large type', async () => {
    const response = await page.goto(`${origin()}/c/mien-dong.C1`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('.status-value').textContent()).resolves.toBe('CÒN HIỆU LỰC');
    await expect(page.locator('h1').textContent()).resolves.toBe('Miến dong Na Rì');
    expect(await page.locator('.facts').innerText()).toContain('1234/QĐ-UBND ngày 15/10/2024');
    const statusBox = await page.locator('.status-value').boundingBox();
    expect(statusBox?.height).toBeGreaterThanOrEqual(32);
  });

  it('should show a revoked certificate with the revocation decision, in English on request', async () => {
    await page.goto(`${origin()}/c/che-shan.C1?lang=en`);
    await expect(page.locator('.status-value').textContent()).resolves.toBe('REVOKED');
    expect(await page.locator('.status').innerText()).toContain('Revoked by decision 310/QĐ-UBND of 01/12/2024');
  });

  it('should answer an unknown certificate with a 404 page that says so', async () => {
    const response = await page.goto(`${origin()}/c/khong-co.C9`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('.status-value').textContent()).resolves.toBe('Không tìm thấy giấy chứng nhận');
  });

  it('should encode in its QR code the address of the same page', async () => {
    const qr = await page.goto(`${origin()}/c/mien-dong.C1/qr.png`);
    const png = PNG.sync.read(await qr!.body());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`http://localhost:${server.port}/c/mien-dong.C1`);
    await page.goto(decoded!.data);
    await expect(page.locator('h1').textContent()).resolves.toBe('Miến dong Na Rì');
    await expect(page.locator('.status-value').textContent()).resolves.toBe('CÒN HIỆU LỰC');
  });

  it('should move the bar of the progress page when a certification is recorded, without a reload', async () => {
    await page.goto(`${origin()}/progress/06/2024`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await waitForText('#live-state', 'Cập nhật trực tiếp');
    const before = Number(await page.locator(NA_RI_NEW_PRODUCTS).getAttribute('data-actual'));
    let navigations = 0;
    page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations++));
    await certifiedProduct(server, 'mien-la-dong', 'Bánh đa lá dong', '2024-12-18');
    await page.waitForSelector(`${NA_RI_NEW_PRODUCTS}[data-actual="${before + 1}"]`);
    expect(navigations).toBe(0);
    await waitForText('#live-state', 'Đã cập nhật lúc');
  });

  it('should show the past figures for an asOf day, not live', async () => {
    await page.fill('#asOf', '2024-12-19');
    await Promise.all([page.waitForURL(/asOf=2024-12-19/), page.click('.asof button')]);
    await waitForText('#live-state', 'Số liệu lịch sử, không cập nhật trực tiếp');
    expect(await page.locator('.meta').innerText()).toContain('Số liệu tính đến ngày 19/12/2024');
  });

  it.each(['/c/mien-dong.C1', '/c/che-shan.C1?lang=en', '/c/khong-co.C9', '/progress/06/2024'])(
    'should pass the WCAG 2.1 A and AA checks of axe on %s',
    async (path) => {
      await page.goto(`${origin()}${path}`);
      expect(await accessibilityViolations(page)).toEqual([]);
    },
  );

  it('should make no request off this machine and log no console errors', () => {
    expect(browser.offsiteRequests).toEqual([]);
    // Chromium logs the 404 status of the unknown certificate's page itself: that one is expected.
    const unknownPage = `console: Failed to load resource: the server responded with a status of 404 (Not Found) (at ${origin()}/c/khong-co.C9)`;
    expect(browser.consoleErrors).toContain(unknownPage);
    expect(browser.consoleErrors.filter((error) => error !== unknownPage)).toEqual([]);
  });
});
