import { type TestServer, asDistrictOfficer, bearer, startTestServer } from '../support/testServer';
import { REGISTER_PRODUCT, REGISTER_SUBJECT, productInput, subjectInput } from '../support/operations';

const AWARD = `mutation($input: AwardStarsInput!) {
  awardStars(input: $input) { level score outcome proposedToHigherLevel parts { a b c } certificate { id stars level } }
}`;
const PENDING = `query($id: ID!) {
  product(id: $id) { stars pendingProposal { fromLevel toLevel score decisionNo proposedOn status product { id } } }
}`;
const PROPOSALS = `query($toLevel: EvaluationLevel!, $status: ProposalStatus, $provinceCode: String, $first: Int, $after: String) {
  proposals(toLevel: $toLevel, status: $status, provinceCode: $provinceCode, first: $first, after: $after) {
    nodes { product { id } fromLevel score status } totalCount pageInfo { endCursor hasNextPage }
  }
}`;
const EXPIRING = `query($within: Int, $on: Date, $provinceCode: String) {
  expiringCertificates(within: $within, on: $on, provinceCode: $provinceCode) { id stars expiresOn status }
}`;
const COUNCIL = bearer({ sub: 'council', role: 'NATIONAL_COUNCIL', unit: 'VN' });

/**
 * The cycle of Plan 180 §3.6.1–3.6.2 over HTTP, in 2024: a district proposal, the province's 4★ and
 * its proposal to the centre, the centre's 5★; and a result the province returns to the district.
 */
