import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { ADOPT_PLAN, AWARD_STARS, RECORD_LINKAGE, REGISTER_PRODUCT, REGISTER_SUBJECT } from '../support/operations';

/**
 * The registry after 2025-07-01, over real HTTP on a server whose "today" is in November 2026: commune
 * registrations, subjects placed on the day asked, plans and reports by commune, the unit picker.
 */
const COMMUNE_02155 = bearer({ sub: 'can-bo-xa-na-ri', role: 'COMMUNE_OFFICER', unit: '02155' });
const THAI_NGUYEN = bearer({ sub: 'so-nn-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' });
const BAC_KAN = bearer({ sub: 'so-nn-bac-kan', role: 'PROVINCIAL_OFFICER', unit: '06' });
const LANG_SON = bearer({ sub: 'so-nn-lang-son', role: 'PROVINCIAL_OFFICER', unit: '20' });

const SUBJECT = `query($id: ID!) { subject(id: $id) {
  id district { code name level } commune { code name level } province { code name level } } }`;
const UNITS = `query($provinceCode: String!, $on: Date) { administrativeUnits(provinceCode: $provinceCode, on: $on) { code name level } }`;
const REPORT = (fields: string) => `query($year: Int!, $provinceCode: String!) {
  districtTargets(year: $year, provinceCode: $provinceCode) {
    level statusDay
    districts { unit { code name level } ${fields} }
    unplaced { unit { code name } ${fields} }
    total { unit { code name } ${fields} }
  }
  qualityManagement(year: $year, provinceCode: $provinceCode) {
    unplaced { linkageSubjects { target actual } }
    total { linkageSubjects { target actual } }
  }
}`;
const ANNEX_1 = 'newProducts3Star { target actual } newSubjects { target actual }';
const target = (unitCode: string, newProducts3Star: number) => ({
  unitCode,
  newProducts3Star,
  consolidatedSubjects: 0,
  newSubjects: 1,
  traceabilityProducts: 0,
  linkageSubjects: 0,
  advancedQmProducts: 0,
});

type Row = { unit: { code: string; name: string }; newProducts3Star: { target: number; actual: number } };
type Report = {
  districtTargets: { level: string; statusDay: string; districts: Row[]; unplaced: Row | null; total: Row };
  qualityManagement: {
    unplaced: { linkageSubjects: { actual: number } } | null;
    total: { linkageSubjects: { actual: number } };
  };
};

