import type { TokenClaims } from '../../src/http/auth/tokens';
import { type Actors, type MatrixRow, checkCase, runMatrix } from '../support/authMatrix';
import { type TestServer, bearer, startTestServer } from '../support/testServer';
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
  RECORD_SUBJECT_COMMUNE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';

/**
 * Every mutation × every role × a token whose unit covers the target (own) or does not (other), plus
 * an anonymous caller, over real HTTP. Every target lies in Na Rì (066), province Bắc Kạn (06); the
 * "other" units are a neighbouring district (064), another province (20: not 19, which as Bắc Kạn's
 * successor completes its records), and, for the roles that act nationwide, a unit that is not the
 * country. Every date is before 2025-07-01, when no commune officer acted yet.
 */
const ACTORS: Record<string, Omit<TokenClaims, 'sub'> | null> = {
  'COMMUNE_OFFICER/any': { role: 'COMMUNE_OFFICER', unit: '02185' },
  'DISTRICT_OFFICER/own': { role: 'DISTRICT_OFFICER', unit: '066' },
  'DISTRICT_OFFICER/other': { role: 'DISTRICT_OFFICER', unit: '064' },
  'PROVINCIAL_OFFICER/own': { role: 'PROVINCIAL_OFFICER', unit: '06' },
  'PROVINCIAL_OFFICER/other': { role: 'PROVINCIAL_OFFICER', unit: '20' },
  'NATIONAL_COUNCIL/own': { role: 'NATIONAL_COUNCIL', unit: 'VN' },
  'NATIONAL_COUNCIL/other': { role: 'NATIONAL_COUNCIL', unit: '19' },
  'AUDITOR/own': { role: 'AUDITOR', unit: 'VN' },
  'AUDITOR/other': { role: 'AUDITOR', unit: '19' },
  'ANALYST/own': { role: 'ANALYST', unit: 'VN' },
  'ANALYST/other': { role: 'ANALYST', unit: '19' },
  anonymous: null,
};

const OFFICERS_IN_066 = ['DISTRICT_OFFICER/own', 'PROVINCIAL_OFFICER/own'];
const TARGET = {
  districtCode: '066',
  newProducts3Star: 3,
  consolidatedSubjects: 1,
  newSubjects: 1,
  traceabilityProducts: 3,
  linkageSubjects: 4,
  advancedQmProducts: 2,
};

/** Each row: a mutation, an input unique to the case (`tag`), and the actors it must allow. */
const MUTATIONS: { name: string; query: string; input: (tag: string) => object; allowed: string[] }[] = [
  {
    name: 'adoptPlan',
    query: ADOPT_PLAN,
    input: (tag) => ({
      reference: `KH-${tag}`,
      provinceCode: '06',
      year: 2025,
      adoptedOn: '2024-12-01',
      targets: [TARGET],
    }),
    allowed: ['PROVINCIAL_OFFICER/own'],
  },
  {
    name: 'registerSubject',
    query: REGISTER_SUBJECT,
    input: (tag) => subjectInput({ id: `s-${tag}` }),
    allowed: OFFICERS_IN_066,
  },
  {
    name: 'registerProduct',
    query: REGISTER_PRODUCT,
    input: (tag) => productInput({ id: `p-${tag}`, subjectId: 'm-subject' }),
    allowed: OFFICERS_IN_066,
  },
  {
    name: 'recordSubjectCommune',
    query: RECORD_SUBJECT_COMMUNE,
    input: () => ({ subjectId: 'm-subject', communeCode: '02173', on: '2024-05-01' }),
    allowed: OFFICERS_IN_066,
  },
  ...(['DISTRICT', 'PROVINCE', 'NATIONAL'] as const).map((level) => ({
    name: `awardStars (${level})`,
    query: AWARD_STARS,
    input: (tag: string) =>
      awardInput({ productId: `m-${level}`, level, score: 95, decisionNo: `QĐ-${tag}`, decidedOn: '2024-11-01' }),
    allowed: { DISTRICT: OFFICERS_IN_066, PROVINCE: ['PROVINCIAL_OFFICER/own'], NATIONAL: ['NATIONAL_COUNCIL/own'] }[
      level
    ],
  })),
  // Revocation is decided by the level that recognised the certificate (before 2025-07-01 for a
  // district's; the province's from then on is in the unit test, as this server's today is 2024-12-20).
  ...(
    [
      ['DISTRICT', ['DISTRICT_OFFICER/own']],
      ['PROVINCE', ['PROVINCIAL_OFFICER/own']],
      ['NATIONAL', ['NATIONAL_COUNCIL/own']],
    ] as const
  ).map(([level, allowed]) => ({
    name: `revokeCertificate (${level} certificate)`,
    query: REVOKE,
    input: (tag: string) => revokeInput({ certificateId: `m-revoke-${level}.C1`, decisionNo: `TH-${tag}` }),
    allowed: [...allowed],
  })),
  {
    name: 'recordLinkage',
    query: RECORD_LINKAGE,
    input: (tag) => ({
      subjectId: 'm-subject',
      partnerName: `Đối tác ${tag}`,
      kind: 'CONSUMPTION',
      startedOn: '2024-05-01',
    }),
    allowed: OFFICERS_IN_066,
  },
  {
    name: 'recordTraceability',
    query: RECORD_TRACEABILITY,
    input: (tag) => ({ productId: 'm-DISTRICT', system: `trace-${tag}`, enabledOn: '2024-08-01' }),
    allowed: OFFICERS_IN_066,
  },
  {
    name: 'recordQualityCertification',
    query: RECORD_QUALITY,
    input: (tag) => ({
      productId: 'm-DISTRICT',
      standard: 'VIETGAP',
      certificateNo: `VG-${tag}`,
      issuedOn: '2024-06-01',
    }),
    allowed: OFFICERS_IN_066,
  },
  {
    name: 'recordSupport',
    query: RECORD_SUPPORT,
    input: (tag) => ({
      subjectId: 'm-subject',
      programme: 'CONSOLIDATION',
      providedOn: '2024-06-01',
      description: tag,
    }),
    allowed: OFFICERS_IN_066,
  },
];

