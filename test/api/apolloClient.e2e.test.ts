/**
 * Apollo Client's development build, which warns about cache data loss (its default build is silent).
 * @jest-environment-options {"customExportConditions": ["node", "node-addons", "development"]}
 */
import { ApolloClient, HttpLink, InMemoryCache, type TypedDocumentNode, gql } from '@apollo/client';
import { TYPE_POLICIES } from '../support/apolloCache';
import {
  AWARD_STARS,
  RECORD_SUPPORT,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { DEFAULT_OFFICER, type TestServer, bearer, startTestServer, testClockMs } from '../support/testServer';

type Product = { id: string; name: string; stars: number | null; certificates: { id: string; status: string }[] };
type Target = { id: string; unit: { code: string }; newProducts3Star: number };
type Plan = { id: string; reference: string; revisions: number; targets: Target[] };
type Entry = { id: string; type: string; actor: { id: string; role: string; unit: string } };
type Products = {
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; startCursor: string | null; hasPreviousPage: boolean };
  totalCount: number;
};

const PRODUCT: TypedDocumentNode<{ product: Product | null }, { id: string; asOf?: string }> = gql`
  query Product($id: ID!, $asOf: DateTime) {
    product(id: $id, asOf: $asOf) {
      id
      name
      stars
      certificates {
        id
        status
      }
    }
  }
`;
const PLAN: TypedDocumentNode<{ plan: Plan }, Record<string, never>> = gql`
  query Plan {
    plan(year: 2024, provinceCode: "06") {
      id
      reference
      revisions
      targets {
        id
        unit {
          code
        }
        newProducts3Star
      }
    }
  }
`;
const ADOPT: TypedDocumentNode<{ adoptPlan: Plan }, { input: object }> = gql`
  mutation Adopt($input: AdoptPlanInput!) {
    adoptPlan(input: $input) {
      id
      reference
      revisions
      targets {
        id
        unit {
          code
        }
        newProducts3Star
      }
    }
  }
`;
const TRAIL: TypedDocumentNode<{ auditTrail: Entry[] }, { streamId: string }> = gql`
  query Trail($streamId: String!) {
    auditTrail(streamId: $streamId) {
      id
      type
      actor {
        id
        role
        unit
      }
    }
  }
`;
const PRODUCTS: TypedDocumentNode<{ products: Products }, { after?: string | null }> = gql`
  query Products($after: String) {
    products(first: 2, after: $after) {
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        endCursor
        hasNextPage
        startCursor
        hasPreviousPage
      }
      totalCount
    }
  }
`;

