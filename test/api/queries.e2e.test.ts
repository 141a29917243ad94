import { type TestServer, startTestServer, asDistrictOfficer } from '../support/testServer';
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

describe('Lists, filters and lookups', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_SUBJECT, {
      input: subjectInput({ id: 'htx-cho-don', districtCode: '064', name: 'HTX Chợ Đồn' }),
    });
    const products: [string, string, string, string][] = [
      ['mien-dong', 'htx-na-ri', 'Miến dong Na Rì', 'FOOD'],
      ['ruou-men', 'htx-na-ri', 'Rượu men lá', 'DRINKS'],
      ['mien-cho-don', 'htx-cho-don', 'Miến dong Chợ Đồn', 'FOOD'],
      ['tra-shan', 'htx-cho-don', 'Trà Shan tuyết', 'DRINKS'],
    ];
    for (const [id, subjectId, name, group] of products) {
      await server.gql(REGISTER_PRODUCT, { input: productInput({ id, subjectId, name, group }) });
    }
    await server.gql(AWARD_STARS, { input: awardInput() });
    await server.gql(AWARD_STARS, { input: awardInput({ productId: 'mien-cho-don', level: 'PROVINCE', score: 75 }) });
    await server.gql(AWARD_STARS, { input: awardInput({ productId: 'tra-shan', score: 66 }) });
    await server.gql(REVOKE, { input: revokeInput({ certificateId: 'tra-shan.C1' }) }, asDistrictOfficer('064'));
  });
  afterAll(() => server.close());

  const ids = async (filter: Record<string, unknown>) => {
    const response = await server.gql<{ products: { nodes: { id: string }[] } }>(
      'query($filter: ProductFilter) { products(filter: $filter) { nodes { id } } }',
      { filter },
    );
    return response.data!.products.nodes.map((n) => n.id);
  };

  it('should find by name ignoring Vietnamese diacritics', async () => {
    expect(await ids({ search: 'mien dong' })).toEqual(['mien-dong', 'mien-cho-don']);
    expect(await ids({ search: 'CHO DON' })).toEqual(['mien-cho-don']);
    expect(await ids({ search: 'Rượu' })).toEqual(['ruou-men']);
  });

  it('should filter by district, group, stars and certificate status', async () => {
    expect(await ids({ districtCode: '064' })).toEqual(['mien-cho-don', 'tra-shan']);
    expect(await ids({ group: 'DRINKS' })).toEqual(['ruou-men', 'tra-shan']);
    expect(await ids({ stars: 4 })).toEqual(['mien-cho-don']);
    expect(await ids({ status: 'REVOKED' })).toEqual(['tra-shan']);
    expect(await ids({ districtCode: '066', stars: 3 })).toEqual(['mien-dong']);
  });

  it('should page with stable cursors', async () => {
    const page =
      'query($after: String) { products(first: 3, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }';
    const first = await server.gql<{
      products: { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(page);
    expect(first.data!.products).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await server.gql<{ products: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      page,
      {
        after: first.data!.products.pageInfo.endCursor,
      },
    );
    expect(second.data!.products.nodes.map((n) => n.id)).toEqual(['tra-shan']);
    expect(second.data!.products.pageInfo.hasNextPage).toBe(false);
  });

  it('should refuse a page larger than 100 and a cursor from nowhere', async () => {
    const big = await server.gql('{ products(first: 1000) { totalCount } }');
    expect(big.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const bogus = await server.gql('{ products(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(bogus.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('should list certificates by status and district, and look one up by number', async () => {
    const response = await server.gql(`{
      valid: certificates(filter: { status: VALID }) { nodes { id } }
      choDon: certificates(filter: { districtCode: "064" }) { nodes { id status product { name } } }
      one: certificate(id: "mien-dong.C1") { stars status product { subject { name district { name } } } }
      none: certificate(id: "nope.C1") { id }
    }`);
    expect(response.data).toEqual({
      valid: { nodes: [{ id: 'mien-dong.C1' }, { id: 'mien-cho-don.C1' }] },
      choDon: {
        nodes: [
          { id: 'mien-cho-don.C1', status: 'VALID', product: { name: 'Miến dong Chợ Đồn' } },
          { id: 'tra-shan.C1', status: 'REVOKED', product: { name: 'Trà Shan tuyết' } },
        ],
      },
      one: {
        stars: 3,
        status: 'VALID',
        product: { subject: { name: 'HTX Miến dong Na Rì', district: { name: 'Na Rì' } } },
      },
      none: null,
    });
  });

  it('should list subjects with their products', async () => {
    const response = await server.gql('{ subjects(filter: { search: "cho don" }) { nodes { id products { id } } } }');
    expect(response.data).toEqual({
      subjects: { nodes: [{ id: 'htx-cho-don', products: [{ id: 'mien-cho-don' }, { id: 'tra-shan' }] }] },
    });
  });

  it('should answer an unknown entity with null, and a plan by year', async () => {
    const response = await server.gql(
      '{ subject(id: "ghost") { id } product(id: "ghost") { id } plan(year: 2024, provinceCode: "06") { reference targets { unit { code } } } }',
    );
    expect(response.data).toMatchObject({ subject: null, product: null, plan: { reference: '180/KH-UBND' } });
  });
});