const CASES = MUTATIONS.flatMap((mutation) =>
  Object.keys(ACTORS).map((actor) => {
    const expected = mutation.allowed.includes(actor)
      ? 'allow'
      : actor === 'anonymous'
        ? 'UNAUTHENTICATED'
        : 'FORBIDDEN';
    return { mutation, actor, expected };
  }),
);

describe('The authorization matrix: every mutation × every role × own/other jurisdiction', () => {
  let server: TestServer;
  const outcomes: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const ok = async (query: string, input: object) =>
      expect((await server.gql(query, { input })).errors).toBeUndefined();
    await ok(REGISTER_SUBJECT, subjectInput({ id: 'm-subject' }));
    for (const id of ['m-DISTRICT', 'm-PROVINCE', 'm-NATIONAL']) {
      await ok(REGISTER_PRODUCT, productInput({ id, subjectId: 'm-subject' }));
      await ok(REGISTER_PRODUCT, productInput({ id: `m-revoke-${id.slice(2)}`, subjectId: 'm-subject' }));
    }
    const recognised = { DISTRICT: 62, PROVINCE: 75, NATIONAL: 95 };
    for (const [level, score] of Object.entries(recognised)) {
      const input = awardInput({ productId: `m-revoke-${level}`, level, score, decidedOn: '2024-10-15' });
      const as = level === 'NATIONAL' ? ({ role: 'NATIONAL_COUNCIL', unit: 'VN', sub: 'council' } as const) : null;
      const response = as
        ? await server.gqlAs(bearer(as), AWARD_STARS, { input })
        : await server.gql(AWARD_STARS, { input });
      expect(response.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await server.close();
    console.log(
      `Authorization matrix: ${outcomes.length} cases, ${outcomes.filter((o) => o === 'allow').length} allowed`,
    );
  });

  it.each(CASES.map((c) => [c.mutation.name, c.actor, c.expected, c] as const))(
    '%s as %s: %s',
    async (_name, actor, expected, { mutation }) => {
      await checkCase(server, ACTORS[actor]!, actor, expected, mutation);
      outcomes.push(expected);
    },
  );
});

/**
 * From 2025-07-01, on a server whose today is in November 2026: every target lies in Xã Na Rì (02155),
 * province Thái Nguyên (19). Districts and Bắc Kạn's office no longer act; the commune officer of
 * 02155 and Thái Nguyên's office do; another commune, another province and the national roles do not.
 */
