import type { TokenClaims } from '../../src/graphql/auth/tokens';
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
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';

/**
 * Every mutation × every role × a token whose unit covers the target (own) or does not (other), plus
 * an anonymous caller, over real HTTP. Every target lies in Na Rì (066), province Bắc Kạn (06); the
 * "other" units are a neighbouring district (064), another province (19), and, for the roles that
 * act nationwide, a unit that is not the country.
 */
const ACTORS: Record<string, Omit<TokenClaims, 'sub'> | null> = {
  'DISTRICT_OFFICER/own': { role: 'DISTRICT_OFFICER', unit: '066' },
  'DISTRICT_OFFICER/other': { role: 'DISTRICT_OFFICER', unit: '064' },
  'PROVINCIAL_OFFICER/own': { role: 'PROVINCIAL_OFFICER', unit: '06' },
  'PROVINCIAL_OFFICER/other': { role: 'PROVINCIAL_OFFICER', unit: '19' },
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
  ...(['DISTRICT', 'PROVINCE', 'NATIONAL'] as const).map((level) => ({
    name: `awardStars (${level})`,
    query: AWARD_STARS,
    input: (tag: string) =>
      awardInput({ productId: `m-${level}`, level, score: 95, decisionNo: `QĐ-${tag}`, decidedOn: '2024-11-01' }),
    allowed: { DISTRICT: OFFICERS_IN_066, PROVINCE: ['PROVINCIAL_OFFICER/own'], NATIONAL: ['NATIONAL_COUNCIL/own'] }[
      level
    ],
  })),
  {
    name: 'revokeCertificate',
    query: REVOKE,
    input: (tag) => revokeInput({ certificateId: 'm-revoke.C1', decisionNo: `TH-${tag}` }),
    allowed: ['PROVINCIAL_OFFICER/own'],
  },
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
    for (const id of ['m-DISTRICT', 'm-PROVINCE', 'm-NATIONAL', 'm-revoke']) {
      await ok(REGISTER_PRODUCT, productInput({ id, subjectId: 'm-subject' }));
    }
    await ok(AWARD_STARS, awardInput({ productId: 'm-revoke', decidedOn: '2024-10-15' }));
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
      const claims = ACTORS[actor]!;
      const tag = `${mutation.name.replace(/\W+/g, '-')}-${actor.replace('/', '-')}`;
      const before = await server.eventCount();
      const response = await server.gqlAs(claims && bearer({ ...claims, sub: `u-${tag}` }), mutation.query, {
        input: mutation.input(tag),
      });
      const events = await server.events();
      if (expected === 'allow') {
        expect(response.errors).toBeUndefined();
        const appended = events.slice(before);
        expect(appended.length).toBeGreaterThan(0);
        for (const event of appended) expect(event.metadata['actor']).toEqual({ id: `u-${tag}`, ...claims });
      } else {
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
        expect(response.data ?? null).toBeNull();
        expect(events).toHaveLength(before);
      }
      outcomes.push(expected);
    },
  );
});
