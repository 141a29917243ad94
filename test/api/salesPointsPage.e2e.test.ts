import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, startTestServer } from '../support/testServer';

/** The public sales-points page over real HTTP, as a visitor's browser asks for it (no token). */
const REGISTER_POINT = `mutation($input: RegisterSalesPointInput!) { registerSalesPoint(input: $input) { id } }`;
const CLOSE_POINT = `mutation($input: CloseSalesPointInput!) { closeSalesPoint(input: $input) { id } }`;
const point = (id: string, name: string) => ({
  id,
  name,
  operatorSubjectId: 'htx-na-ri',
  districtCode: '066',
  address: 'Tổ 1, thị trấn Yến Lạc, Na Rì',
  openedOn: '2024-06-01',
  standard: '950/QĐ-BCT',
});

describe('The public sales-points page', () => {
  let server: TestServer;
  const origin = () => `http://127.0.0.1:${server.port}`;
  const get = (path: string) => fetch(`${origin()}${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    await server.gql(AWARD_STARS, { input: awardInput({ level: 'PROVINCE', score: 78 }) });
    for (const [id, name] of [
      ['dbh-na-ri', 'Điểm bán OCOP Na Rì'],
      ['dbh-dong', 'Điểm bán đã đóng cửa'],
    ]) {
      expect((await server.gql(REGISTER_POINT, { input: point(id!, name!) })).errors).toBeUndefined();
    }
    const closing = { salesPointId: 'dbh-dong', closedOn: '2024-11-01', reason: 'Hết hợp đồng thuê' };
    expect((await server.gql(CLOSE_POINT, { input: closing })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await server.close();
  });

  it("should list a province's open points, with who runs them and the standard they meet", async () => {
    const response = await get('/sales-points/06');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Điểm giới thiệu và bán sản phẩm OCOP: Bắc Kạn');
    expect(page).toContain('Điểm bán OCOP Na Rì');
    expect(page).toContain('HTX Miến dong Na Rì');
    expect(page).toContain('950/QĐ-BCT');
    expect(page).toContain('data-count="1"');
    expect(page).not.toContain('Điểm bán đã đóng cửa');
  });

  it('should carry no inline script or style, under the pages’ CSP', async () => {
    const response = await get('/sales-points/06?lang=en');
    const page = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page).not.toMatch(/<style|\sstyle=/);
    expect(page).toContain('OCOP showrooms and sales points: Bắc Kạn');
  });

  it('should answer 404 for a province that does not exist today, linking to its successor', async () => {
    const unknown = await get('/sales-points/99');
    expect(unknown.status).toBe(404);
    const server2026 = await startTestServer({ epoch: '2026-03-01T02:00:00Z' });
    try {
      const merged = await fetch(`http://127.0.0.1:${server2026.port}/sales-points/06`);
      expect(merged.status).toBe(404);
      expect(await merged.text()).toContain('href="/sales-points/19"');
    } finally {
      await server2026.close();
    }
  });

  it("should be linked from a certificate's page, for the certificate's province", async () => {
    const page = await (await get('/c/mien-dong.C1')).text();
    expect(page).toContain('href="/sales-points/06"');
  });
});