const ACTORS_2026: Actors = {
  'COMMUNE_OFFICER/own': { role: 'COMMUNE_OFFICER', unit: '02155' },
  'COMMUNE_OFFICER/other': { role: 'COMMUNE_OFFICER', unit: '02185' },
  'DISTRICT_OFFICER/former': { role: 'DISTRICT_OFFICER', unit: '066' },
  'PROVINCIAL_OFFICER/own': { role: 'PROVINCIAL_OFFICER', unit: '19' },
  'PROVINCIAL_OFFICER/former': { role: 'PROVINCIAL_OFFICER', unit: '06' },
  'PROVINCIAL_OFFICER/other': { role: 'PROVINCIAL_OFFICER', unit: '20' },
  'NATIONAL_COUNCIL/own': { role: 'NATIONAL_COUNCIL', unit: 'VN' },
  'AUDITOR/own': { role: 'AUDITOR', unit: 'VN' },
  'ANALYST/own': { role: 'ANALYST', unit: 'VN' },
  anonymous: null,
};
const LOCAL_2026 = ['COMMUNE_OFFICER/own', 'PROVINCIAL_OFFICER/own'];
const PROPOSE_PRODUCT = `mutation($input: ProposeProductInput!) { proposeProduct(input: $input) { id status } }`;
const RETURN_PROPOSAL = `mutation($input: ReturnProposalInput!) { returnProposal(input: $input) { id status } }`;
const in02155 = { communeCode: '02155', districtCode: undefined };
const MUTATIONS_2026: MatrixRow[] = [
  {
    name: 'adoptPlan',
    query: ADOPT_PLAN,
    input: (tag) => ({
      reference: `KH-${tag}`,
      provinceCode: '19',
      year: 2026,
      adoptedOn: '2026-01-15',
      targets: [{ ...TARGET, districtCode: undefined, unitCode: '02155' }],
    }),
    allowed: ['PROVINCIAL_OFFICER/own'],
  },
  {
    name: 'registerSubject',
    query: REGISTER_SUBJECT,
    input: (tag) => subjectInput({ id: `s-${tag}`, ...in02155, registeredOn: '2026-11-01' }),
    allowed: LOCAL_2026,
  },
  {
    name: 'recordSubjectCommune',
    query: RECORD_SUBJECT_COMMUNE,
    input: () => ({ subjectId: 'n-subject', communeCode: '02155', on: '2026-11-05' }),
    allowed: LOCAL_2026,
  },
  {
    name: 'registerProduct',
    query: REGISTER_PRODUCT,
    input: (tag) => productInput({ id: `p-${tag}`, subjectId: 'n-subject', registeredOn: '2026-11-02' }),
    allowed: LOCAL_2026,
  },
  ...(['PROVINCE', 'NATIONAL'] as const).map((level) => ({
    name: `awardStars (${level})`,
    query: AWARD_STARS,
    input: (tag: string) =>
      awardInput({ productId: `n-${level}`, level, score: 95, decisionNo: `QĐ-${tag}`, decidedOn: '2026-11-10' }),
    allowed: { PROVINCE: ['PROVINCIAL_OFFICER/own'], NATIONAL: ['NATIONAL_COUNCIL/own'] }[level],
  })),
  {
    name: 'revokeCertificate',
    query: REVOKE,
    input: (tag) => revokeInput({ certificateId: 'n-revoke.C1', decisionNo: `TH-${tag}`, decidedOn: '2026-11-15' }),
    allowed: ['PROVINCIAL_OFFICER/own'],
  },
  {
    name: 'proposeProduct',
    query: PROPOSE_PRODUCT,
    // One proposal of a product waits at a time: the commune's own case proposes a product of its own.
    input: (tag) => ({
      productId: tag.endsWith('COMMUNE_OFFICER-own') ? 'n-propose-commune' : 'n-propose',
      decisionNo: `TTr-${tag}`,
      proposedOn: '2026-11-12',
    }),
    allowed: LOCAL_2026,
  },
  {
    name: 'returnProposal',
    query: RETURN_PROPOSAL,
    input: (tag) => ({ proposalId: 'n-return.P1', reason: `Thiếu hồ sơ ${tag}`, returnedOn: '2026-11-13' }),
    allowed: ['PROVINCIAL_OFFICER/own'],
  },
  {
    name: 'recordLinkage',
    query: RECORD_LINKAGE,
    input: (tag) => ({
      subjectId: 'n-subject',
      partnerName: `Đối tác ${tag}`,
      kind: 'CONSUMPTION',
      startedOn: '2026-11-05',
    }),
    allowed: LOCAL_2026,
  },
  {
    name: 'recordTraceability',
    query: RECORD_TRACEABILITY,
    input: (tag) => ({ productId: 'n-PROVINCE', system: `trace-${tag}`, enabledOn: '2026-11-05' }),
    allowed: LOCAL_2026,
  },
  {
    name: 'recordQualityCertification',
    query: RECORD_QUALITY,
    input: (tag) => ({
      productId: 'n-PROVINCE',
      standard: 'VIETGAP',
      certificateNo: `VG-${tag}`,
      issuedOn: '2026-11-05',
    }),
    allowed: LOCAL_2026,
  },
  {
    name: 'recordSupport',
    query: RECORD_SUPPORT,
    input: (tag) => ({
      subjectId: 'n-subject',
      programme: 'CONSOLIDATION',
      providedOn: '2026-11-05',
      description: tag,
    }),
    allowed: LOCAL_2026,
  },
];

describe('The authorization matrix from 2025-07-01: every mutation × every role, by decision date', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-11-20T02:00:00Z' });
    const thaiNguyen = bearer({ sub: 'so-nn-19', role: 'PROVINCIAL_OFFICER', unit: '19' });
    const ok = async (query: string, input: object) =>
      expect((await server.gqlAs(thaiNguyen, query, { input })).errors).toBeUndefined();
    await ok(REGISTER_SUBJECT, subjectInput({ id: 'n-subject', ...in02155, registeredOn: '2026-11-01' }));
    for (const id of ['n-PROVINCE', 'n-NATIONAL', 'n-revoke', 'n-propose', 'n-propose-commune', 'n-return']) {
      await ok(REGISTER_PRODUCT, productInput({ id, subjectId: 'n-subject', registeredOn: '2026-11-02' }));
    }
    await ok(AWARD_STARS, awardInput({ productId: 'n-revoke', level: 'PROVINCE', score: 75, decidedOn: '2026-11-10' }));
    await ok(PROPOSE_PRODUCT, { productId: 'n-return', decisionNo: 'TTr-1', proposedOn: '2026-11-11' });
  });
  afterAll(() => server.close());

  runMatrix(() => server, ACTORS_2026, MUTATIONS_2026);
});
