import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { ADOPT_PLAN, REGISTER_SUBJECT } from '../support/operations';

/**
 * The progress page as Thái Nguyên's office opens it on 8 December 2026: the province first, the two
 * communes with targets before the ninety without, behind plan judged without rounding, dates written
 * dd/mm/yyyy, and Bắc Kạn's pages pointing to the province that carries it on.
 */
const THAI_NGUYEN = bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' });
const target = (unitCode: string, newSubjects: number) => ({
  unitCode,
  newProducts3Star: 0,
  consolidatedSubjects: 0,
  newSubjects,
  traceabilityProducts: 0,
  linkageSubjects: 0,
  advancedQmProducts: 0,
});

describe('The progress page today', () => {
  let server: TestServer;
  let origin: string;
  const page = async (path: string, accept = 'text/html') => {
    const response = await fetch(`${origin}${path}`, { headers: { accept } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  /** The rows of one indicator's table, in the order the page shows them. */
  const rowsOf = (text: string, indicator: string) => {
    const table = text.split(`<table class="indicator" data-indicator="${indicator}">`)[1]!.split('</table>')[0]!;
    return [...table.matchAll(/<tr class="([^"]+)" data-unit="([^"]+)"/g)].map((m) => `${m[2]} ${m[1]}`);
  };

  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-12-08T02:00:00Z' });
    origin = `http://127.0.0.1:${server.port}`;
    const plan = await server.gqlAs(THAI_NGUYEN, ADOPT_PLAN, {
      input: {
        reference: '12/KH-UBND',
        provinceCode: '19',
        year: 2026,
        adoptedOn: '2026-01-15',
        targets: [target('02155', 1), target('02185', 2)],
      },
    });
    expect(plan.errors).toBeUndefined();
    const subject = await server.gqlAs(THAI_NGUYEN, REGISTER_SUBJECT, {
      input: {
        id: 'htx-con-minh',
        name: 'HTX Côn Minh',
        kind: 'COOPERATIVE',
        communeCode: '02185',
        registeredOn: '2026-11-01',
      },
    });
    expect(subject.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('should show the province summary before any unit', async () => {
    const { text } = await page('/progress/19/2026');
    expect(text.indexOf('class="summary"')).toBeGreaterThan(0);
    expect(text.indexOf('class="summary"')).toBeLessThan(text.indexOf('data-unit="02155"'));
  });

  it('should show only the communes with a target or a result, behind plan first', async () => {
    const { text } = await page('/progress/19/2026');
    expect(rowsOf(text, 'newSubjects')).toEqual(['02155 behind unit', '02185 behind unit', '19 behind total']);
  });

  it('should judge a target of 1 with nothing done behind plan on 8 December, without rounding the due share', async () => {
    const { text } = await page('/progress/19/2026?format=json', 'application/json');
    const progress = JSON.parse(text) as {
      annex1: { indicator: string; rows: { unit: { code: string }; expectedByNow: number; behindPlan: boolean }[] }[];
    };
    const row = progress.annex1.find((i) => i.indicator === 'newSubjects')!.rows.find((r) => r.unit.code === '02155')!;
    expect(row.behindPlan).toBe(true);
    expect(row.expectedByNow).toBeGreaterThan(0.9);
    expect(row.expectedByNow).toBeLessThan(1);
  });

  it('should fold the units with neither a target nor a result into one line that opens', async () => {
    const { text } = await page('/progress/19/2026');
    expect(text).toMatch(
      /<details class="folded">\s*<summary>90 đơn vị khác chưa giao chỉ tiêu và chưa có kết quả<\/summary>/,
    );
    expect(text.length).toBeLessThan(60_000);
  });

  it('should keep every unit in the CSV', async () => {
    const { text } = await page('/progress/19/2026?format=csv', 'text/csv');
    expect(text.split('\n').filter((line) => line.startsWith('1,newSubjects,'))).toHaveLength(93);
  });

  it('should write the day asked as dd/mm/yyyy and accept it back', async () => {
    expect((await page('/progress/19/2026')).text).toContain('value="08/12/2026"');
    const past = await page('/progress/19/2026?asOf=01/12/2026');
    expect(past.status).toBe(200);
    expect(past.text).toContain('value="01/12/2026"');
  });

  it("should say a closed year of the abolished province is over, not live, and link to Thái Nguyên's page", async () => {
    const { text } = await page('/progress/06/2024');
    expect(text).toContain('data-live="false"');
    expect(text).toContain('Năm kế hoạch đã kết thúc');
    expect(text).toContain('href="/progress/19/2026"');
  });

  it('should answer Bắc Kạn in 2026 with a page that links to Thái Nguyên 2026, in both languages', async () => {
    const vi = await page('/progress/06/2026');
    expect(vi.status).toBe(200);
    expect(vi.text).toContain('<a href="/progress/19/2026">Xem tiến độ của Thái Nguyên 2026</a>');
    const en = await page('/progress/06/2026?lang=en');
    expect(en.text).toContain('<a href="/progress/19/2026?lang=en">See the progress of Thái Nguyên 2026</a>');
  });

  it('should answer an unknown path with an HTML page to a browser and JSON to a JSON client', async () => {
    const browser = await page('/no-such-page', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(browser.status).toBe(404);
    expect(browser.type).toMatch(/^text\/html/);
    expect(browser.text).toContain('Không tìm thấy trang');
    const client = await page('/no-such-page', 'application/json');
    expect(client.status).toBe(404);
    expect(JSON.parse(client.text)).toEqual({ error: 'not found' });
  });
});
