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
import { type TestServer, asDistrictOfficer, startTestServer } from '../support/testServer';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const BASE = 'https://ocop.backan.gov.vn/tra-cuu';

describe('public certificate page and plan progress over HTTP', () => {
  let server: TestServer;
  let origin: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });

  beforeAll(async () => {
    server = await startTestServer({ server: { publicBaseUrl: BASE } });
    origin = `http://127.0.0.1:${server.port}`;
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ communeCode: '02155' }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    await server.gql(AWARD_STARS, { input: awardInput({ commandId: 'award-1' }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'che', name: 'Chè <b>Shan</b> "tuyết"' }) });
    await server.gql(AWARD_STARS, { input: awardInput({ productId: 'che' }) });
  });
  afterAll(() => server.close());

  describe('GET /c/<certificateId>', () => {
    it('should answer a page in Vietnamese with the status today and the certificate facts', async () => {
      const response = await get('/c/mien-dong.C1');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const page = await response.text();
      expect(page).toContain('<html lang="vi">');
      expect(page).toContain('CÒN HIỆU LỰC');
      expect(page).toContain('Miến dong Na Rì');
      expect(page).toContain('HTX Miến dong Na Rì');
      expect(page).toContain('Thị trấn Yến Lạc, Na Rì, Bắc Kạn');
      expect(page).toContain('2150/QĐ-UBND ngày 15/10/2024');
      expect(page).toContain('15/10/2027');
    });

    it('should answer in English with ?lang=en', async () => {
      const page = await (await get('/c/mien-dong.C1?lang=en')).text();
      expect(page).toContain('<html lang="en">');
      expect(page).toMatch(/class="status-value">VALID</);
    });

    it('should send a strict CSP without inline script, nosniff, a referrer policy and a short cache', async () => {
      const { headers } = await get('/c/mien-dong.C1');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    });

    it('should answer the same facts as JSON for Accept: application/json, and only public ones', async () => {
      const response = await get('/c/mien-dong.C1', { accept: 'application/json' });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({
        id: 'mien-dong.C1',
        status: 'VALID',
        statusDay: '2024-12-20',
        stars: 3,
        level: 'DISTRICT',
        decisionNo: '2150/QĐ-UBND',
        issuedOn: '2024-10-15',
        issuedBy: { name: 'UBND huyện Na Rì' },
        expiresOn: '2027-10-15',
        product: { name: 'Miến dong Na Rì' },
        subject: {
          name: 'HTX Miến dong Na Rì',
          commune: { code: '02155', name: 'Thị trấn Yến Lạc' },
          district: { code: '066', name: 'Na Rì' },
          province: { code: '06', name: 'Bắc Kạn' },
        },
        revocation: null,
        supersededBy: null,
        current: null,
      });
    });

    it('should escape what the registry holds', async () => {
      const page = await (await get('/c/che.C1')).text();
      expect(page).toContain('<h1>Chè &#60;b&#62;Shan&#60;/b&#62; &#34;tuyết&#34;</h1>');
      expect(page).not.toContain('<b>Shan</b>');
    });

    it('should answer 304 to its own ETag, and a new ETag once the stream changes', async () => {
      const first = await get('/c/mien-dong.C1');
      const etag = first.headers.get('etag')!;
      expect((await get('/c/mien-dong.C1', { 'if-none-match': etag })).status).toBe(304);
      const revoked = await server.gql(REVOKE, { input: revokeInput() }, asDistrictOfficer('066'));
      expect(revoked.errors).toBeUndefined();
      const after = await get('/c/mien-dong.C1', { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      const page = await after.text();
      expect(page).toContain('ĐÃ BỊ THU HỒI');
      expect(page).toContain('Thu hồi theo quyết định 310/QĐ-UBND ngày 01/12/2024');
    });

    it('should link a superseded certificate to the one that replaced it', async () => {
      const award = await server.gql(AWARD_STARS, {
        input: awardInput({
          productId: 'che',
          level: 'PROVINCE',
          score: 75,
          decisionNo: '88/QĐ-UBND',
          decidedOn: '2024-12-10',
        }),
      });
      expect(award.errors).toBeUndefined();
      const page = await (await get('/c/che.C1')).text();
      expect(page).toContain('ĐÃ ĐƯỢC THAY THẾ');
      expect(page).toContain('<a href="/c/che.C2">che.C2</a>');
    });

    it.each([
      ['an unknown certificate', '/c/khong-co.C1'],
      ['a malformed id', '/c/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
      ['an id that is not UTF-8', '/c/%E0%A4%A'],
    ])('should answer %s with a plain 404 page that does not show the id', async (_case, path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      const page = await response.text();
      expect(page).toContain('Không tìm thấy giấy chứng nhận');
      expect(page).not.toContain('<script>alert');
      expect(page.slice(page.indexOf('<main'))).not.toMatch(/script|khong-co/);
      expect(page).not.toMatch(/khong-co|%3Cscript|%E0%A4/i);
    });

    it('should answer JSON for an unknown or malformed id with a stable code', async () => {
      const unknown = await get('/c/khong-co.C1', { accept: 'application/json' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      const malformed = await get('/c/x%20y', { accept: 'application/json' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    });
  });

  describe('GET /c/<certificateId>/qr.svg and qr.png', () => {
    it('should encode the absolute address under OCOP_PUBLIC_BASE_URL', async () => {
      const svg = await get('/c/mien-dong.C1/qr.svg');
      expect(svg.headers.get('content-type')).toBe('image/svg+xml');
      expect(await svg.text()).toMatch(/^<svg /);
      const png = await get('/c/mien-dong.C1/qr.png');
      expect(png.headers.get('content-type')).toBe('image/png');
      const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(`${BASE}/c/mien-dong.C1`);
    });

    it('should not draw a code for a certificate that does not exist', async () => {
      expect((await get('/c/khong-co.C1/qr.svg')).status).toBe(404);
    });
  });

  describe('GET /progress/<provinceCode>/<year>', () => {
    it('should answer a page with every district of the province for Annex 1 and Annex 2', async () => {
      const response = await get('/progress/06/2024');
      expect(response.status).toBe(200);
      const page = await response.text();
      for (const district of ['Thành phố Bắc Kạn', 'Pác Nặm', 'Na Rì']) expect(page).toContain(district);
      expect(page).toContain('Phụ lục 1');
      expect(page).toContain('Phụ lục 2');
      expect(page).toContain('<script src="/assets/progress.js" defer></script>');
      expect(page).not.toMatch(/<script>|style="/);
    });

    it('should download the table as CSV, a line per annex, indicator and unit', async () => {
      const response = await get('/progress/06/2024?format=csv');
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="ocop-progress-06-2024-2024-12-20.csv"',
      );
      const lines = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('annex,indicator,unitCode,unitName,target,actual,expectedByNow,behindPlan,statusDay');
      expect(lines).toHaveLength(1 + 6 * 9);
      expect(lines).toContain('1,newProducts3Star,066,Na Rì,3,1,2.91,true,2024-12-20');
    });

    it('should show the figures at the end of an asOf day', async () => {
      const json = async (query: string) => (await get(`/progress/06/2024?format=json${query}`)).json();
      const now = await json('');
      const before = await json('&asOf=2024-12-19');
      expect(now).toMatchObject({ statusDay: '2024-12-20', asOf: null, planReference: '180/KH-UBND' });
      expect(before).toMatchObject({ statusDay: '2024-12-19', asOf: '2024-12-19', planReference: null });
    });

    it.each(['/progress/99/2024', '/progress/06/24', '/progress/06/2024?asOf=2024-02-30', '/progress/06'])(
      'should answer %s with a 404 page',
      async (path) => {
        expect((await get(path)).status).toBe(404);
      },
    );
  });
});

describe('the certificate page after the 2025 reorganisation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-11-20T02:00:00Z' });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ communeCode: '02173' }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    await server.gql(AWARD_STARS, { input: awardInput({ level: 'PROVINCE', score: 75 }) });
  });
  afterAll(() => server.close());

  it('should place the producer in the commune and province of today, without the abolished district', async () => {
    const page = await (await fetch(`http://127.0.0.1:${server.port}/c/mien-dong.C1`)).text();
    expect(page).toContain('CÒN HIỆU LỰC');
    expect(page).toContain('Xã Côn Minh, Thái Nguyên');
    expect(page).not.toContain('Na Rì, Thái Nguyên');
  });

  it('should show the progress of a province that exists in the year, and send one that did not to its successor', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const page = await fetch(`${origin}/progress/19/2026`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thái Nguyên 2026');
    expect(await (await fetch(`${origin}/progress/06/2026`)).text()).toContain('href="/progress/19/2026"');
  });

  it('should count a subject no commune places on its own row, not in a commune', async () => {
    await server.gql(REGISTER_SUBJECT, {
      input: subjectInput({ id: 'htx-cu', name: 'HTX Cũ', registeredOn: '2024-04-01' }),
    });
    const csv = await (await fetch(`http://127.0.0.1:${server.port}/progress/19/2026?format=csv`)).text();
    expect(csv).toMatch(/^1,newSubjects,unplaced,/m);
  });
});
