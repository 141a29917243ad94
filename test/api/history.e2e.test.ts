import { createHash } from 'node:crypto';
import { headsText } from '../../src/application/headsDigest';
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
import { type TestServer, asDistrictOfficer, startTestServer } from '../support/testServer';

interface EventNode {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}
interface EventsPage {
  events: { nodes: EventNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const EVENTS = `query($after: String, $first: Int, $types: [String!], $streamId: String) {
  events(after: $after, first: $first, types: $types, streamId: $streamId) {
    nodes { position streamId revision type data metadata recordedAt }
    pageInfo { endCursor hasNextPage }
  }
}`;
const ENTRY =
  'position revision type businessDate recordedAt actor { id role unit } decisionNo commandId correlationId prevHash hash';
const CERTIFICATE_AT = `query($atPosition: String, $asOf: DateTime) {
  certificate(id: "mien-dong.C1", atPosition: $atPosition, asOf: $asOf) { status revocation { decisionNo } history { type } }
}`;

describe('History for analysts and auditors over GraphQL', () => {
  let server: TestServer;
  let log: EventNode[];

  const ok = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await server.gql(query, variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const codeOf = async (query: string, variables: Record<string, unknown> = {}) =>
    (await server.gql(query, variables)).errors?.[0]?.extensions?.code;
  const allEvents = async (variables: Record<string, unknown> = {}) => {
    const nodes: EventNode[] = [];
    let after: string | null = null;
    for (;;) {
      const page: EventsPage['events'] = (
        (await ok(EVENTS, { ...variables, after, first: 3 })) as unknown as EventsPage
      ).events;
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  };
  const positionOf = (type: string, streamId: string) => log.find((e) => e.type === type && e.streamId === streamId)!;
  const before = (event: EventNode) => log[log.indexOf(event) - 1]!.position;

  beforeAll(async () => {
    server = await startTestServer();
    await ok(REGISTER_SUBJECT, { input: subjectInput() });
    await ok(REGISTER_PRODUCT, { input: productInput() });
    await ok(AWARD_STARS, { input: awardInput({ commandId: 'award-1' }) });
    await ok(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-ba-be', districtCode: '061', name: 'HTX Ba Bể' }) });
    await ok(REGISTER_PRODUCT, { input: productInput({ id: 'banh-khao', subjectId: 'htx-ba-be', name: 'Bánh khảo' }) });
    await ok(AWARD_STARS, { input: awardInput({ productId: 'banh-khao', decisionNo: 'BB-1' }) });
    // District certificates, revoked before 2025-07-01 by the districts that recognised them.
    await ok(
      REVOKE,
      { input: revokeInput({ certificateId: 'banh-khao.C1', decisionNo: 'R-0', decidedOn: '2024-11-01' }) },
      asDistrictOfficer('061'),
    );
    await ok(
      REVOKE,
      { input: revokeInput({ commandId: 'revoke-1', decisionNo: 'R-1' }) },
      { 'x-correlation-id': 'audit-1', ...asDistrictOfficer('066') },
    );
    log = await allEvents();
  });
  afterAll(() => server.close());

  it('should page through the whole log in order with cursors, as stored', async () => {
    const stored = await server.events();
    expect(log.map((e) => [e.streamId, e.revision, e.type, e.data, e.metadata])).toEqual(
      stored.map((e) => [e.streamId, Number(e.revision), e.type, e.data, e.metadata]),
    );
    expect(new Set(log.map((e) => e.position)).size).toBe(log.length);
  });

  it('should filter the log by type and by stream, from a cursor', async () => {
    const revoked = await allEvents({ types: ['CertificateRevoked'] });
    expect(revoked.map((e) => e.data['certificateId'])).toEqual(['banh-khao.C1', 'mien-dong.C1']);
    const stream = await allEvents({ streamId: 'ocop-product-mien-dong' });
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    const rest = (
      (await ok(EVENTS, { after: stream[1]!.position, streamId: 'ocop-product-mien-dong' })) as unknown as EventsPage
    ).events.nodes;
    expect(rest.map((e) => e.revision)).toEqual([2, 3]);
    expect(await codeOf(EVENTS, { after: 'page-2' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(EVENTS, { first: 0 })).toBe('BAD_USER_INPUT');
  });

  it('should answer atPosition with the earlier state before a change and the later one at it', async () => {
    const revocation = positionOf('CertificateRevoked', 'ocop-product-mien-dong');
    expect(await ok(CERTIFICATE_AT, { atPosition: before(revocation) })).toEqual({
      certificate: {
        status: 'VALID',
        revocation: null,
        history: [{ type: 'ProductEvaluated' }, { type: 'CertificateIssued' }],
      },
    });
    expect(await ok(CERTIFICATE_AT, { atPosition: revocation.position })).toMatchObject({
      certificate: { status: 'REVOKED', revocation: { decisionNo: 'R-1' } },
    });
    const registered = positionOf('ProductRegistered', 'ocop-product-mien-dong');
    const counts = `query($a: String, $b: String) {
      a: products(atPosition: $a) { totalCount } b: products(atPosition: $b) { totalCount }
      report: districtTargets(year: 2024, provinceCode: "06", atPosition: $b) { total { newSubjects { actual } } }
    }`;
    expect(await ok(counts, { a: before(registered), b: registered.position })).toEqual({
      a: { totalCount: 0 },
      b: { totalCount: 1 },
      report: { total: { newSubjects: { actual: 1 } } },
    });
  });

  it('should refuse a malformed position, one past the end, and asOf together with atPosition', async () => {
    expect(await codeOf(CERTIFICATE_AT, { atPosition: 'yesterday' })).toBe('BAD_USER_INPUT');
    const [commit, prepare] = log.at(-1)!.position.split(':').map(BigInt) as [bigint, bigint];
    expect(await codeOf(CERTIFICATE_AT, { atPosition: `${commit + 1000n}:${prepare + 1000n}` })).toBe('BAD_USER_INPUT');
    expect(await codeOf(CERTIFICATE_AT, { atPosition: log[0]!.position, asOf: '2024-12-01T00:00:00Z' })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("should list a certificate's history with dates, actor, decision, command and correlation", async () => {
    const data = await ok(`{ certificate(id: "mien-dong.C1") { history { ${ENTRY} } } }`);
    const history = (data['certificate'] as { history: Record<string, unknown>[] }).history;
    expect(history.map((e) => [e['type'], e['businessDate'], e['decisionNo']])).toEqual([
      ['ProductEvaluated', '2024-10-15', '2150/QĐ-UBND'],
      ['CertificateIssued', '2024-10-15', '2150/QĐ-UBND'],
      ['CertificateRevoked', '2024-12-01', 'R-1'],
    ]);
    expect(history[2]).toMatchObject({
      actor: { id: 'district-officer-066', role: 'DISTRICT_OFFICER', unit: '066' },
      commandId: 'revoke-1',
      correlationId: 'audit-1',
    });
    expect(history[0]!['commandId']).toBe('award-1');
    expect(history[1]!['prevHash']).toBe(history[0]!['hash']);
  });

  it('should list every event of a stream in its audit trail, and answer NOT_FOUND for an unknown stream', async () => {
    const data = await ok(`{ auditTrail(streamId: "ocop-subject-htx-ba-be") { ${ENTRY} } }`);
    const trail = data['auditTrail'] as Record<string, unknown>[];
    expect(trail.map((e) => [e['revision'], e['type'], e['businessDate']])).toEqual([
      [0, 'SubjectRegistered', '2024-03-01'],
    ]);
    expect(await codeOf('{ auditTrail(streamId: "ocop-subject-nobody") { type } }')).toBe('NOT_FOUND');
  });

  it('should report revocations decided in a period, by district, with who recorded them', async () => {
    const query = `query($from: Date!, $to: Date!, $district: String) {
      revocations(from: $from, to: $to, districtCode: $district) {
        certificateId productName district { code } reason decisionNo decidedOn certificate { status }
        recorded { actor { id } commandId }
      }
    }`;
    const all = (await ok(query, { from: '2024-01-01', to: '2024-12-31' }))['revocations'] as Record<string, unknown>[];
    expect(all.map((r) => [r['certificateId'], r['decidedOn'], (r['district'] as { code: string }).code])).toEqual([
      ['banh-khao.C1', '2024-11-01', '061'],
      ['mien-dong.C1', '2024-12-01', '066'],
    ]);
    expect(all[1]).toMatchObject({
      certificate: { status: 'REVOKED' },
      recorded: { actor: { id: 'district-officer-066' }, commandId: 'revoke-1' },
    });
    const naRi = await ok(query, { from: '2024-01-01', to: '2024-12-31', district: '066' });
    expect((naRi['revocations'] as unknown[]).length).toBe(1);
    const november = await ok(query, { from: '2024-11-01', to: '2024-11-30' });
    expect((november['revocations'] as { certificateId: string }[]).map((r) => r.certificateId)).toEqual([
      'banh-khao.C1',
    ]);
    expect(await codeOf(query, { from: '2024-12-31', to: '2024-01-01' })).toBe('BAD_USER_INPUT');
  });

  it('should verify a stream as intact, with its head', async () => {
    const data = await ok(`{ verifyAuditTrail(streamId: "ocop-product-mien-dong") {
      streamId intact events headRevision headHash firstBreak { revision } breaks gaps { from to } } }`);
    const head = log.filter((e) => e.streamId === 'ocop-product-mien-dong').at(-1)!;
    expect(data['verifyAuditTrail']).toEqual({
      streamId: 'ocop-product-mien-dong',
      intact: true,
      events: 4,
      headRevision: 3,
      headHash: head.metadata['hash'],
      firstBreak: null,
      breaks: 0,
      gaps: [],
    });
  });

  it("should give the digest of every stream's head, for the whole log and up to a position", async () => {
    const query = `query($at: String) { auditDigest(atPosition: $at) { digest streams events position } }`;
    const heads = new Map<string, { streamId: string; revision: bigint; hash: string }>();
    for (const e of log)
      heads.set(e.streamId, { streamId: e.streamId, revision: BigInt(e.revision), hash: String(e.metadata['hash']) });
    const sorted = [...heads.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
    const expected = createHash('sha256').update(headsText(sorted)).digest('hex');
    expect((await ok(query))['auditDigest']).toEqual({
      digest: expected,
      streams: heads.size,
      events: log.length,
      position: log.at(-1)!.position,
    });
    const earlier = (await ok(query, { at: log[2]!.position }))['auditDigest'] as { digest: string; events: number };
    expect(earlier.events).toBe(3);
    expect(earlier.digest).not.toBe(expected);
  });
});
