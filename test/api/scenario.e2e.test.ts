import { type TestServer, asDistrictOfficer, startTestServer, testClockMs } from '../support/testServer';
import {
  AWARD_STARS,
  DISTRICT_TARGETS,
  QUALITY_MANAGEMENT,
  RECORD_LINKAGE,
  RECORD_QUALITY,
  RECORD_SUPPORT,
  RECORD_TRACEABILITY,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
} from '../support/operations';

type Indicator = { target: number; actual: number };
type Row = { unit: { code: string } } & Record<string, Indicator>;

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * A plausible 2024 for two districts of Bắc Kạn. Na Rì: an existing OCOP cooperative is consolidated,
 * linked, traceable and VietGAP-certified; a new household registers a tea that the district scores
 * 78 and proposes to the province (no district certificate) and a honey that scores only 2★. Ba Bể: a
 * new cooperative's product goes 3★ → 4★ at the province; its second product is revoked by the
 * district that recognised it; an uncertified old subject gets support and a linkage that count for
 * nothing; an expired HACCP certificate counts for nothing, a current ISO 22000 does.
 */
describe('A year of OCOP in Na Rì and Ba Bể', () => {
  let server: TestServer;
  let beforeRevocation: string;

  const ok = async (query: string, input: Record<string, unknown>, headers?: Record<string, string>) => {
    const response = await server.gql(query, { input }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const subject = (id: string, districtCode: string, registeredOn: string, kind = 'COOPERATIVE') =>
    ok(REGISTER_SUBJECT, { id, name: `Chủ thể ${id}`, kind, districtCode, registeredOn });
  const product = (id: string, subjectId: string, registeredOn: string, name = `Sản phẩm ${id}`) =>
    ok(REGISTER_PRODUCT, { id, subjectId, name, group: 'FOOD', registrationKind: 'NEW', registeredOn });
  const award = (productId: string, level: string, score: number, decidedOn: string) =>
    ok(AWARD_STARS, { productId, level, score, decisionNo: `${productId}-${decidedOn}`, decidedOn });

  beforeAll(async () => {
    server = await startTestServer();
    // Na Rì (066)
    await subject('na-ri-old', '066', '2020-05-01');
    await product('mien-dong', 'na-ri-old', '2021-01-10', 'Miến dong Na Rì');
    await award('mien-dong', 'DISTRICT', 65, '2022-11-01');
    await ok(RECORD_SUPPORT, {
      subjectId: 'na-ri-old',
      programme: 'CONSOLIDATION',
      providedOn: '2024-06-01',
      description: 'Củng cố',
    });
    await ok(RECORD_LINKAGE, {
      subjectId: 'na-ri-old',
      partnerName: 'Siêu thị',
      kind: 'CONSUMPTION',
      startedOn: '2024-03-01',
    });
    await ok(RECORD_TRACEABILITY, { productId: 'mien-dong', system: 'check.vn', enabledOn: '2024-05-01' });
    await ok(RECORD_QUALITY, {
      productId: 'mien-dong',
      standard: 'VIETGAP',
      certificateNo: 'VG-1',
      issuedOn: '2023-01-01',
      validUntil: '2025-12-31',
    });
    await subject('na-ri-new', '066', '2024-03-10', 'HOUSEHOLD_BUSINESS');
    await product('tra-hoa-vang', 'na-ri-new', '2024-04-01');
    await award('tra-hoa-vang', 'DISTRICT', 78, '2024-10-20');
    await product('mat-ong', 'na-ri-new', '2024-04-02');
    await award('mat-ong', 'DISTRICT', 45, '2024-10-21');
    // Ba Bể (061)
    await subject('ba-be-new', '061', '2024-02-01');
    await product('ca-chua', 'ba-be-new', '2024-03-01');
    await award('ca-chua', 'DISTRICT', 68, '2024-09-01');
    await award('ca-chua', 'PROVINCE', 82, '2024-11-15');
    await product('banh-khao', 'ba-be-new', '2024-03-05');
    await award('banh-khao', 'DISTRICT', 60, '2024-09-02');
    await ok(RECORD_TRACEABILITY, { productId: 'banh-khao', system: 'check.vn', enabledOn: '2024-09-10' });
    await ok(RECORD_LINKAGE, {
      subjectId: 'ba-be-new',
      partnerName: 'HTX',
      kind: 'PRODUCTION_AND_CONSUMPTION',
      startedOn: '2023-01-01',
      endedOn: '2024-02-01',
    });
    await ok(RECORD_QUALITY, {
      productId: 'ca-chua',
      standard: 'HACCP',
      certificateNo: 'H-1',
      issuedOn: '2022-01-01',
      validUntil: '2023-12-31',
    });
    await ok(RECORD_QUALITY, {
      productId: 'ca-chua',
      standard: 'ISO_22000',
      certificateNo: 'ISO-1',
      issuedOn: '2024-08-01',
    });
    await subject('ba-be-old', '061', '2019-01-01');
    await ok(RECORD_SUPPORT, {
      subjectId: 'ba-be-old',
      programme: 'CONSOLIDATION',
      providedOn: '2024-05-01',
      description: 'Hỗ trợ',
    });
    await ok(RECORD_LINKAGE, {
      subjectId: 'ba-be-old',
      partnerName: 'Chợ',
      kind: 'CONSUMPTION',
      startedOn: '2024-01-01',
    });
    await pause();
    beforeRevocation = new Date(testClockMs()).toISOString();
    await pause();
    await ok(
      REVOKE,
      {
        certificateId: 'banh-khao.C1',
        reason: 'QUALITY_NOT_MAINTAINED',
        details: 'Không duy trì chất lượng',
        decisionNo: 'R-1',
        decidedOn: '2024-12-01',
      },
      asDistrictOfficer('061'),
    );
  });
  afterAll(() => server.close());

  const rows = async (query: string, field: string, asOf?: string) => {
    const response = await server.gql<Record<string, { districts: Row[]; total: Row }>>(query, { year: 2024, asOf });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    const report = response.data[field]!;
    const byCode = Object.fromEntries(report.districts.map((r) => [r.unit.code, r]));
    return { ...byCode, total: report.total } as Record<string, Row>;
  };
  const actuals = (row: Row, fields: string[]) => fields.map((f) => row[f]!.actual);

  it('should count Annex 1: new 3★ products, consolidated subjects, new subjects', async () => {
    const report = await rows(DISTRICT_TARGETS, 'districtTargets');
    const fields = ['newProducts3Star', 'consolidatedSubjects', 'newSubjects'];
    // The tea's 78 is a proposal to the province, not a district 3★: Na Rì has no new 3★ product yet.
    expect(actuals(report['066']!, fields)).toEqual([0, 1, 1]);
    expect(actuals(report['061']!, fields)).toEqual([1, 0, 1]);
    expect(actuals(report['total']!, fields)).toEqual([1, 1, 2]);
    expect(report['066']!['newProducts3Star']).toEqual({ target: 3, actual: 0 });
  });

  it('should count Annex 2: traceability, linkages, advanced quality management', async () => {
    const report = await rows(QUALITY_MANAGEMENT, 'qualityManagement');
    const fields = ['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts'];
    expect(actuals(report['066']!, fields)).toEqual([1, 1, 1]);
    expect(actuals(report['061']!, fields)).toEqual([0, 1, 1]);
    expect(actuals(report['total']!, fields)).toEqual([1, 2, 2]);
  });

  it('should answer as of before the revocation with the earlier numbers', async () => {
    const before = await rows(DISTRICT_TARGETS, 'districtTargets', beforeRevocation);
    expect(before['061']!['newProducts3Star']!.actual).toBe(2);
    const beforeQuality = await rows(QUALITY_MANAGEMENT, 'qualityManagement', beforeRevocation);
    expect(beforeQuality['061']!['traceabilityProducts']!.actual).toBe(1);
    const query = `query($asOf: DateTime) { certificate(id: "banh-khao.C1", asOf: $asOf) { status revocation { decisionNo } } }`;
    expect((await server.gql(query, { asOf: beforeRevocation })).data).toEqual({
      certificate: { status: 'VALID', revocation: null },
    });
    expect((await server.gql(query, {})).data).toEqual({
      certificate: { status: 'REVOKED', revocation: { decisionNo: 'R-1' } },
    });
  });

  it('should keep the proposed result, the superseded certificate and the 2★ result apart', async () => {
    const response = await server.gql(`{
      tra: product(id: "tra-hoa-vang") { stars evaluations { stars scoreStars proposedToHigherLevel } }
      mat: product(id: "mat-ong") { stars certificates { id } evaluations { stars } }
      ca: product(id: "ca-chua") { stars certificates { id status supersededBy } }
    }`);
    expect(response.data).toEqual({
      tra: { stars: null, evaluations: [{ stars: 3, scoreStars: 4, proposedToHigherLevel: true }] },
      mat: { stars: null, certificates: [], evaluations: [{ stars: 2 }] },
      ca: {
        stars: 4,
        certificates: [
          { id: 'ca-chua.C1', status: 'SUPERSEDED', supersededBy: 'ca-chua.C2' },
          { id: 'ca-chua.C2', status: 'VALID', supersededBy: null },
        ],
      },
    });
  });
});
