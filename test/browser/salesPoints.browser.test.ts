import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, startTestServer } from '../support/testServer';

const ROOT = join(__dirname, '..', '..');
const REGISTER_POINT = `mutation($input: RegisterSalesPointInput!) { registerSalesPoint(input: $input) { id } }`;

/** A visitor goes from a certificate's page to the sales points of its province. */
describeInBrowser('the sales-points page in Chromium', () => {
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const origin = () => `http://127.0.0.1:${server.port}`;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    await server.gql(AWARD_STARS, { input: awardInput({ level: 'PROVINCE', score: 78 }) });
    const input = {
      id: 'dbh-na-ri',
      name: 'Điểm bán OCOP Na Rì',
      operatorSubjectId: 'htx-na-ri',
      districtCode: '066',
      address: 'Tổ 1, thị trấn Yến Lạc',
      openedOn: '2024-06-01',
      standard: '950/QĐ-BCT',
    };
    expect((await server.gql(REGISTER_POINT, { input })).errors).toBeUndefined();
    browser = await launchBrowser({ locale: 'vi-VN' });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("should lead from a certificate to its province's open points, readable by everyone", async () => {
    await page.goto(`${origin()}/c/mien-dong.C1`);
    await Promise.all([
      page.waitForURL(/\/sales-points\/06$/),
      page.getByRole('link', { name: /Điểm bán sản phẩm OCOP trong tỉnh/ }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Điểm giới thiệu và bán sản phẩm OCOP: Bắc Kạn',
    );
    await expect(page.getByRole('heading', { level: 2 }).innerText()).resolves.toBe('Điểm bán OCOP Na Rì');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('should switch to English and keep the province', async () => {
    await Promise.all([
      page.waitForURL(/\/sales-points\/06\?lang=en$/),
      page.getByRole('link', { name: 'English' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'OCOP showrooms and sales points: Bắc Kạn',
    );
  });
});