/** Apollo Client 4 with a normalized InMemoryCache, talking to the real server over HTTP. */
describe('Apollo Client with a normalized cache', () => {
  let server: TestServer;
  let client: ApolloClient;
  const warnings: unknown[][] = [];
  let spies: jest.SpyInstance[] = [];
  /** Between the product's registration and its award, in the server's clock. */
  let beforeAward: string;

  beforeAll(async () => {
    server = await startTestServer();
    spies = ['warn', 'error'].map((level) =>
      jest.spyOn(console, level as 'warn' | 'error').mockImplementation((...args) => void warnings.push(args)),
    );
    client = new ApolloClient({
      link: new HttpLink({ uri: server.url, headers: { authorization: bearer(DEFAULT_OFFICER) } }),
      cache: new InMemoryCache({ typePolicies: TYPE_POLICIES }),
    });
  });
  afterAll(async () => {
    spies.forEach((spy) => spy.mockRestore());
    await server.close();
  });

  it('should keep the current view current after a time-travel query', async () => {
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    beforeAward = new Date(testClockMs()).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.gql(AWARD_STARS, { input: awardInput() });

    const now = await client.query({ query: PRODUCT, variables: { id: 'mien-dong' } });
    expect(now.data?.product).toMatchObject({ id: 'mien-dong', stars: 3 });
    const past = await client.query({ query: PRODUCT, variables: { id: 'mien-dong', asOf: beforeAward } });
    expect(past.data?.product).toMatchObject({ stars: null, certificates: [] });
    expect(past.data?.product?.id).not.toBe('mien-dong');

    const cached = client.readQuery({ query: PRODUCT, variables: { id: 'mien-dong' } });
    expect(cached?.product).toMatchObject({ id: 'mien-dong', stars: 3, certificates: [{ status: 'VALID' }] });
  });

  it('should fetch an answer about the past again by the id it carries', async () => {
    const past = await client.query({ query: PRODUCT, variables: { id: 'mien-dong', asOf: beforeAward } });
    const again = await client.query({
      query: PRODUCT,
      variables: { id: past.data!.product!.id },
      fetchPolicy: 'network-only',
    });
    expect(again.data?.product).toEqual(past.data?.product);
  });

  it("should keep both roles of one official in a stream's audit trail", async () => {
    const asDistrict = bearer({ sub: 'can-bo-1', role: 'DISTRICT_OFFICER', unit: '066' });
    const asProvince = bearer({ sub: 'can-bo-1', role: 'PROVINCIAL_OFFICER', unit: '06' });
    await server.gqlAs(asDistrict, REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-hai-vai' }) });
    await server.gqlAs(asProvince, RECORD_SUPPORT, {
      input: {
        subjectId: 'htx-hai-vai',
        programme: 'CONSOLIDATION',
        providedOn: '2024-06-01',
        description: 'Tập huấn',
      },
    });
    const { data } = await client.query({ query: TRAIL, variables: { streamId: 'ocop-subject-htx-hai-vai' } });
    const roles = (trail: { actor: { role: string; unit: string } }[]) =>
      trail.map((e) => [e.actor.role, e.actor.unit]);
    const expected = [
      ['DISTRICT_OFFICER', '066'],
      ['PROVINCIAL_OFFICER', '06'],
    ];
    expect(roles(data!.auditTrail)).toEqual(expected);
    const cached = client.readQuery({ query: TRAIL, variables: { streamId: 'ocop-subject-htx-hai-vai' } });
    expect(roles(cached!.auditTrail)).toEqual(expected);
  });

  it('should show the adopted plan after adoptPlan, without refetching', async () => {
    const before = await client.query({ query: PLAN });
    expect(before.data?.plan).toMatchObject({ reference: '180/KH-UBND', revisions: 0 });
    const targets = before.data!.plan.targets.map((t: { unit: { code: string }; newProducts3Star: number }) => ({
      districtCode: t.unit.code,
      newProducts3Star: t.newProducts3Star + 1,
      consolidatedSubjects: 0,
      newSubjects: 0,
      traceabilityProducts: 0,
      linkageSubjects: 0,
      advancedQmProducts: 0,
    }));
    await client.mutate({
      mutation: ADOPT,
      variables: {
        input: { reference: '180/KH-UBND', provinceCode: '06', year: 2024, adoptedOn: '2024-09-01', targets },
      },
    });
    const after = client.readQuery({ query: PLAN });
    expect(after?.plan.revisions).toBe(1);
    expect(after?.plan.targets[0]?.newProducts3Star).toBe(before.data!.plan.targets[0]!.newProducts3Star + 1);
  });

  it('should page with relayStylePagination and hold every product once, in order', async () => {
    for (const n of [1, 2, 3, 4])
      await server.gql(REGISTER_PRODUCT, { input: productInput({ id: `sp-${n}`, name: `Sản phẩm ${n}` }) });
    const first = await client.query({ query: PRODUCTS });
    let pageInfo = first.data!.products.pageInfo;
    while (pageInfo.hasNextPage) {
      // What fetchMore does: ask the server for the next page, which the field's policy merges in.
      const next = await client.query({
        query: PRODUCTS,
        variables: { after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      pageInfo = next.data!.products.pageInfo;
    }
    // fetchMore-style merging: the field's cached edges are every page's, each product once.
    const merged = client.readQuery({ query: PRODUCTS });
    const ids = merged!.products.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(['mien-dong', 'sp-1', 'sp-2', 'sp-3', 'sp-4']);
    expect(merged!.products.totalCount).toBe(5);
  });

  it('should have logged no cache warning', () => {
    expect(warnings).toEqual([]);
  });
});
