import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The stack's ceiling: Apollo Server's own HTTP integration over a schema whose fields answer
 * constants. `ping` is one field; `districtTargets` and `products` have the shapes the service's
 * answers have and return a copy of them (captured from the service in the same run, passed as a
 * JSON file), so GraphQL executes and serialises the same response with nothing behind it.
 */
const TYPE_DEFS = `
  type Unit { code: String! name: String! }
  type Indicator { target: Int! actual: Int! }
  type Row { unit: Unit! newProducts3Star: Indicator! consolidatedSubjects: Indicator! newSubjects: Indicator! }
  type Report { year: Int! planReference: String statusDay: String! districts: [Row!]! total: Row! }
  type PageInfo { endCursor: String hasNextPage: Boolean! }
  type District { name: String! }
  type Product { id: ID! name: String! group: String! registeredOn: String! stars: Int district: District! }
  type ProductPage { totalCount: Int! pageInfo: PageInfo! nodes: [Product!]! }
  input ProductFilter { districtCode: String }
  type Query {
    ping: String!
    districtTargets(year: Int!, provinceCode: String): Report
    products(first: Int, filter: ProductFilter): ProductPage
  }
`;

async function main(): Promise<void> {
  const constantsFile = process.argv[2];
  const constants = constantsFile
    ? (JSON.parse(readFileSync(constantsFile, 'utf8')) as { districtTargets?: unknown; products?: unknown })
    : {};
  const server = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        ping: () => 'pong',
        districtTargets: () => constants.districtTargets,
        products: () => constants.products,
      },
    },
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  console.log(`bare Apollo on ${url}graphql`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
