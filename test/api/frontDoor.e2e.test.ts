import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { REGISTER_PRODUCT, REGISTER_SUBJECT } from '../support/operations';

/**
 * The front door on 8 December 2026, Thái Nguyên's office: no built-in province, an abolished one
 * refused naming its successor, lists by commune, and the reports under the names of what they hold.
 */
const THAI_NGUYEN = bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' });
const BAC_KAN = bearer({ sub: 'so-nn-bac-kan', role: 'PROVINCIAL_OFFICER', unit: '06' });
const NATIONAL = bearer({ sub: 'hoi-dong', role: 'NATIONAL_COUNCIL', unit: 'VN' });
const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
  errors?.map((e) => e.extensions?.['code']);

describe("Today's front door", () => {
  let server: TestServer;
  const ok = async (authorization: string, query: string, variables: object) => {
    const response = await server.gqlAs(authorization, query, variables as Record<string, unknown>);
    expect(response.errors).toBeUndefined();
    return response;
  };

  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-12-08T02:00:00Z' });
    // A Na Rì subject of 2024 with its old commune (02173 became 02185 Côn Minh), and one of 2026.
    const subject = (id: string, input: object) =>
      ok(id.endsWith('24') ? BAC_KAN : THAI_NGUYEN, REGISTER_SUBJECT, {
        input: { id, name: `HTX ${id}`, kind: 'COOPERATIVE', ...input },
      });
    await subject('htx-con-minh-24', { districtCode: '066', communeCode: '02173', registeredOn: '2024-03-01' });
    await subject('htx-na-ri-26', { communeCode: '02155', registeredOn: '2026-11-01' });
    const product = (id: string, subjectId: string, registeredOn: string) =>
      ok(id.endsWith('24') ? BAC_KAN : THAI_NGUYEN, REGISTER_PRODUCT, {
        input: { id, subjectId, name: `Miến ${id}`, group: 'FOOD', registrationKind: 'NEW', registeredOn },
      });
    await product('mien-24', 'htx-con-minh-24', '2024-03-15');
    await product('mien-26', 'htx-na-ri-26', '2026-11-02');
  });
  afterAll(() => server.close());

  describe('no built-in province', () => {
    it('should refuse a report without provinceCode from an anonymous caller with BAD_USER_INPUT', async () => {
      const response = await server.gqlAs(null, '{ unitTargets(year: 2026) { provinceCode } }');
      expect(codes(response.errors)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/provinceCode is required/);
    });

    it("should answer the caller's province when provinceCode is absent", async () => {
      const response = await ok(THAI_NGUYEN, '{ unitTargets(year: 2026) { provinceCode level } }', {});
      expect(response.data).toEqual({ unitTargets: { provinceCode: '19', level: 'COMMUNE' } });
    });

    it('should answer the successor for an office of the abolished province asking about 2026', async () => {
      const response = await ok(
        BAC_KAN,
        '{ plan(year: 2026) { year } districtTargets(year: 2026) { provinceCode } }',
        {},
      );
      expect(response.data).toEqual({ plan: null, districtTargets: { provinceCode: '19' } });
    });

    it('should refuse a national caller without provinceCode: the country is no province', async () => {
      const response = await server.gqlAs(NATIONAL, '{ plan(year: 2026) { year } }');
      expect(codes(response.errors)).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['plan', '{ plan(year: 2026, provinceCode: "06") { year } }'],
      ['unitTargets', '{ unitTargets(year: 2026, provinceCode: "06") { level } }'],
      ['qualityTargets', '{ qualityTargets(year: 2026, provinceCode: "06") { level } }'],
      ['districtTargets', '{ districtTargets(year: 2026, provinceCode: "06") { level } }'],
      ['qualityManagement', '{ qualityManagement(year: 2026, provinceCode: "06") { level } }'],
    ])('should refuse %s of 06 in 2026 with BAD_USER_INPUT naming 19 Thái Nguyên', async (_name, query) => {
      const response = await server.gqlAs(null, query);
      expect(codes(response.errors)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/06 Bắc Kạn did not exist in 2026.*19 Thái Nguyên/);
    });

    it("should still answer 06's 2024 report, which is history", async () => {
      const response = await ok(THAI_NGUYEN, '{ unitTargets(year: 2024, provinceCode: "06") { level } }', {});
      expect(response.data).toEqual({ unitTargets: { level: 'DISTRICT' } });
    });
  });

  describe('the subscription', () => {
    const firstAnswer = async (query: string) => {
      const client = createClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: false });
      try {
        return await client.iterate({ query }).next();
      } catch (errors) {
        return errors as { extensions?: Record<string, unknown>; message: string }[];
      } finally {
        await client.dispose();
      }
    };

    it.each([
      ['without provinceCode, anonymously', 'year: 2026', /provinceCode is required/],
      ['of 06 in 2026', 'year: 2026, provinceCode: "06"', /19 Thái Nguyên/],
    ])('should refuse planProgressChanged %s with BAD_USER_INPUT', async (_what, args, message) => {
      const answer = await firstAnswer(`subscription { planProgressChanged(${args}) { unit { code } } }`);
      const errors = Array.isArray(answer)
        ? answer
        : ((answer.value as { errors?: never[] } | undefined)?.errors ?? []);
      expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
      expect((errors[0] as { message: string }).message).toMatch(message);
    });
  });

  describe('OCOP_DEFAULT_PROVINCE', () => {
    afterEach(() => delete process.env['OCOP_DEFAULT_PROVINCE']);

    it('should answer its province to an anonymous caller', async () => {
      process.env['OCOP_DEFAULT_PROVINCE'] = '19';
      const response = await ok('', '{ qualityTargets(year: 2026) { provinceCode } }', {});
      expect(response.data).toEqual({ qualityTargets: { provinceCode: '19' } });
    });
  });

  describe('reports named for what they hold', () => {
    it('should answer unitTargets with rows of communes and the same figures as districtTargets', async () => {
      const query = `{
        unitTargets(year: 2026, provinceCode: "19") { rows { unit { code } } total { newSubjects { actual } } }
        districtTargets(year: 2026, provinceCode: "19") { districts { unit { code } } total { newSubjects { actual } } }
      }`;
      const { data } = (await ok(THAI_NGUYEN, query, {})) as {
        data: Record<string, { rows?: unknown[]; districts?: unknown[]; total: unknown }>;
      };
      expect(data['unitTargets']!.rows).toEqual(data['districtTargets']!.districts);
      expect(data['unitTargets']!.rows!.length).toBeGreaterThan(90);
      expect(data['unitTargets']!.total).toEqual({ newSubjects: { actual: 1 } });
    });
  });

  describe('places on lists and products', () => {
    const PRODUCTS = `query($filter: ProductFilter) { products(filter: $filter) { nodes { id commune { code } province { code } } } }`;

    const productIds = async (filter: object) => {
      const { data } = await ok(THAI_NGUYEN, PRODUCTS, { filter });
      return (data as { products: { nodes: { id: string }[] } }).products.nodes.map((n) => n.id);
    };

    it('should list the products of commune 02185 today, the 2024 product of old commune 02173 among them', async () => {
      const { data } = await ok(THAI_NGUYEN, PRODUCTS, { filter: { communeCode: '02185' } });
      expect(data).toEqual({
        products: { nodes: [{ id: 'mien-24', commune: { code: '02185' }, province: { code: '19' } }] },
      });
    });

    it('should list every product of province 19 today', async () => {
      expect(await productIds({ provinceCode: '19' })).toEqual(['mien-24', 'mien-26']);
    });

    it('should read places on `on`: in 2024 the old product was in 06, the other nowhere yet', async () => {
      expect(await productIds({ provinceCode: '06', on: '2024-12-31' })).toEqual(['mien-24']);
    });

    it('should refuse province 06 today with BAD_USER_INPUT naming 19, never an empty list', async () => {
      const response = await server.gqlAs(THAI_NGUYEN, PRODUCTS, { filter: { provinceCode: '06' } });
      expect(codes(response.errors)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/19 Thái Nguyên/);
    });

    it('should filter subjects and certificates by commune too', async () => {
      const query = `{ subjects(filter: { communeCode: "02155" }) { nodes { id } } certificates(filter: { communeCode: "02155" }) { totalCount } }`;
      const { data } = await ok(THAI_NGUYEN, query, {});
      expect(data).toEqual({ subjects: { nodes: [{ id: 'htx-na-ri-26' }] }, certificates: { totalCount: 0 } });
    });
  });
});
