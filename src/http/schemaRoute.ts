import type { IncomingMessage, ServerResponse } from 'node:http';
import { type GraphQLSchema, printSchema } from 'graphql';
import type { Actor } from '../application/metadata';
import { DomainError } from '../core/errors';
import { ErrorCode, httpStatusOf } from '../graphql/errors';
import { type IntrospectionPolicy, mayIntrospect } from './introspection';

/**
 * GET /schema.graphql: the SDL, for code generators and editors, to whoever may introspect. The
 * authorization header is checked as for GraphQL requests.
 */
export function createSchemaRoute(
  schema: GraphQLSchema,
  policy: IntrospectionPolicy,
  authenticate: (authorization: unknown) => Promise<Actor | null>,
) {
  const sdl = `${printSchema(schema)}\n`;
  const refuse = (response: ServerResponse, code: ErrorCode, message: string) =>
    response
      .writeHead(httpStatusOf(code), { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/schema.graphql' || request.method !== 'GET') return false;
    let actor: Actor | null;
    try {
      actor = await authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refuse(response, error.code, error.message);
      return true;
    }
    if (!mayIntrospect(policy, actor)) {
      if (actor) refuse(response, ErrorCode.FORBIDDEN, `The schema is not offered to the ${actor.role} role here`);
      else refuse(response, ErrorCode.UNAUTHENTICATED, 'Sign in with a bearer token to read the schema');
      return true;
    }
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(sdl);
    return true;
  };
}
