import type { TokenClaims } from '../../src/http/auth/tokens';
import { type TestServer, bearer } from './testServer';

export type Actors = Record<string, Omit<TokenClaims, 'sub'> | null>;
export interface MatrixRow {
  name: string;
  query: string;
  input: (tag: string) => object;
  allowed: string[];
}

/**
 * Runs every mutation as every actor on the server `server()` answers with, each with an input unique
 * to the case: an allowed one appends events carrying the actor, a refused one answers
 * UNAUTHENTICATED (anonymous) or FORBIDDEN and appends nothing.
 */
export function runMatrix(server: () => TestServer, actors: Actors, mutations: MatrixRow[]): void {
  const cases = mutations.flatMap((mutation) =>
    Object.keys(actors).map((actor) => {
      const expected = mutation.allowed.includes(actor)
        ? 'allow'
        : actor === 'anonymous'
          ? 'UNAUTHENTICATED'
          : 'FORBIDDEN';
      return [mutation.name, actor, expected, mutation] as const;
    }),
  );
  it.each(cases)('%s as %s: %s', async (_name, actor, expected, mutation) => {
    await checkCase(server(), actors[actor]!, actor, expected, mutation);
  });
}

/**
 * One case of a matrix: `mutation` sent as `actor` either appends events carrying exactly that actor
 * ('allow'), or answers `expected` with no data and appends nothing.
 */
export async function checkCase(
  server: TestServer,
  claims: Omit<TokenClaims, 'sub'> | null,
  actor: string,
  expected: string,
  mutation: MatrixRow,
): Promise<void> {
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
}
