import { REGISTER_PRODUCT, REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { type TestServer, asDistrictOfficer, bearer, startTestServer } from '../support/testServer';

/**
 * What Plan 180 counts beyond Annex 1 and 2, over real HTTP: media coverage, key products, sales points
 * and support with its money, each refused whole when a rule forbids it, recorded once per commandId,
 * judged where its target is on the command's date, and readable as it was (asOf).
 */
const NA_RI = asDistrictOfficer('066');
const CHO_DON = asDistrictOfficer('064');
const LANG_SON = { authorization: bearer({ sub: 'so-nn-lang-son', role: 'PROVINCIAL_OFFICER', unit: '20' }) };

const RECORD_MEDIA = `mutation($input: RecordMediaCoverageInput!) {
  recordMediaCoverage(input: $input) { id outlet outletLevel title publishedOn url } }`;
const MEDIA = `query($year: Int!, $provinceCode: String, $asOf: DateTime) {
  mediaCoverage(year: $year, provinceCode: $provinceCode, asOf: $asOf) { year total months { month count target met } } }`;
const RECORD_SUPPORT = `mutation($input: RecordSupportInput!) {
  recordSupport(input: $input) { supports { amountVnd fundingSource } } }`;
const SPENDING = `query($asOf: DateTime) { supportSpending(provinceCode: "06", year: 2024, asOf: $asOf) {
  totalVnd unattributedVnd bySource { source amountVnd } byUnit { unit { code name } amountVnd } } }`;
const DESIGNATE = `mutation($input: DesignateKeyProductInput!) {
  designateKeyProduct(input: $input) { level unit { code name } decisionNo decidedOn endedOn product { id } } }`;
const END_KEY = `mutation($input: EndKeyProductInput!) { endKeyProduct(input: $input) { level endedOn } }`;
const KEY_PRODUCTS = `query($on: Date) { keyProducts(provinceCode: "06", on: $on) { level unit { code } product { id } } }`;
const REGISTER_POINT = `mutation($input: RegisterSalesPointInput!) {
  registerSalesPoint(input: $input) { id name district { code } province { code } operator { id } standard openedOn } }`;
const CLOSE_POINT = `mutation($input: CloseSalesPointInput!) { closeSalesPoint(input: $input) { id closedOn } }`;
const SALES_POINTS = `query($on: Date, $asOf: DateTime) { salesPoints(provinceCode: "06", on: $on, asOf: $asOf) {
  totalCount nodes { id name } } }`;
const OTHER_TARGETS = `query { otherTargets(year: 2024, provinceCode: "06") {
  statusDay mediaItemsPerMonth mediaMonthsMet mediaItems { target actual }
  provincialKeyProducts { target actual } unitKeyProducts { unit { code } target actual } salesPoints { target actual } } }`;

const media = (overrides: Record<string, unknown> = {}) => ({
  provinceCode: '06',
  outlet: 'Báo Bắc Kạn',
  outletLevel: 'LOCAL',
  title: 'Miến dong Na Rì',
  publishedOn: '2024-05-10',
  ...overrides,
});
const point = (overrides: Record<string, unknown> = {}) => ({
  id: 'dbh-na-ri',
  name: 'Điểm bán sản phẩm OCOP Na Rì',
  operatorSubjectId: 'htx-na-ri',
  districtCode: '066',
  address: 'Tổ 1, thị trấn Yến Lạc',
  openedOn: '2024-06-01',
  standard: '950/QĐ-BCT',
  ...overrides,
});

describe('What Plan 180 counts beyond its annexes', () => {
  let server: TestServer;
  /** The server's clock: tests live in December 2024. */
  const now = () => server.services.clock().toISOString();
  const codes = (response: { errors?: { extensions?: { code?: string } }[] }) =>
    (response.errors ?? []).map((e) => e.extensions?.code);
  /** Sends a command that must be refused, and checks that nothing was appended. */
  const refused = async (query: string, input: object, headers?: Record<string, string>) => {
    const before = await server.eventCount();
    const response = await server.gql(query, { input }, headers);
    expect(await server.eventCount()).toBe(before);
    return codes(response);
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, {
      input: {
        id: 'mien-dong',
        subjectId: 'htx-na-ri',
        name: 'Miến dong',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-05',
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('media coverage', () => {
    it("should start with Plan 180's target 3: two items a month", async () => {
      const { data } = await server.gql<{ mediaCoverage: { months: object[] } }>(MEDIA, {
        year: 2024,
        provinceCode: '06',
      });
      expect(data!.mediaCoverage.months[0]).toEqual({ month: 1, count: 0, target: 2, met: false });
    });
    it('should record an item once per commandId and count it in its month', async () => {
      const before = now();
      for (let i = 0; i < 2; i++) {
        const response = await server.gql(RECORD_MEDIA, { input: media({ commandId: 'media-1' }) });
        expect(response.errors).toBeUndefined();
      }
      await server.gql(RECORD_MEDIA, {
        input: media({ commandId: 'media-2', outletLevel: 'CENTRAL', outlet: 'VTV1' }),
      });
      const { data } = await server.gql<{ mediaCoverage: { total: number; months: object[] } }>(MEDIA, { year: 2024 });
      expect(data!.mediaCoverage.total).toBe(2);
      expect(data!.mediaCoverage.months[4]).toEqual({ month: 5, count: 2, target: 2, met: true });
      const past = await server.gql<{ mediaCoverage: { total: number } }>(MEDIA, { year: 2024, asOf: before });
      expect(past.data!.mediaCoverage.total).toBe(0);
    });
    it("should refuse a district officer, and another province's office", async () => {
      expect(await refused(RECORD_MEDIA, media(), NA_RI)).toEqual(['FORBIDDEN']);
      expect(await refused(RECORD_MEDIA, media(), LANG_SON)).toEqual(['FORBIDDEN']);
    });
    it('should refuse a link that is not a web address', async () => {
      expect(await refused(RECORD_MEDIA, media({ url: 'ftp://x' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('support with its money', () => {
    it('should sum the amounts by source and by district, as they were when asked', async () => {
      const before = now();
      const input = {
        subjectId: 'htx-na-ri',
        programme: 'CONSOLIDATION',
        providedOn: '2024-07-01',
        description: 'Bao bì',
      };
      const first = await server.gql(
        RECORD_SUPPORT,
        { input: { ...input, amountVnd: 50_000_000, fundingSource: 'NTM_PROGRAMME' } },
        NA_RI,
      );
      expect(first.errors).toBeUndefined();
      await server.gql(RECORD_SUPPORT, {
        input: { ...input, commandId: 's2', amountVnd: 20_000_000, fundingSource: 'LOCAL_BUDGET' },
      });
      await server.gql(RECORD_SUPPORT, { input: { ...input, commandId: 's3', amountVnd: 1_000_000 } });
      const { data } = await server.gql<{ supportSpending: Record<string, unknown> }>(SPENDING);
      expect(data!.supportSpending).toEqual({
        totalVnd: 71_000_000,
        unattributedVnd: 1_000_000,
        bySource: [
          { source: 'NTM_PROGRAMME', amountVnd: 50_000_000 },
          { source: 'LOCAL_BUDGET', amountVnd: 20_000_000 },
          { source: 'OTHER_PROGRAMMES', amountVnd: 0 },
          { source: 'COMMUNITY', amountVnd: 0 },
        ],
        byUnit: [{ unit: { code: '066', name: 'Na Rì' }, amountVnd: 71_000_000 }],
      });
      const past = await server.gql<{ supportSpending: { totalVnd: number } }>(SPENDING, { asOf: before });
      expect(past.data!.supportSpending.totalVnd).toBe(0);
    });
    it('should refuse a negative amount, and support of another district', async () => {
      const input = { subjectId: 'htx-na-ri', programme: 'OTHER', providedOn: '2024-07-01', description: 'x' };
      expect(await refused(RECORD_SUPPORT, { ...input, amountVnd: -1 })).toEqual(['BAD_USER_INPUT']);
      expect(await refused(RECORD_SUPPORT, { ...input, amountVnd: 1 }, CHO_DON)).toEqual(['FORBIDDEN']);
    });
  });

  describe('key products', () => {
    const designation = {
      productId: 'mien-dong',
      level: 'DISTRICT',
      decisionNo: '12/QĐ-UBND',
      decidedOn: '2024-06-01',
    };
    it('should designate a district key product by the district, once per commandId', async () => {
      for (let i = 0; i < 2; i++) {
        const { data, errors } = await server.gql(DESIGNATE, { input: { ...designation, commandId: 'kp-1' } }, NA_RI);
        expect(errors).toBeUndefined();
        expect(data!['designateKeyProduct']).toMatchObject({ level: 'DISTRICT', unit: { code: '066', name: 'Na Rì' } });
      }
      const { data } = await server.gql<{ keyProducts: object[] }>(KEY_PRODUCTS);
      expect(data!.keyProducts).toEqual([{ level: 'DISTRICT', unit: { code: '066' }, product: { id: 'mien-dong' } }]);
      const earlier = await server.gql<{ keyProducts: object[] }>(KEY_PRODUCTS, { on: '2024-05-31' });
      expect(earlier.data!.keyProducts).toEqual([]);
    });
    it('should refuse another district, a commune level before 2025-07-01, and a second designation', async () => {
      expect(await refused(DESIGNATE, { ...designation, level: 'PROVINCE' }, NA_RI)).toEqual(['FORBIDDEN']);
      expect(await refused(DESIGNATE, designation, CHO_DON)).toEqual(['FORBIDDEN']);
      expect(await refused(DESIGNATE, { ...designation, level: 'COMMUNE' })).toEqual(['BAD_USER_INPUT']);
      expect(await refused(DESIGNATE, designation)).toEqual(['CONFLICT']);
      expect(await refused(DESIGNATE, { ...designation, productId: 'nope' })).toEqual(['NOT_FOUND']);
    });
    it('should end a designation by decision', async () => {
      const input = { productId: 'mien-dong', level: 'DISTRICT', decisionNo: '30/QĐ-UBND', endedOn: '2024-12-15' };
      const { data, errors } = await server.gql(END_KEY, { input });
      expect(errors).toBeUndefined();
      expect(data!['endKeyProduct']).toEqual({ level: 'DISTRICT', endedOn: '2024-12-15' });
      expect(await refused(END_KEY, { ...input, commandId: 'again' })).toEqual(['CONFLICT']);
      const provincial = { ...designation, level: 'PROVINCE', decisionNo: '99/QĐ-UBND', decidedOn: '2024-12-16' };
      expect((await server.gql(DESIGNATE, { input: provincial })).errors).toBeUndefined();
      const { data: listed } = await server.gql<{ keyProducts: object[] }>(KEY_PRODUCTS);
      expect(listed!.keyProducts).toEqual([{ level: 'PROVINCE', unit: { code: '06' }, product: { id: 'mien-dong' } }]);
    });
  });

  describe('sales points', () => {
    it('should register a point, answer it to anyone, and close it', async () => {
      const { data, errors } = await server.gql(REGISTER_POINT, { input: point() }, NA_RI);
      expect(errors).toBeUndefined();
      expect(data!['registerSalesPoint']).toMatchObject({
        district: { code: '066' },
        province: { code: '06' },
        operator: { id: 'htx-na-ri' },
      });
      const open = await server.gqlAs<{ salesPoints: { totalCount: number } }>(null, SALES_POINTS, {
        on: '2024-11-01',
      });
      expect(open.errors).toBeUndefined();
      expect(open.data!.salesPoints.totalCount).toBe(1);
      const before = now();
      const closed = await server.gql(CLOSE_POINT, {
        input: { salesPointId: 'dbh-na-ri', closedOn: '2024-11-15', reason: 'Hết hợp đồng' },
      });
      expect(closed.errors).toBeUndefined();
      const after = await server.gql<{ salesPoints: { totalCount: number } }>(SALES_POINTS, { on: '2024-12-01' });
      expect(after.data!.salesPoints.totalCount).toBe(0);
      const past = await server.gql<{ salesPoints: { totalCount: number } }>(SALES_POINTS, {
        on: '2024-12-01',
        asOf: before,
      });
      expect(past.data!.salesPoints.totalCount).toBe(1);
    });
    it('should refuse another district, an unknown operator, a second closing', async () => {
      expect(await refused(REGISTER_POINT, point({ id: 'dbh-2' }), CHO_DON)).toEqual(['FORBIDDEN']);
      expect(await refused(REGISTER_POINT, point({ id: 'dbh-3', operatorSubjectId: 'nope' }))).toEqual(['NOT_FOUND']);
      const close = { salesPointId: 'dbh-na-ri', closedOn: '2024-11-20', reason: 'x' };
      expect(await refused(CLOSE_POINT, close)).toEqual(['CONFLICT']);
    });
    it('should register a point without an id once per commandId, under the id derived from it', async () => {
      const input = point({ id: undefined, name: 'Điểm bán Chợ Mới', commandId: 'point-cho-moi' });
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const { data, errors } = await server.gql<{ registerSalesPoint: { id: string } }>(REGISTER_POINT, { input });
        expect(errors).toBeUndefined();
        ids.push(data!.registerSalesPoint.id);
      }
      expect(ids[0]).toMatch(/^D[0-9A-F]{16}$/);
      expect(ids[1]).toBe(ids[0]);
      const repeated = await server.gql(REGISTER_POINT, { input: { ...input, address: 'Elsewhere' } });
      expect(codes(repeated)).toEqual(['CONFLICT']);
    });
    it('should refuse an anonymous caller asking about the past', async () => {
      const response = await server.gqlAs(null, SALES_POINTS, { asOf: now() });
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('the plan’s other targets', () => {
    it('should show target and actual beside Annex 1 and 2', async () => {
      const { data, errors } = await server.gql<{ otherTargets: Record<string, unknown> }>(OTHER_TARGETS);
      expect(errors).toBeUndefined();
      expect(data!.otherTargets).toMatchObject({
        statusDay: '2024-12-20',
        mediaItemsPerMonth: 2,
        mediaMonthsMet: 1,
        mediaItems: { target: 24, actual: 2 },
        provincialKeyProducts: { target: 0, actual: 1 },
        salesPoints: { target: 0, actual: 1 },
      });
      const naRi = (data!.otherTargets['unitKeyProducts'] as { unit: { code: string } }[]).find(
        (r) => r.unit.code === '066',
      );
      expect(naRi).toEqual({ unit: { code: '066' }, target: 0, actual: 0 });
    });
  });

  describe('the progress page', () => {
    const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
    it('should show the other targets beside Annex 1 and 2', async () => {
      const page = await (await get('/progress/06/2024?lang=en')).text();
      expect(page).toContain('other targets');
      expect(page).toMatch(/data-indicator="mediaItems"[\s\S]*?data-actual="2"/);
      expect(page).toContain('data-indicator="unitKeyProducts"');
      expect(page).toContain('href="?format=support-csv');
    });
    it('should offer support spending by source and unit as CSV', async () => {
      const response = await get('/progress/06/2024?format=support-csv');
      expect(response.headers.get('content-disposition')).toContain('ocop-support-06-2024-2024-12-20.csv');
      const lines = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('breakdown,key,name,amountVnd,year');
      expect(lines).toContain('source,NTM_PROGRAMME,,50000000,2024');
      expect(lines).toContain('source,UNATTRIBUTED,,1000000,2024');
      expect(lines).toContain('unit,066,Na Rì,71000000,2024');
      expect(lines.at(-1)).toBe('total,06,Bắc Kạn,71000000,2024');
    });
  });
});
