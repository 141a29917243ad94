import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { Authenticator } from './auth/authenticate';
import { createCors } from './cors';
import { EXPLORER_ASSETS } from './explorer/bundle';
import { createExplorerRoutes } from './explorer/explorerRoutes';
import type { IntrospectionPolicy } from './introspection';
import { createSchemaRoute } from './schemaRoute';

export interface WebOptions {
  /** Origins whose browser apps may call the API (OCOP_CORS_ORIGINS); none by default. */
  readonly corsOrigins?: readonly string[];
  /** GraphiQL at GET /graphql for browsers, GET / sending them there. */
  readonly explorer: boolean;
  /** Where the explorer's bundled assets are; default dist/explorer, where `npm run build` puts them. */
  readonly explorerAssets?: string;
}

/**
 * What browsers and tools get beside GraphQL itself: CORS, the explorer and the schema file. Returns a
 * handler that answers a request it owns and says so, or leaves it to GraphQL.
 */
export function createWebRoutes(
  options: WebOptions,
  schema: GraphQLSchema,
  introspection: IntrospectionPolicy,
  authenticate: Authenticator,
) {
  const cors = createCors(options.corsOrigins ?? []);
  const explorer = createExplorerRoutes({
    enabled: options.explorer,
    assetsDir: options.explorerAssets ?? EXPLORER_ASSETS,
  });
  const schemaFile = createSchemaRoute(schema, introspection, authenticate);
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> =>
    cors(request, response) || explorer(request, response, url) || (await schemaFile(request, response, url));
}
