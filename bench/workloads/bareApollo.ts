import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/** The stack's ceiling: Apollo Server's own HTTP integration and a schema whose one field is a constant. */
async function main(): Promise<void> {
  const server = new ApolloServer({
    typeDefs: 'type Query { ping: String! }',
    resolvers: { Query: { ping: () => 'pong' } },
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  console.log(`bare Apollo on ${url}graphql`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