describe('Units after 1 July 2025', () => {
  let server: TestServer;
  const ok = async (authorization: string, query: string, input: object) => {
    const response = await server.gqlAs(authorization, query, { input });
    expect(response.errors).toBeUndefined();
    return response;
  };
  const refused = async (authorization: string, query: string, input: object) => {
    const before = await server.eventCount();
    const response = await server.gqlAs(authorization, query, { input });
    expect(await server.eventCount()).toBe(before);
    return response.errors ?? [];
  };

  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-11-20T02:00:00Z' });
    // Bắc Kạn's office, in 2024: one subject with its old commune, one with a district only (and a
    // certified product and a linkage, so the 2026 report has something to place or not).
    await ok(BAC_KAN, REGISTER_SUBJECT, {
      id: 'htx-con-minh',
      name: 'HTX Côn Minh',
      kind: 'COOPERATIVE',
      districtCode: '066',
      communeCode: '02173',
      registeredOn: '2024-03-01',
    });
    await ok(BAC_KAN, REGISTER_SUBJECT, {
      id: 'htx-cu',
      name: 'HTX Cũ',
      kind: 'COOPERATIVE',
      districtCode: '066',
      registeredOn: '2024-03-01',
    });
    await ok(BAC_KAN, REGISTER_PRODUCT, {
      id: 'mien-cu',
      subjectId: 'htx-cu',
      name: 'Miến cũ',
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2024-03-15',
    });
    await ok(BAC_KAN, AWARD_STARS, {
      productId: 'mien-cu',
      level: 'DISTRICT',
      score: 62,
      decisionNo: '2150/QĐ-UBND',
      decidedOn: '2024-10-15',
    });
    await ok(BAC_KAN, RECORD_LINKAGE, {
      subjectId: 'htx-cu',
      partnerName: 'Siêu thị',
      kind: 'CONSUMPTION',
      startedOn: '2024-05-01',
    });
  });
  afterAll(() => server.close());

  it("should accept a commune officer's 2026 registration in its commune 02155", async () => {
    const response = await ok(COMMUNE_02155, REGISTER_SUBJECT, {
      id: 'htx-xa-na-ri',
      name: 'HTX Nông sản Xã Na Rì',
      kind: 'COOPERATIVE',
      communeCode: '02155',
      registeredOn: '2026-11-01',
    });
    expect(response.data).toMatchObject({ registerSubject: { id: 'htx-xa-na-ri', district: null } });
    const { data } = await server.gqlAs(COMMUNE_02155, SUBJECT, { id: 'htx-xa-na-ri' });
    expect(data).toEqual({
      subject: {
        id: 'htx-xa-na-ri',
        district: null,
        commune: { code: '02155', name: 'Xã Na Rì', level: 'COMMUNE' },
        province: { code: '19', name: 'Thái Nguyên', level: 'PROVINCE' },
      },
    });
  });

  it('should refuse a 2026 registration by district with BAD_USER_INPUT saying to give the commune', async () => {
    const errors = await refused(THAI_NGUYEN, REGISTER_SUBJECT, {
      name: 'HTX Huyện cũ',
      kind: 'COOPERATIVE',
      districtCode: '066',
      registeredOn: '2026-11-01',
    });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]!.message).toMatch(/give the commune or ward \(communeCode\)/);
  });

  it.each([
    ['an unknown commune', '99999', '2026-11-01'],
    ['an old commune code dated after 2025-06-30', '02173', '2026-11-01'],
    ['a commune of today outside the district, dated before 2025-07-01', '01843', '2024-05-01'],
  ])('should refuse %s with BAD_USER_INPUT and append nothing', async (_what, communeCode, registeredOn) => {
    const input = {
      name: 'HTX Mã sai',
      kind: 'COOPERATIVE',
      communeCode,
      registeredOn,
      ...(registeredOn < '2025' ? { districtCode: '066' } : {}),
    };
    const errors = await refused(registeredOn < '2025' ? BAC_KAN : THAI_NGUYEN, REGISTER_SUBJECT, input);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('should answer an old Na Rì subject of old commune 02173 as commune 02185 of province 19 today', async () => {
    const { data } = await server.gqlAs(THAI_NGUYEN, SUBJECT, { id: 'htx-con-minh' });
    expect(data).toEqual({
      subject: {
        id: 'htx-con-minh',
        district: { code: '066', name: 'Na Rì', level: 'DISTRICT' },
        commune: { code: '02185', name: 'Xã Côn Minh', level: 'COMMUNE' },
        province: { code: '19', name: 'Thái Nguyên', level: 'PROVINCE' },
      },
    });
  });

  it('should place a subject in a commune with recordSubjectCommune, the date picking the code list', async () => {
    const RECORD = `mutation($input: RecordSubjectCommuneInput!) { recordSubjectCommune(input: $input) { id commune { code } } }`;
    const before = await server.gqlAs(THAI_NGUYEN, RECORD, {
      input: { subjectId: 'htx-cu', communeCode: '02173', on: '2026-01-10' },
    });
    expect(before.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const other = await server.gqlAs(LANG_SON, RECORD, {
      input: { subjectId: 'htx-con-minh', communeCode: '02185', on: '2026-01-10' },
    });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('should register a product in the commune and let the province recognise 3★ in 2026', async () => {
    await ok(COMMUNE_02155, REGISTER_PRODUCT, {
      id: 'mien-dong-2026',
      subjectId: 'htx-xa-na-ri',
      name: 'Miến dong Xã Na Rì',
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2026-11-02',
    });
    const award = await ok(THAI_NGUYEN, AWARD_STARS, {
      productId: 'mien-dong-2026',
      level: 'PROVINCE',
      score: 62,
      decisionNo: '45/QĐ-UBND',
      decidedOn: '2026-11-10',
    });
    expect(award.data).toMatchObject({ awardStars: { stars: 3, certificate: { stars: 3, status: 'VALID' } } });
  });

  it("should show a 2026 certificate's public page with its commune and province, and Thái Nguyên's progress page", async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const page = await fetch(`${origin}/c/mien-dong-2026.C1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Xã Na Rì, Thái Nguyên');
    expect((await fetch(`${origin}/progress/19/2026`)).status).toBe(200);
    expect(await (await fetch(`${origin}/progress/06/2026`)).text()).toContain('href="/progress/19/2026"');
  });

  it('should report a 2026 commune plan per commune, with the unplaced subjects and the whole province in total', async () => {
    await ok(THAI_NGUYEN, ADOPT_PLAN, {
      reference: '12/KH-UBND',
      provinceCode: '19',
      year: 2026,
      adoptedOn: '2026-01-15',
      targets: [target('02155', 1), target('02185', 2)],
    });
    const { data, errors } = await server.gqlAs<Report>(THAI_NGUYEN, REPORT(ANNEX_1), {
      year: 2026,
      provinceCode: '19',
    });
    expect(errors).toBeUndefined();
    const report = data!.districtTargets;
    expect(report.level).toBe('COMMUNE');
    expect(report.districts).toHaveLength(92);
    const row = (code: string) => report.districts.find((r) => r.unit.code === code)!;
    expect(row('02155')).toMatchObject({ unit: { name: 'Xã Na Rì' }, newProducts3Star: { target: 1, actual: 1 } });
    expect(row('02185').newProducts3Star).toEqual({ target: 2, actual: 0 });
    expect(report.unplaced).toMatchObject({ unit: { code: '19' } });
    expect(data!.qualityManagement.unplaced).toEqual({ linkageSubjects: { target: 0, actual: 1 } });
    expect(data!.qualityManagement.total.linkageSubjects.actual).toBe(1);
    expect(report.total.newProducts3Star).toEqual({ target: 3, actual: 1 });
  });

  it('should refuse a plan for Bắc Kạn in 2026 with BAD_USER_INPUT naming Thái Nguyên', async () => {
    const errors = await refused(THAI_NGUYEN, ADOPT_PLAN, {
      reference: '1/KH-UBND',
      provinceCode: '06',
      year: 2026,
      adoptedOn: '2026-01-15',
      targets: [target('066', 1)],
    });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]!.message).toMatch(/19 Thái Nguyên/);
  });

  it('should keep the 2024 annexes of Plan 180 by district, with no unplaced row', async () => {
    const { data } = await server.gqlAs<Report>(THAI_NGUYEN, REPORT(ANNEX_1), { year: 2024, provinceCode: '06' });
    expect(data!.districtTargets.districts.map((r) => r.unit.code)).toEqual([
      '058',
      '060',
      '061',
      '062',
      '063',
      '064',
      '065',
      '066',
    ]);
    expect(data!.districtTargets.unplaced).toBeNull();
    expect(data!.districtTargets.total.newProducts3Star).toEqual({ target: 20, actual: 1 });
  });

  it('should list the units of a province on a day for pickers', async () => {
    const units = async (provinceCode: string, on: string) =>
      (
        await server.gqlAs<{ administrativeUnits: { code: string; level: string }[] }>(THAI_NGUYEN, UNITS, {
          provinceCode,
          on,
        })
      ).data?.administrativeUnits;
    expect(await units('19', '2026-01-01')).toHaveLength(92);
    expect((await units('06', '2024-01-01'))?.map((u) => u.level)).toEqual(Array(8).fill('DISTRICT'));
    const gone = await server.gqlAs(THAI_NGUYEN, UNITS, { provinceCode: '06', on: '2026-01-01' });
    expect(gone.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('should register, plan and report in another province the same way (Lạng Sơn, 20)', async () => {
    const commune = (
      await server.gqlAs<{ administrativeUnits: { code: string }[] }>(LANG_SON, UNITS, {
        provinceCode: '20',
        on: '2026-01-01',
      })
    ).data!.administrativeUnits[0]!.code;
    const officer = bearer({ sub: 'can-bo-lang-son', role: 'COMMUNE_OFFICER', unit: commune });
    await ok(officer, REGISTER_SUBJECT, {
      id: 'htx-lang-son',
      name: 'HTX Lạng Sơn',
      kind: 'ENTERPRISE',
      communeCode: commune,
      registeredOn: '2026-03-01',
    });
    await ok(officer, REGISTER_PRODUCT, {
      id: 'hoi-lang-son',
      subjectId: 'htx-lang-son',
      name: 'Hoa hồi',
      group: 'HERBAL',
      registrationKind: 'NEW',
      registeredOn: '2026-03-02',
    });
    await ok(LANG_SON, ADOPT_PLAN, {
      reference: '5/KH-UBND',
      provinceCode: '20',
      year: 2026,
      adoptedOn: '2026-01-20',
      targets: [target('20', 4)],
    });
    const { data } = await server.gqlAs<Report>(LANG_SON, REPORT(ANNEX_1), { year: 2026, provinceCode: '20' });
    expect(data!.districtTargets.level).toBe('PROVINCE');
    expect(data!.districtTargets.districts).toEqual([
      {
        unit: { code: '20', name: 'Lạng Sơn', level: 'PROVINCE' },
        newProducts3Star: { target: 4, actual: 0 },
        newSubjects: { target: 1, actual: 1 },
      },
    ]);
    expect(data!.districtTargets.unplaced).toBeNull();
  });
});
