import { type TestServer, bearer, startTestServer } from '../support/testServer';

/**
 * The certified product's life as Thái Nguyên's office lives it in 2026, over real HTTP on a server
 * whose "today" is 20 November 2026: the office completes Bắc Kạn's 2023–2024 records as its
 * successor, a commune proposes a renewal, the province renews a 4★ certificate at 3★, and revokes
 * one that expired without renewal.
 */
const THAI_NGUYEN = bearer({ sub: 'vp-ocop-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' });
const LANG_SON = bearer({ sub: 'vp-ocop-lang-son', role: 'PROVINCIAL_OFFICER', unit: '20' });
/** Xã Côn Minh (02185 from 2025-07-01), which old Xã Côn Minh 02173 of Na Rì became. */
const CON_MINH = bearer({ sub: 'can-bo-xa-con-minh', role: 'COMMUNE_OFFICER', unit: '02185' });
const OTHER_COMMUNE = bearer({ sub: 'can-bo-xa-na-ri', role: 'COMMUNE_OFFICER', unit: '02155' });

const REGISTER_SUBJECT = `mutation($input: RegisterSubjectInput!) { registerSubject(input: $input) { id } }`;
const REGISTER_PRODUCT = `mutation($input: RegisterProductInput!) { registerProduct(input: $input) { id } }`;
const AWARD = `mutation($input: AwardStarsInput!) { awardStars(input: $input) {
  purpose outcome stars certificate { id stars supersedes issuedBy { level unit { code name } name } } } }`;
const PROPOSE = `mutation($input: ProposeProductInput!) { proposeProduct(input: $input) {
  id fromLevel toLevel score purpose status decisionNo proposedOn dossierReceivedOn commune { code name } } }`;
const RETURN = `mutation($input: ReturnProposalInput!) { returnProposal(input: $input) {
  id status returnReason returnedOn } }`;
const REVOKE = `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) {
  id status revocation { reason decidedOn } revokedBy { name } } }`;
const CERTIFICATE = `query($id: ID!) { certificate(id: $id) {
  id status stars supersedes supersededBy renewalPending issuedBy { level unit { code name } name } } }`;
const QUEUE = `query($provinceCode: String, $status: ProposalStatus) {
  proposals(toLevel: PROVINCE, provinceCode: $provinceCode, status: $status) {
    edges { node { id fromLevel score purpose status } } } }`;
const EXPIRING = `query($provinceCode: String, $on: Date) {
  expiringCertificates(within: 60, provinceCode: $provinceCode, on: $on) { id renewalPending } }`;

type Errors = { message: string; extensions?: { code?: string } }[] | undefined;

