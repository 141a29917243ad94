import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type ChildServer, runChildToExit, startChildServer } from '../support/childServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { stackInOutput } from './support/hostileChecks';
import { CLAIMS, REFUSED_ENVIRONMENTS, SPELLINGS } from './support/hostileTokens';
import { intFromEnv, printFigures, seedFromEnv } from './support/random';

/**
 * Forged and respelled bearer tokens against the real server in production mode, over HTTP and
 * graphql-ws: only a token signed as issued, with claims the server accepts, authenticates; every
 * other one is refused (401, or the connection closed with 4401) before anything runs or is
 * appended. And settings `ocop serve` must refuse to start with.
 */
const RUNS = intFromEnv('HOSTILE_TOKEN_RUNS', 60);
const SEED = seedFromEnv('HOSTILE_SEED');
const READ = '{ subjects { totalCount } }';

describe('Hostile tokens', () => {
  let server: ChildServer;
  let dir: string;
  const tally = { tried: 0, accepted: 0, refused: 0 };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-tokens-'));
    server = await startChildServer({
      env: { NODE_ENV: 'production', HOST: '127.0.0.1', OCOP_SQLITE_PATH: join(dir, 'ocop.db') },
    });
  });
  afterAll(async () => {
    printFigures('hostile tokens', { seed: SEED, 'tokens tried': tally.tried, ...tally });
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const subjects = async () => {
    const answer = await server.gql<{ subjects: { totalCount: number } }>(READ);
    return answer.data!.subjects.totalCount;
  };

  /** Over HTTP: the answer's status, code and whether it held data. */
  async function overHttp(token: string, operation: { query: string; variables?: Record<string, unknown> }) {
    const body = JSON.stringify(operation);
    const answer = await server.post(body, { authorization: `Bearer ${token}` });
    return { refused: answer.status === 401 && answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', answer };
  }

  /** Over graphql-ws: refused when the connection is closed with 4401 before the operation answers. */
  function overWebSocket(token: string, operation: { query: string; variables?: Record<string, unknown> }) {
    return new Promise<{ refused: boolean; answer: unknown }>((resolve) => {
      const client = createClient({
        url: `${server.origin.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: {
          closed: (event) => {
            const { code, reason } = event as { code: number; reason: string };
            resolve({ refused: code === 4401, answer: { code, reason } });
          },
        },
      });
      client.subscribe(operation, {
        next: (answer) => {
          resolve({ refused: false, answer });
          void client.dispose();
        },
        error: () => undefined,
        complete: () => undefined,
      });
    });
  }

  it(
    `should authenticate only tokens signed as issued with good claims, over HTTP and graphql-ws (${RUNS} runs, seed ${SEED})`,
    async () => {
      let unique = 0;
      // The genuine claims and spelling come up often enough that the control runs in every run.
      const oneOf = (names: string[]) =>
        fc.oneof(
          { arbitrary: fc.constant(names[0]!), weight: 1 },
          { arbitrary: fc.constantFrom(...names.slice(1)), weight: 2 },
        );
      const cases = fc.record({
        claims: oneOf(Object.keys(CLAIMS)),
        spelling: oneOf(Object.keys(SPELLINGS)),
        overWs: fc.boolean(),
        write: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ claims, spelling, overWs, write }) => {
          tally.tried += 1;
          const token = SPELLINGS[spelling]!(CLAIMS[claims]!());
          const genuine = claims === 'valid' && spelling === 'as signed';
          const operation = write
            ? { query: REGISTER_SUBJECT, variables: { input: subjectInput({ id: `forged-${++unique}` }) } }
            : { query: READ };
          const before = await subjects();
          const { refused, answer } = await (overWs ? overWebSocket : overHttp)(token, operation);
          const grown = (await subjects()) - before;
          const what = `${claims}, ${spelling}, ${overWs ? 'graphql-ws' : 'HTTP'}: ${JSON.stringify(answer).slice(0, 300)}`;
          expect([what, refused, grown]).toEqual([what, !genuine, genuine && write ? 1 : 0]);
          if (refused) tally.refused += 1;
          else tally.accepted += 1;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect([tally.accepted > 0, tally.refused > 0]).toEqual([true, true]);
      expect(stackInOutput(server.output())).toBeNull();
    },
    30_000 + RUNS * 500,
  );

  it('should take NODE_ENV=Production for production mode: no introspection, no development secret', async () => {
    const production = await startChildServer({
      env: { NODE_ENV: 'Production', HOST: '127.0.0.1', OCOP_SQLITE_PATH: join(dir, 'capital.db') },
    });
    try {
      const introspection = await production.gql('{ __schema { queryType { name } } }');
      expect([introspection.data ?? null, introspection.errors?.[0]?.message]).toEqual([
        null,
        'Introspection is disabled',
      ]);
      const development = await overHttpTo(production, SPELLINGS['the public development secret']!(CLAIMS['valid']!()));
      expect(development).toBe(401);
    } finally {
      await production.kill();
    }
  });

  it.each(REFUSED_ENVIRONMENTS)('should refuse to start with $name', async ({ env, names }) => {
    const run = await runChildToExit({ env: { ...env, OCOP_SQLITE_PATH: join(dir, 'never.db') }, timeoutMs: 10_000 });
    expect([run.code === null ? 'still running' : run.code === 0 ? 'exited 0' : 'refused', run.output]).toEqual([
      'refused',
      expect.stringMatching(names),
    ]);
    expect(stackInOutput(run.output)).toBeNull();
  });
});

async function overHttpTo(server: ChildServer, token: string): Promise<number> {
  return (await server.post(JSON.stringify({ query: READ }), { authorization: `Bearer ${token}` })).status;
}
