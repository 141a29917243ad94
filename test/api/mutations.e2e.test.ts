import { type TestServer, asDistrictOfficer, bearer, startTestServer } from '../support/testServer';
import {
  AWARD_STARS,
  RECORD_LINKAGE,
  RECORD_QUALITY,
  RECORD_SUPPORT,
  RECORD_TRACEABILITY,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';

describe('Mutations over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
  });
  afterAll(() => server.close());

  /** Runs a mutation that must fail, and checks that it appended nothing. */
  async function refused(query: string, input: Record<string, unknown>, headers: Record<string, string> = {}) {
    const before = await server.eventCount();
    const response = await server.gql(query, { input }, headers);
    expect(response.data ?? null).toBeNull();
    expect(await server.eventCount()).toBe(before);
    return response.errors![0]!;
  }

  it('should register a subject and answer it with its district', async () => {
    const response = await server.gql(REGISTER_SUBJECT, {
      input: subjectInput({ id: 'htx-ba-be', districtCode: '061', name: 'HTX Ba Bể' }),
    });
    expect(response.data).toEqual({
      registerSubject: {
        id: 'htx-ba-be',
        name: 'HTX Ba Bể',
        kind: 'COOPERATIVE',
        district: { code: '061', name: 'Ba Bể' },
        registeredOn: '2024-03-01',
      },
    });
  });

  it('should register a product without an id, deriving one from the commandId', async () => {
    const input = productInput({ id: undefined, name: 'Trà hoa vàng', group: 'DRINKS', commandId: 'product-tra' });
    const first = await server.gql<{ registerProduct: { id: string } }>(REGISTER_PRODUCT, { input });
    const again = await server.gql<{ registerProduct: { id: string } }>(REGISTER_PRODUCT, { input });
    expect(first.data!.registerProduct.id).toMatch(/^P[0-9A-F]{16}$/);
    expect(again.data!.registerProduct.id).toBe(first.data!.registerProduct.id);
  });

  it('should award stars and answer with the certificate, visible at once (read-your-writes)', async () => {
    // 50–69: the district recognises 3★ itself (70 or more would be a proposal, with no certificate).
    const response = await server.gql(AWARD_STARS, { input: awardInput({ score: 68 }) });
    expect(response.data).toEqual({
      awardStars: {
        level: 'DISTRICT',
        score: 68,
        stars: 3,
        scoreStars: 3,
        proposedToHigherLevel: false,
        decisionNo: '2150/QĐ-UBND',
        decidedOn: '2024-10-15',
        product: { id: 'mien-dong', stars: 3 },
        certificate: {
          id: 'mien-dong.C1',
          stars: 3,
          level: 'DISTRICT',
          issuedOn: '2024-10-15',
          expiresOn: '2027-10-15',
          status: 'VALID',
          supersedes: null,
        },
      },
    });
    const read = await server.gql(`{ product(id: "mien-dong") { stars certificates { id status } } }`);
    expect(read.data).toEqual({ product: { stars: 3, certificates: [{ id: 'mien-dong.C1', status: 'VALID' }] } });
  });

  it('should record linkage, support, traceability and a quality certification', async () => {
    const linkage = await server.gql(RECORD_LINKAGE, {
      input: {
        subjectId: 'htx-na-ri',
        partnerName: 'Siêu thị Bắc Kạn',
        kind: 'CONSUMPTION',
        startedOn: '2024-05-01',
        contractRef: 'HĐ-01',
      },
    });
    expect(linkage.data).toMatchObject({
      recordLinkage: { linkages: [{ partnerName: 'Siêu thị Bắc Kạn', endedOn: null, contractRef: 'HĐ-01' }] },
    });
    const support = await server.gql(RECORD_SUPPORT, {
      input: {
        subjectId: 'htx-na-ri',
        programme: 'CONSOLIDATION',
        providedOn: '2024-06-01',
        description: 'Thiết kế bao bì',
      },
    });
    expect(support.data).toMatchObject({ recordSupport: { supports: [{ programme: 'CONSOLIDATION' }] } });
    const trace = await server.gql(RECORD_TRACEABILITY, {
      input: { productId: 'mien-dong', system: 'check.vn', enabledOn: '2024-07-01' },
    });
    expect(trace.data).toEqual({
      recordTraceability: { id: 'mien-dong', traceability: [{ system: 'check.vn', enabledOn: '2024-07-01' }] },
    });
    const quality = await server.gql(RECORD_QUALITY, {
      input: {
        productId: 'mien-dong',
        standard: 'VIETGAP',
        certificateNo: 'VG-77',
        issuedOn: '2024-04-01',
        validUntil: '2026-04-01',
      },
    });
    expect(quality.data).toMatchObject({
      recordQualityCertification: { qualityCertifications: [{ standard: 'VIETGAP', validUntil: '2026-04-01' }] },
    });
  });

  it('should revoke a certificate, then refuse revoking it again with CONFLICT', async () => {
    // A district's certificate, revoked before 2025-07-01: by the district that recognised it.
    const response = await server.gql(REVOKE, { input: revokeInput() }, asDistrictOfficer('066'));
    expect(response.data).toEqual({
      revokeCertificate: {
        id: 'mien-dong.C1',
        status: 'REVOKED',
        product: { id: 'mien-dong', stars: null },
        revocation: {
          reason: 'FOOD_SAFETY_VIOLATION',
          details: 'Đoàn kiểm tra phát hiện vi phạm an toàn thực phẩm',
          decisionNo: '310/QĐ-UBND',
          decidedOn: '2024-12-01',
        },
      },
    });
    const again = await refused(REVOKE, revokeInput({ decisionNo: '311/QĐ-UBND' }), asDistrictOfficer('066'));
    expect(again.extensions?.code).toBe('CONFLICT');
  });

  it('should answer a repeated commandId with the same result and one append', async () => {
    const input = { productId: 'mien-dong', system: 'te-food', enabledOn: '2024-08-01', commandId: 'trace-once' };
    const first = await server.gql(RECORD_TRACEABILITY, { input });
    const before = await server.eventCount();
    const second = await server.gql(RECORD_TRACEABILITY, { input });
    expect(second.data).toEqual(first.data);
    expect(await server.eventCount()).toBe(before);
  });

  describe('refusals, each with a stable code and nothing appended', () => {
    it.each([
      ['an unknown district', REGISTER_SUBJECT, subjectInput({ id: 's-x', districtCode: '999' }), 'BAD_USER_INPUT'],
      ['an empty name', REGISTER_SUBJECT, subjectInput({ id: 's-y', name: '   ' }), 'BAD_USER_INPUT'],
      [
        'a date that does not parse',
        REGISTER_SUBJECT,
        subjectInput({ id: 's-z', registeredOn: '2024-02-30' }),
        'BAD_USER_INPUT',
      ],
      ['a future date', REGISTER_SUBJECT, subjectInput({ id: 's-w', registeredOn: '2099-01-01' }), 'BAD_USER_INPUT'],
      ['an unknown enum value', REGISTER_SUBJECT, subjectInput({ id: 's-v', kind: 'PARTNERSHIP' }), 'BAD_USER_INPUT'],
      ['a score above 100', AWARD_STARS, awardInput({ score: 100.5, decisionNo: 'x-1' }), 'BAD_USER_INPUT'],
      ['an unknown product', AWARD_STARS, awardInput({ productId: 'ghost', decisionNo: 'x-3' }), 'NOT_FOUND'],
      [
        'a product of an unknown subject',
        REGISTER_PRODUCT,
        productInput({ id: 'p-ghost', subjectId: 'ghost' }),
        'NOT_FOUND',
      ],
      ['an unknown certificate', REVOKE, revokeInput({ certificateId: 'ghost.C1' }), 'NOT_FOUND'],
      ['a subject registered twice', REGISTER_SUBJECT, subjectInput(), 'CONFLICT'],
    ])('should refuse %s', async (_name, query, input, code) => {
      expect((await refused(query, input)).extensions?.code).toBe(code);
    });

    it('should refuse a district award after 2025-07-01, even from the office that covers the place then', async () => {
      const thaiNguyen = {
        authorization: bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' }),
      };
      const input = awardInput({ decidedOn: '2025-07-02', decisionNo: 'x-2' });
      expect((await refused(AWARD_STARS, input, thaiNguyen)).extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('should name the fields at fault without echoing the input back', async () => {
      const secret = 'x'.repeat(5000);
      const error = await refused(REGISTER_SUBJECT, subjectInput({ id: 's-long', name: secret }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ field: 'name' }] });
      expect(JSON.stringify(error)).not.toContain(secret);
    });
  });
});
