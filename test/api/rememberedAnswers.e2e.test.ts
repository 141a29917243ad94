import {
  ADOPT_PLAN,
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
import { type TestServer, bearer, startTestServer, asDistrictOfficer } from '../support/testServer';

/** Every piece of state a mutation kind changes, in one question. */
const EVERYTHING = `query($year: Int!) {
  subject(id: "htx-na-ri") { id linkages { id partnerName } supports { id programme } }
  product(id: "mien-dong") { id stars traceability { system } qualityCertifications { certificateNo } }
  certificate(id: "mien-dong.C1") { id status }
  plan(year: 2025, provinceCode: "06") { reference revisions }
  products(first: 100) { totalCount }
  districtTargets(year: $year, provinceCode: "06") { total { newProducts3Star { actual } newSubjects { actual } } }
}`;
/** The same question written differently: another key, so always executed afresh. */
const EVERYTHING_AFRESH = `${EVERYTHING}\n# asked afresh`;

const PLAN_TARGET = {
  districtCode: '066',
  newProducts3Star: 3,
  consolidatedSubjects: 1,
  newSubjects: 1,
  traceabilityProducts: 3,
  linkageSubjects: 4,
  advancedQmProducts: 2,
};
const ANALYST = bearer({ sub: 'analyst-1', role: 'ANALYST', unit: 'VN' });
const AUDITOR = bearer({ sub: 'auditor-1', role: 'AUDITOR', unit: '06' });
const REPORT =
  '{ districtTargets(year: 2024, provinceCode: "06") { statusDay total { newProducts3Star { target actual } } } }';

describe('Answers remembered by log position', () => {
  let server: TestServer;
  let hits = 0;
  let misses = 0;
  const counted = async <T>(ask: () => Promise<T>) => {
    const [h, m] = [hits, misses];
    const answer = await ask();
    return { answer, hits: hits - h, misses: misses - m };
  };

  beforeAll(async () => {
    server = await startTestServer({
      server: { answers: { maxBytes: 8 << 20, onLookup: (outcome) => void (outcome === 'hit' ? hits++ : misses++) } },
    });
  });
  afterAll(() => server.close());

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true', ...headers },
    });

  it('should answer a repeated question from memory with the same bytes', async () => {
    const first = await counted(() => server.gqlAs(null, REPORT));
    const second = await counted(() => server.gqlAs(null, REPORT));
    expect(first).toMatchObject({ hits: 0, misses: 1 });
    expect(second).toMatchObject({ hits: 1, misses: 0 });
    expect(second.answer).toEqual(first.answer);
  });

  it('should never serve an anonymous answer to an official, nor the reverse', async () => {
    await server.gqlAs(null, REPORT);
    const analyst = await counted(() => server.gqlAs(ANALYST, REPORT));
    expect(analyst).toMatchObject({ hits: 0, misses: 1 });
    // Every signed-in role reads everything: they share one read scope.
    expect(await counted(() => server.gqlAs(AUDITOR, REPORT))).toMatchObject({ hits: 1 });

    const officialsOnly = '{ subjects(first: 5) { totalCount } }';
    expect((await server.gqlAs(ANALYST, officialsOnly)).data).toEqual({ subjects: { totalCount: 0 } });
    expect((await server.gqlAs(ANALYST, officialsOnly)).data).toEqual({ subjects: { totalCount: 0 } });
    const anonymous = await counted(() => server.gqlAs(null, officialsOnly));
    expect(anonymous.hits).toBe(0);
    expect(anonymous.answer.status).toBe(401);
    expect(anonymous.answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should authenticate before looking anything up', async () => {
    await server.gqlAs(null, REPORT);
    const forged = await server.gqlAs('Bearer not.a.token', REPORT);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should never remember an answer with errors, or a page of the log', async () => {
    const refused = '{ subjects(first: 1) { totalCount } }';
    await server.gqlAs(null, refused);
    expect(await counted(() => server.gqlAs(null, refused))).toMatchObject({ hits: 0 });
    const page = '{ events(first: 1) { nodes { position } } }';
    await server.gqlAs(ANALYST, page);
    expect(await counted(() => server.gqlAs(ANALYST, page))).toMatchObject({ hits: 0 });
  });

  it('should show every kind of change to the next question (read-your-writes, nothing stale)', async () => {
    const changes: [string, string, object, Record<string, string>?][] = [
      ['registerSubject', REGISTER_SUBJECT, subjectInput()],
      ['registerProduct', REGISTER_PRODUCT, productInput()],
      [
        'recordLinkage',
        RECORD_LINKAGE,
        { subjectId: 'htx-na-ri', partnerName: 'Siêu thị', kind: 'CONSUMPTION', startedOn: '2024-05-01' },
      ],
      [
        'recordSupport',
        RECORD_SUPPORT,
        { subjectId: 'htx-na-ri', programme: 'CONSOLIDATION', providedOn: '2024-06-01', description: 'Bao bì' },
      ],
      [
        'recordTraceability',
        RECORD_TRACEABILITY,
        { productId: 'mien-dong', system: 'check.vn', enabledOn: '2024-07-01' },
      ],
      [
        'recordQualityCertification',
        RECORD_QUALITY,
        {
          productId: 'mien-dong',
          standard: 'VIETGAP',
          certificateNo: 'VG-77',
          issuedOn: '2024-04-01',
          validUntil: '2026-04-01',
        },
      ],
      ['awardStars', AWARD_STARS, awardInput()],
      // A district's certificate, revoked before 2025-07-01 by the district that recognised it.
      ['revokeCertificate', REVOKE, revokeInput(), asDistrictOfficer('066')],
      [
        'adoptPlan',
        ADOPT_PLAN,
        {
          reference: 'KH-2025',
          provinceCode: '06',
          year: 2025,
          adoptedOn: '2024-12-01',
          targets: [PLAN_TARGET],
        },
      ],
    ];
    for (const [name, mutation, input, headers] of changes) {
      const before = await server.gql(EVERYTHING, { year: 2024 });
      expect(await counted(() => server.gql(EVERYTHING, { year: 2024 }))).toMatchObject({ hits: 1 });
      const changed = await server.gql(mutation, { input }, headers);
      expect({ name, errors: changed.errors }).toEqual({ name, errors: undefined });
      const after = await server.gql(EVERYTHING, { year: 2024 });
      const afresh = await server.gql(EVERYTHING_AFRESH, { year: 2024 });
      expect({ name, data: after.data }).not.toEqual({ name, data: before.data });
      expect({ name, data: after.data }).toEqual({ name, data: afresh.data });
    }
  });

  it('should answer public GET reads with an ETag, and 304 when the client has that answer', async () => {
    const first = await get(REPORT);
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toBe('Accept, Authorization');

    const again = await get(REPORT, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('vary')).toBe('Accept, Authorization');
    expect(await again.text()).toBe('');
    expect((await get(REPORT, { 'if-none-match': '"another"' })).status).toBe(200);

    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-moi', name: 'HTX Mới' }) });
    const afterEvent = await get(REPORT, { 'if-none-match': etag! });
    expect(afterEvent.status).toBe(200);
    expect(afterEvent.headers.get('etag')).not.toBe(etag);

    const signedIn = await get(REPORT, { authorization: ANALYST, 'if-none-match': etag! });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('etag')).toBeNull();
  });
});