describe('An evaluation cycle over GraphQL', () => {
  let server: TestServer;
  const award = (input: Record<string, unknown>, authorization?: string) =>
    authorization === undefined ? server.gql(AWARD, { input }) : server.gqlAs(authorization, AWARD, { input });
  const data = async (response: Promise<{ data?: unknown; errors?: unknown }>) => {
    const { data: answer, errors } = await response;
    expect(errors).toBeUndefined();
    return answer as Record<string, Record<string, unknown>>;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await data(server.gql(REGISTER_SUBJECT, { input: subjectInput() }));
    await data(server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'tra', name: 'Trà hoa vàng' }) }));
    await data(server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'banh', name: 'Bánh khảo' }) }));
  });
  afterAll(() => server.close());

  it('should propose a district 78 to the province, with no certificate, and show it waiting there', async () => {
    const proposed = await data(
      award({ productId: 'tra', level: 'DISTRICT', score: 78, decisionNo: 'H-1', decidedOn: '2024-10-20' }),
    );
    expect(proposed['awardStars']).toEqual({
      level: 'DISTRICT',
      score: 78,
      outcome: 'PROPOSED',
      proposedToHigherLevel: true,
      parts: null,
      certificate: null,
    });
    expect((await data(server.gql(PENDING, { id: 'tra' })))['product']).toEqual({
      stars: null,
      pendingProposal: {
        fromLevel: 'DISTRICT',
        toLevel: 'PROVINCE',
        score: 78,
        decisionNo: 'H-1',
        proposedOn: '2024-10-20',
        status: 'PENDING',
        product: { id: 'tra' },
      },
    });
    const waiting = (await data(server.gql(PROPOSALS, { toLevel: 'PROVINCE', provinceCode: '06' })))['proposals'];
    expect(waiting).toMatchObject({ nodes: [{ product: { id: 'tra' }, status: 'PENDING' }], totalCount: 1 });
  });

  it("should recognise 4★ at the province with its parts, close the district's proposal and propose 92 to the centre", async () => {
    const input = { productId: 'tra', level: 'PROVINCE', score: 92, decisionNo: 'T-1', decidedOn: '2024-11-15' };
    const province = await data(award({ ...input, parts: { a: 38, b: 22, c: 32 } }));
    expect(province['awardStars']).toMatchObject({
      outcome: 'RECOGNISED',
      proposedToHigherLevel: true,
      parts: { a: 38, b: 22, c: 32 },
      certificate: { id: 'tra.C1', stars: 4, level: 'PROVINCE' },
    });
    const evaluated = await data(server.gql(PROPOSALS, { toLevel: 'PROVINCE', status: 'EVALUATED' }));
    expect(evaluated['proposals']).toMatchObject({ nodes: [{ product: { id: 'tra' }, fromLevel: 'DISTRICT' }] });
    expect((await data(server.gql(PROPOSALS, { toLevel: 'PROVINCE' })))['proposals']!['totalCount']).toBe(0);
    const atCentre = await data(server.gql(PROPOSALS, { toLevel: 'NATIONAL' }));
    expect(atCentre['proposals']).toMatchObject({
      nodes: [{ product: { id: 'tra' }, fromLevel: 'PROVINCE', score: 92 }],
    });
  });

  it('should recognise 5★ at the centre, superseding the 4★, and leave nothing waiting', async () => {
    const input = { productId: 'tra', level: 'NATIONAL', score: 91, decisionNo: 'TW-1', decidedOn: '2024-12-10' };
    expect((await data(award(input, COUNCIL)))['awardStars']).toMatchObject({
      outcome: 'RECOGNISED',
      certificate: { id: 'tra.C2', stars: 5, level: 'NATIONAL' },
    });
    expect((await data(server.gql(PENDING, { id: 'tra' })))['product']).toEqual({ stars: 5, pendingProposal: null });
  });

  it('should refuse a district 3★ while the 5★ is valid, naming it, and append nothing', async () => {
    const before = await server.eventCount();
    const response = await award({
      productId: 'tra',
      level: 'DISTRICT',
      score: 60,
      decisionNo: 'H-2',
      decidedOn: '2024-12-15',
    });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('tra.C2 (5★'),
    });
    expect(await server.eventCount()).toBe(before);
  });

  it('should return a province 64 to the district, whose own decision on it then recognises 3★', async () => {
    await data(award({ productId: 'banh', level: 'DISTRICT', score: 72, decisionNo: 'H-3', decidedOn: '2024-10-25' }));
    const returned = await data(
      award({ productId: 'banh', level: 'PROVINCE', score: 64, decisionNo: 'T-3', decidedOn: '2024-11-20' }),
    );
    expect(returned['awardStars']).toMatchObject({ outcome: 'RETURNED', certificate: null });
    const district = await data(
      server.gql(
        AWARD,
        { input: { productId: 'banh', level: 'DISTRICT', score: 64, decisionNo: 'H-4', decidedOn: '2024-12-01' } },
        asDistrictOfficer('066'),
      ),
    );
    expect(district['awardStars']).toMatchObject({
      outcome: 'RECOGNISED',
      certificate: { id: 'banh.C1', stars: 3, level: 'DISTRICT' },
    });
  });

  it.each([
    [{ a: 41, b: 20, c: 17 }, 'parts.a must be between 0 and 40'],
    [{ a: 30, b: 26, c: 22 }, 'parts.b must be between 0 and 25'],
    [{ a: 30, b: 20, c: 20 }, 'parts a + b + c (70) must equal the score (78)'],
  ])('should refuse parts %j as BAD_USER_INPUT naming the part, appending nothing', async (parts, message) => {
    const before = await server.eventCount();
    const input = {
      productId: 'banh',
      level: 'PROVINCE',
      score: 78,
      decisionNo: 'T-9',
      decidedOn: '2024-12-02',
      parts,
    };
    const response = await award(input);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).toContain(message);
    expect(await server.eventCount()).toBe(before);
  });

  it('should register a re-evaluation of an expiring certificate as RENEWAL', async () => {
    const input = productInput({ id: 'mien-renewal', name: 'Miến dong (đánh giá lại)', registrationKind: 'RENEWAL' });
    const registered = await data(server.gql(REGISTER_PRODUCT, { input }));
    expect(registered['registerProduct']).toMatchObject({ id: 'mien-renewal', registrationKind: 'RENEWAL' });
  });

  it('should list the valid certificates whose last day falls within the days asked, soonest first', async () => {
    const expiring = async (variables: Record<string, unknown>) =>
      (await data(server.gql(EXPIRING, variables)))['expiringCertificates'];
    expect(await expiring({ within: 90, on: '2027-09-20' })).toEqual([
      { id: 'banh.C1', stars: 3, expiresOn: '2027-12-01', status: 'VALID' },
      { id: 'tra.C2', stars: 5, expiresOn: '2027-12-10', status: 'VALID' },
    ]);
    expect(await expiring({ within: 72, on: '2027-09-20' })).toEqual([
      { id: 'banh.C1', stars: 3, expiresOn: '2027-12-01', status: 'VALID' },
    ]);
    expect(await expiring({ on: '2027-12-02' })).toEqual([
      { id: 'tra.C2', stars: 5, expiresOn: '2027-12-10', status: 'VALID' },
    ]);
    // Bắc Kạn's products lie in Thái Nguyên (19) from 2025-07-01: 06 is refused then, naming 19.
    const merged = await server.gql(EXPIRING, { within: 90, on: '2027-09-20', provinceCode: '06' });
    expect(merged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(merged.errors?.[0]?.message).toMatch(/19 Thái Nguyên/);
    expect(await expiring({ within: 90, on: '2025-06-01', provinceCode: '06' })).toEqual([]);
    expect(await expiring({ within: 90, on: '2027-09-20', provinceCode: '19' })).toHaveLength(2);
    expect(await expiring({})).toEqual([]);
    const refused = await server.gql(EXPIRING, { within: -1 });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
