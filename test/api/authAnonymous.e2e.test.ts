import { type GraphQLField, getNamedType, isLeafType } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { rulesOf } from '../../src/graphql/fieldRules';
import { createSchema } from '../../src/graphql/schema';
import { wsClient, wsOnce } from '../support/graphqlWs';
import { type TestServer, bearer, startTestServer } from '../support/testServer';
import {
  AWARD_STARS,
  DISTRICT_TARGETS,
  QUALITY_MANAGEMENT,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';

/** What an anonymous caller is refused, over HTTP and over graphql-ws alike. */
const ANONYMOUS_REFUSALS: [string, string, Record<string, unknown>][] = [
  ['a list', '{ products { nodes { id } } }', {}],
  ['a subject', '{ subject(id: "htx-na-ri") { name } }', {}],
  ['a public root asked as of the past', '{ product(id: "mien-dong", asOf: "2024-12-01T00:00:00Z") { name } }', {}],
  ['a private type below a public root', '{ product(id: "mien-dong") { subject { linkages { partnerName } } } }', {}],
  ['a private field hidden in a fragment', '{ ...Q } fragment Q on Query { subjects { totalCount } }', {}],
  [
    'public and private roots together',
    '{ plan(year: 2024, provinceCode: "06") { year } certificates { totalCount } }',
    {},
  ],
  ['a history argument given through a variable', DISTRICT_TARGETS, { year: 2024, asOf: '2024-12-01T00:00:00Z' }],
  [
    'an instant given through a variable',
    'query($a: DateTime) { product(id: "mien-dong", asOf: $a) { name } }',
    { a: '2024-12-01T00:00:00Z' },
  ],
  [
    'a position given through a variable',
    'query($p: String) { certificate(id: "mien-dong.C1", atPosition: $p) { status } }',
    { p: '1:1' },
  ],
];

/** A valid document selecting only `field`, its required arguments as variables the request leaves unset. */
function documentFor(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);
  const variables = required.map((a, i) => `$v${i}: ${a.type.toString()}`).join(', ');
  const args = required.map((a, i) => `${a.name}: $v${i}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `query${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('Anonymous callers', () => {
  let server: TestServer;
  const anonymous = (query: string, variables?: Record<string, unknown>) => server.gqlAs(null, query, variables);
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const response = await anonymous(query, variables);
    expect(response.data ?? null).toBeNull();
    return [response.status, response.errors?.map((e) => e.extensions?.code)];
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    await server.gql(AWARD_STARS, { input: awardInput() });
  });
  afterAll(() => server.close());

  it('should look up a product and a certificate by its number, with its status today', async () => {
    const response = await anonymous(
      '{ product(id: "mien-dong") { name stars subject { name district { name } } } certificate(id: "mien-dong.C1") { status stars expiresOn product { name } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      product: {
        name: 'Miến dong Na Rì',
        stars: 3,
        subject: { name: 'HTX Miến dong Na Rì', district: { name: 'Na Rì' } },
      },
      certificate: { status: 'VALID', stars: 3, expiresOn: '2027-10-15', product: { name: 'Miến dong Na Rì' } },
    });
  });

  it('should read the plan and both reports, through the shared documents too (their $asOf unset)', async () => {
    const plan = await anonymous(
      '{ plan(year: 2024, provinceCode: "06") { reference targets { unit { code } newProducts3Star } } }',
    );
    expect(plan.errors).toBeUndefined();
    for (const document of [DISTRICT_TARGETS, QUALITY_MANAGEMENT]) {
      const report = await anonymous(document, { year: 2024 });
      expect(report.errors).toBeUndefined();
      expect(report.data).toBeTruthy();
    }
  });

  it.each(ANONYMOUS_REFUSALS)(
    'should refuse %s with UNAUTHENTICATED (401) before running it',
    async (_n, query, variables) => {
      expect(await refusal(query, variables)).toEqual([401, ['UNAUTHENTICATED']]);
    },
  );

  it('should refuse every query field not declared public, those added later included', async () => {
    const fields = Object.values((await createSchema()).getQueryType()!.getFields());
    const privateFields = fields.filter((f) => rulesOf(f).access !== 'public');
    expect(privateFields.map((f) => f.name)).toEqual(expect.arrayContaining(['subject', 'subjects', 'products']));
    for (const field of privateFields) {
      expect([field.name, ...(await refusal(documentFor(field)))]).toEqual([field.name, 401, ['UNAUTHENTICATED']]);
      const signedIn = await server.gqlAs(bearer({ sub: 'a-1', role: 'AUDITOR', unit: 'VN' }), documentFor(field));
      expect([field.name, signedIn.errors?.[0]?.extensions?.code]).not.toEqual([field.name, 'UNAUTHENTICATED']);
    }
  });

  it('should let auditors and analysts read what anonymous callers may not', async () => {
    for (const role of ['AUDITOR', 'ANALYST'] as const) {
      const response = await server.gqlAs(
        bearer({ sub: `${role}-1`, role, unit: 'VN' }),
        '{ subjects { nodes { id linkages { id } } } product(id: "mien-dong", asOf: "2024-12-25T00:00:00Z") { name } }',
      );
      expect(response.errors).toBeUndefined();
    }
  });

  describe('over graphql-ws', () => {
    const connect = (authorization?: string) => wsClient(server.url, authorization);
    const once = wsOnce;

    it.each(ANONYMOUS_REFUSALS)('should refuse %s with UNAUTHENTICATED', async (_n, query, variables) => {
      const client = connect();
      const response = await once(client, query, variables);
      await client.dispose();
      expect([response.data ?? null, response.errors?.map((e) => e.extensions?.code)]).toEqual([
        null,
        ['UNAUTHENTICATED'],
      ]);
    });

    it('should refuse every query field not declared public', async () => {
      const fields = Object.values((await createSchema()).getQueryType()!.getFields());
      const client = connect();
      for (const field of fields.filter((f) => rulesOf(f).access !== 'public')) {
        const response = await once(client, documentFor(field));
        expect([field.name, response.errors?.map((e) => e.extensions?.code)]).toEqual([
          field.name,
          ['UNAUTHENTICATED'],
        ]);
      }
      await client.dispose();
    });

    it('should refuse anonymous private reads and mutations, and run public reads', async () => {
      const client = connect();
      const before = await server.eventCount();
      const read = await once(client, '{ subjects { totalCount } }');
      const write = await once(client, REGISTER_SUBJECT, { input: subjectInput({ id: 'ws-anon' }) });
      const plan = await once(client, '{ plan(year: 2024, provinceCode: "06") { year } }');
      await client.dispose();
      expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(plan).toEqual({ data: { plan: { year: 2024 } } });
      expect(await server.eventCount()).toBe(before);
    });

    it('should act as the official of connectionParams.authorization, and refuse what the role may not do', async () => {
      const client = connect(bearer({ sub: 'ws-officer', role: 'DISTRICT_OFFICER', unit: '066' }));
      const own = await once(client, REGISTER_SUBJECT, { input: subjectInput({ id: 'ws-own' }) });
      const other = await once(client, REGISTER_SUBJECT, {
        input: subjectInput({ id: 'ws-other', districtCode: '061' }),
      });
      await client.dispose();
      expect(own.errors).toBeUndefined();
      expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const [event] = (await server.events()).filter((e) => e.streamId === 'ocop-subject-ws-own');
      expect(event!.metadata['actor']).toEqual({ id: 'ws-officer', role: 'DISTRICT_OFFICER', unit: '066' });
      expect((await server.events()).some((e) => e.streamId === 'ocop-subject-ws-other')).toBe(false);
    });

    it('should close a connection whose token is refused with 4401', async () => {
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        const client = createClient({
          url: server.url.replace('http', 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: 'Bearer not-a-token' },
          retryAttempts: 0,
          lazy: false,
          on: { closed: (event) => resolve(event as { code: number; reason: string }) },
          onNonLazyError: () => undefined,
        });
        void client;
      });
      expect(await closed).toMatchObject({ code: 4401, reason: 'Unauthenticated: The token is malformed' });
    });
  });
});
