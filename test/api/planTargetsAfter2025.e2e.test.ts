import { REGISTER_PRODUCT, REGISTER_SUBJECT } from '../support/operations';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

/**
 * The same records after 1 July 2025, on a server whose "today" is in March 2026: who may record them
 * follows the command's date, and time travel answers each new read as it was.
 */
const COMMUNE_02155 = { authorization: bearer({ sub: 'xa-na-ri', role: 'COMMUNE_OFFICER', unit: '02155' }) };
const COMMUNE_02173 = { authorization: bearer({ sub: 'xa-con-minh', role: 'COMMUNE_OFFICER', unit: '02173' }) };
const NA_RI = { authorization: bearer({ sub: 'huyen-na-ri', role: 'DISTRICT_OFFICER', unit: '066' }) };
const BAC_KAN = { authorization: bearer({ sub: 'so-nn-bac-kan', role: 'PROVINCIAL_OFFICER', unit: '06' }) };
const THAI_NGUYEN = { authorization: bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' }) };

const REGISTER_POINT = `mutation($input: RegisterSalesPointInput!) {
  registerSalesPoint(input: $input) { id commune { code } district { code } province { code } } }`;
const RECORD_MEDIA = `mutation($input: RecordMediaCoverageInput!) { recordMediaCoverage(input: $input) { id } }`;
const DESIGNATE = `mutation($input: DesignateKeyProductInput!) { designateKeyProduct(input: $input) { level unit { code } } }`;
const KEY_PRODUCTS = `query($asOf: DateTime) { keyProducts(provinceCode: "19", asOf: $asOf) { level unit { code } } }`;
const OTHER_TARGETS = `query($asOf: DateTime) { otherTargets(provinceCode: "19", year: 2026, asOf: $asOf) {
  mediaItems { actual } salesPoints { actual } } }`;

describe('What the plan counts, after 1 July 2025', () => {
  let server: TestServer;
  const now = () => server.services.clock().toISOString();
  const codes = (response: { errors?: { extensions?: { code?: string } }[] }) =>
    (response.errors ?? []).map((e) => e.extensions?.code);
  const send = async (query: string, input: object, headers: Record<string, string>) => {
    const before = await server.eventCount();
    const response = await server.gql(query, { input }, headers);
    if (response.errors) expect(await server.eventCount()).toBe(before);
    return response;
  };
  const point = (overrides: Record<string, unknown> = {}) => ({
    name: 'Điểm bán OCOP Côn Minh',
    communeCode: '02155',
    address: 'Chợ Yến Lạc',
    openedOn: '2026-01-10',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-03-01T02:00:00Z' });
    const subject = {
      id: 'htx-yen-lac',
      name: 'HTX Yến Lạc',
      kind: 'COOPERATIVE',
      communeCode: '02155',
      registeredOn: '2025-09-01',
    };
    expect((await server.gql(REGISTER_SUBJECT, { input: subject }, THAI_NGUYEN)).errors).toBeUndefined();
    const product = {
      id: 'mien-yen-lac',
      subjectId: 'htx-yen-lac',
      name: 'Miến',
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2025-09-05',
    };
    expect((await server.gql(REGISTER_PRODUCT, { input: product }, THAI_NGUYEN)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await server.close();
  });

  it("should let a commune office register a point in its commune, and no other commune's or a district's", async () => {
    expect(codes(await send(REGISTER_POINT, point({ id: 'x1' }), COMMUNE_02173))).toEqual(['FORBIDDEN']);
    expect(codes(await send(REGISTER_POINT, point({ id: 'x2' }), NA_RI))).toEqual(['FORBIDDEN']);
    expect(
      codes(await send(REGISTER_POINT, point({ id: 'x3', districtCode: '066', communeCode: null }), THAI_NGUYEN)),
    ).toEqual(['BAD_USER_INPUT']);
    const { data, errors } = await send(REGISTER_POINT, point({ id: 'dbh-yen-lac' }), COMMUNE_02155);
    expect(errors).toBeUndefined();
    expect(data!['registerSalesPoint']).toEqual({
      id: 'dbh-yen-lac',
      commune: { code: '02155' },
      district: null,
      province: { code: '19' },
    });
  });

  it("should let Thái Nguyên's office record media for 19, and no longer Bắc Kạn's", async () => {
    const item = {
      provinceCode: '19',
      outlet: 'Báo Thái Nguyên',
      outletLevel: 'LOCAL',
      title: 'OCOP',
      publishedOn: '2026-02-01',
    };
    expect(codes(await send(RECORD_MEDIA, item, BAC_KAN))).toEqual(['FORBIDDEN']);
    expect(codes(await send(RECORD_MEDIA, { ...item, provinceCode: '06' }, THAI_NGUYEN))).toEqual(['BAD_USER_INPUT']);
    expect((await send(RECORD_MEDIA, item, THAI_NGUYEN)).errors).toBeUndefined();
  });

  it('should let the commune designate a commune key product, and answer each read as it was before', async () => {
    const before = now();
    const decision = { productId: 'mien-yen-lac', decisionNo: '5/QĐ-UBND', decidedOn: '2026-02-10' };
    expect(codes(await send(DESIGNATE, { ...decision, level: 'DISTRICT' }, COMMUNE_02155))).toEqual(['FORBIDDEN']);
    expect(codes(await send(DESIGNATE, { ...decision, level: 'COMMUNE' }, COMMUNE_02173))).toEqual(['FORBIDDEN']);
    const { data, errors } = await send(DESIGNATE, { ...decision, level: 'COMMUNE' }, COMMUNE_02155);
    expect(errors).toBeUndefined();
    expect(data!['designateKeyProduct']).toEqual({ level: 'COMMUNE', unit: { code: '02155' } });
    const live = await server.gql<{ keyProducts: object[] }>(KEY_PRODUCTS);
    expect(live.data!.keyProducts).toEqual([{ level: 'COMMUNE', unit: { code: '02155' } }]);
    const past = await server.gql<{ keyProducts: object[] }>(KEY_PRODUCTS, { asOf: before });
    expect(past.data!.keyProducts).toEqual([]);
    const counted = await server.gql<{ otherTargets: object }>(OTHER_TARGETS);
    expect(counted.data!.otherTargets).toEqual({ mediaItems: { actual: 1 }, salesPoints: { actual: 1 } });
  });

  it('should answer an abolished province asked about after its end with its successor', async () => {
    const response = await server.gql(`{ salesPoints(provinceCode: "06") { totalCount } }`);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('19');
  });
});