describe('The life of a certificate in 2026', () => {
  let server: TestServer;
  const as = async <T = Record<string, unknown>>(who: string | null, query: string, variables: object) => {
    const response = await server.gqlAs<T>(who, query, variables as Record<string, unknown>);
    return response;
  };
  const ok = async <T = Record<string, unknown>>(who: string, query: string, input: object): Promise<T> => {
    const response = await as<T>(who, query, { input });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const refused = async (who: string, query: string, input: object): Promise<Errors> => {
    const before = await server.eventCount();
    const response = await as(who, query, { input });
    expect(await server.eventCount()).toBe(before);
    return response.errors;
  };
  const certificate = async (id: string) =>
    (await as<{ certificate: Record<string, unknown> }>(THAI_NGUYEN, CERTIFICATE, { id })).data!.certificate;

  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-11-20T02:00:00Z' });
    // Thái Nguyên's office enters Bắc Kạn's records of before the merger, as Bắc Kạn's successor.
    await ok(THAI_NGUYEN, REGISTER_SUBJECT, {
      id: 'htx-con-minh',
      name: 'HTX Nông sản Côn Minh',
      kind: 'COOPERATIVE',
      districtCode: '066',
      communeCode: '02173',
      registeredOn: '2023-03-01',
    });
    for (const id of ['mien-dong-con-minh', 'mien-dong-lapsed', 'mang-con-minh', 'mien-dong-2024']) {
      const product = { subjectId: 'htx-con-minh', group: 'FOOD', registrationKind: 'NEW', registeredOn: '2023-03-10' };
      await ok(THAI_NGUYEN, REGISTER_PRODUCT, { id, name: `Sản phẩm ${id}`, ...product });
    }
  });
  afterAll(async () => {
    await server.close();
  });

  describe("the successor's office completing Bắc Kạn's records", () => {
    it('should enter a 2023 provincial decision, issued by UBND tỉnh Bắc Kạn', async () => {
      const { awardStars } = await ok<{ awardStars: { certificate: { issuedBy: object } } }>(THAI_NGUYEN, AWARD, {
        productId: 'mien-dong-con-minh',
        level: 'PROVINCE',
        score: 78,
        decisionNo: '1402/QĐ-UBND',
        decidedOn: '2023-06-20',
      });
      expect(awardStars.certificate.issuedBy).toEqual({
        level: 'PROVINCE',
        unit: { code: '06', name: 'Bắc Kạn' },
        name: 'UBND tỉnh Bắc Kạn',
      });
    });
    it("should enter a 2024 district decision, issued by UBND huyện Na Rì, and a district's proposal found under 06", async () => {
      const { awardStars } = await ok<{ awardStars: { certificate: { issuedBy: { name: string } } } }>(
        THAI_NGUYEN,
        AWARD,
        {
          productId: 'mien-dong-lapsed',
          level: 'DISTRICT',
          score: 60,
          decisionNo: '55/QĐ-UBND',
          decidedOn: '2023-09-05',
        },
      );
      expect(awardStars.certificate.issuedBy.name).toBe('UBND huyện Na Rì');
      await ok(THAI_NGUYEN, AWARD, {
        productId: 'mien-dong-2024',
        level: 'DISTRICT',
        score: 75,
        decisionNo: '88/QĐ-UBND',
        decidedOn: '2024-10-01',
      });
      const queue = await as<{ proposals: { edges: { node: { id: string } }[] } }>(THAI_NGUYEN, QUEUE, {
        provinceCode: '06',
        status: null,
      });
      expect(queue.data!.proposals.edges.map((e) => e.node.id)).toEqual(['mien-dong-2024.E1']);
    });
    it("should record a subject's old commune for 2024", async () => {
      const recorded = await ok<{ recordSubjectCommune: object }>(
        THAI_NGUYEN,
        `mutation($input: RecordSubjectCommuneInput!) { recordSubjectCommune(input: $input) { commune { code name } } }`,
        { subjectId: 'htx-con-minh', communeCode: '02173', on: '2024-02-01' },
      );
      expect(recorded.recordSubjectCommune).toEqual({ commune: { code: '02185', name: 'Xã Côn Minh' } });
    });
    it('should refuse another province the same records', async () => {
      const errors = await refused(LANG_SON, AWARD, {
        productId: 'mang-con-minh',
        level: 'PROVINCE',
        score: 78,
        decisionNo: '9/QĐ-UBND',
        decidedOn: '2024-06-20',
      });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
    it('should show the issuer in words on the public page', async () => {
      const page = await (await fetch(`http://127.0.0.1:${server.port}/c/mien-dong-con-minh.C1`)).text();
      expect(page).toContain('UBND tỉnh Bắc Kạn');
      expect(page).toContain('1402/QĐ-UBND');
    });
  });

  describe('a 2023 certificate renewed at 3★ in 2026, on a commune proposal', () => {
    it('should let the commune propose it, as a RENEWAL, into the province queue', async () => {
      const { proposeProduct } = await ok<{ proposeProduct: object }>(CON_MINH, PROPOSE, {
        productId: 'mien-dong-con-minh',
        decisionNo: '12/TTr-UBND',
        proposedOn: '2026-05-12',
        dossierReceivedOn: '2026-05-02',
      });
      expect(proposeProduct).toEqual({
        id: 'mien-dong-con-minh.P1',
        fromLevel: 'COMMUNE',
        toLevel: 'PROVINCE',
        score: null,
        purpose: 'RENEWAL',
        status: 'PENDING',
        decisionNo: '12/TTr-UBND',
        proposedOn: '2026-05-12',
        dossierReceivedOn: '2026-05-02',
        commune: { code: '02185', name: 'Xã Côn Minh' },
      });
      // Judged today (2026-11-20), past its last day (2026-06-20): the renewal is still pending.
      expect(await certificate('mien-dong-con-minh.C1')).toMatchObject({ renewalPending: true, status: 'EXPIRED' });
      const expiring = await as<{ expiringCertificates: object[] }>(THAI_NGUYEN, EXPIRING, {
        provinceCode: '19',
        on: '2026-05-12',
      });
      expect(expiring.data!.expiringCertificates).toContainEqual({ id: 'mien-dong-con-minh.C1', renewalPending: true });
      const queue = await as<{ proposals: { edges: { node: object }[] } }>(THAI_NGUYEN, QUEUE, { provinceCode: '19' });
      expect(queue.data!.proposals.edges.map((e) => e.node)).toEqual([
        { id: 'mien-dong-con-minh.P1', fromLevel: 'COMMUNE', score: null, purpose: 'RENEWAL', status: 'PENDING' },
      ]);
    });
    it("should refuse another commune's officer", async () => {
      const errors = await refused(OTHER_COMMUNE, PROPOSE, {
        productId: 'mang-con-minh',
        decisionNo: '13/TTr-UBND',
        proposedOn: '2026-05-12',
      });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
    it('should renew the 4★ at 3★ when the province scores 62, replacing it', async () => {
      const { awardStars } = await ok<{ awardStars: Record<string, unknown> }>(THAI_NGUYEN, AWARD, {
        productId: 'mien-dong-con-minh',
        level: 'PROVINCE',
        score: 62,
        decisionNo: '980/QĐ-UBND',
        decidedOn: '2026-06-05',
      });
      expect(awardStars).toEqual({
        purpose: 'RENEWAL',
        outcome: 'RECOGNISED',
        stars: 3,
        certificate: {
          id: 'mien-dong-con-minh.C2',
          stars: 3,
          supersedes: 'mien-dong-con-minh.C1',
          issuedBy: { level: 'PROVINCE', unit: { code: '19', name: 'Thái Nguyên' }, name: 'UBND tỉnh Thái Nguyên' },
        },
      });
      expect(await certificate('mien-dong-con-minh.C1')).toMatchObject({
        status: 'SUPERSEDED',
        supersededBy: 'mien-dong-con-minh.C2',
        renewalPending: false,
      });
      const settled = await as<{ proposals: { edges: { node: { status: string } }[] } }>(THAI_NGUYEN, QUEUE, {
        provinceCode: '19',
        status: 'EVALUATED',
      });
      expect(settled.data!.proposals.edges.map((e) => e.node.status)).toEqual(['EVALUATED']);
    });
  });

  describe("a commune's incomplete dossier", () => {
    it('should go back with a reason, once', async () => {
      await ok(CON_MINH, PROPOSE, { productId: 'mang-con-minh', decisionNo: '20/TTr-UBND', proposedOn: '2026-08-03' });
      const { returnProposal } = await ok<{ returnProposal: object }>(THAI_NGUYEN, RETURN, {
        proposalId: 'mang-con-minh.P1',
        reason: 'Thiếu phiếu kết quả kiểm nghiệm',
        returnedOn: '2026-08-15',
      });
      expect(returnProposal).toEqual({
        id: 'mang-con-minh.P1',
        status: 'RETURNED',
        returnReason: 'Thiếu phiếu kết quả kiểm nghiệm',
        returnedOn: '2026-08-15',
      });
      const again = await refused(THAI_NGUYEN, RETURN, {
        proposalId: 'mang-con-minh.P1',
        reason: 'Lần hai',
        returnedOn: '2026-08-16',
      });
      expect(again?.[0]?.extensions?.code).toBe('CONFLICT');
    });
    it('should not be returned by the commune itself', async () => {
      await ok(CON_MINH, PROPOSE, { productId: 'mang-con-minh', decisionNo: '21/TTr-UBND', proposedOn: '2026-09-03' });
      const errors = await refused(CON_MINH, RETURN, {
        proposalId: 'mang-con-minh.P2',
        reason: 'Tự rút',
        returnedOn: '2026-09-04',
      });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('a certificate that expired without renewal', () => {
    const revocation = (reason: string) => ({
      certificateId: 'mien-dong-lapsed.C1',
      reason,
      details: 'Hết hiệu lực, không đánh giá lại',
      decisionNo: '1105/QĐ-UBND',
      decidedOn: '2026-10-01',
    });
    it('should be refused for any reason but EXPIRED_NOT_RENEWED', async () => {
      const errors = await refused(THAI_NGUYEN, REVOKE, revocation('PRODUCTION_STOPPED'));
      expect(errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
    it('should read REVOKED from the decision date, and leave its year of issue counted', async () => {
      const { revokeCertificate } = await ok<{ revokeCertificate: object }>(
        THAI_NGUYEN,
        REVOKE,
        revocation('EXPIRED_NOT_RENEWED'),
      );
      expect(revokeCertificate).toEqual({
        id: 'mien-dong-lapsed.C1',
        status: 'REVOKED',
        revocation: { reason: 'EXPIRED_NOT_RENEWED', decidedOn: '2026-10-01' },
        revokedBy: { name: 'UBND tỉnh Thái Nguyên' },
      });
      const report = await as<{ districtTargets: { total: { newProducts3Star: { actual: number } } } }>(
        THAI_NGUYEN,
        `{ districtTargets(year: 2023, provinceCode: "06") { total { newProducts3Star { actual } } } }`,
        {},
      );
      expect(report.data!.districtTargets.total.newProducts3Star.actual).toBe(2);
    });
  });

  describe('places and levels', () => {
    it('should answer BAD_USER_INPUT naming 19 for certificates expiring in 06 in 2026', async () => {
      const response = await as(THAI_NGUYEN, EXPIRING, { provinceCode: '06', on: '2026-05-12' });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/19 Thái Nguyên/);
    });
    it('should refuse COMMUNE as an evaluating level', async () => {
      const errors = await refused(THAI_NGUYEN, AWARD, {
        productId: 'mang-con-minh',
        level: 'COMMUNE',
        score: 60,
        decisionNo: 'x',
        decidedOn: '2026-09-01',
      });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
