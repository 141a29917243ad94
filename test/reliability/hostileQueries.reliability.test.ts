import { DEFAULT_QUERY_LIMITS, DEFAULT_RATE_LIMITS } from '../../src/config/defaults';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type ChildServer, type GraphQLAnswer, bearerToken, startChildServer } from '../support/childServer';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { WHOLE_LOG_COST } from '../../src/http/limits/queryCost';
import { loudError, stackInOutput, stringsIn } from './support/hostileChecks';
import { PRODUCT, SUBJECT } from './support/hostilePayloads';
import { SPELLINGS, type Shape, shapes, spell } from './support/hostileShapes';
import { intFromEnv, printFigures, seedFromEnv } from './support/random';

/**
 * Query shapes thrown at the real server in production mode over HTTP and graphql-ws, each spelled
 * with its values in the document and as variables: all four answers must be the same, an anonymous
 * caller asking for the past is refused whichever way it asks, no answer is over the response budget
 * or echoes what it was sent, and the server keeps answering. Then one anonymous client opening
 * subscriptions by the hundred, and a graphql-ws message over the size limit.
 */
const RUNS = intFromEnv('HOSTILE_QUERY_RUNS', 40);
const SEED = seedFromEnv('HOSTILE_SEED');
const MAX_RESPONSE_BYTES = 1_000_000;
/** Evaluations of the hostile product: enough that nesting its lists is costly, few enough to set up quickly. */
const EVALUATIONS = 12;
const PROGRESS =
  'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } newSubjects { actual } } }';

type Verdict = { data: unknown; codes: string[] };

describe('Hostile queries over HTTP and graphql-ws', () => {
  let server: ChildServer;
  let dir: string;
  const clients: Client[] = [];
  const tally = { shapes: 0, answered: 0, refused: new Map<string, number>() };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-queries-'));
    server = await startChildServer({
      env: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        OCOP_SQLITE_PATH: join(dir, 'ocop.db'),
        OCOP_MAX_RESPONSE_BYTES: String(MAX_RESPONSE_BYTES),
      },
    });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: SUBJECT }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: PRODUCT, subjectId: SUBJECT }) });
    for (let i = 0; i < EVALUATIONS; i++) {
      const input = awardInput({
        productId: PRODUCT,
        level: 'PROVINCE',
        score: i === 0 ? 75 : 62,
        decisionNo: `QĐ-${i}`,
      });
      expect((await server.gql(AWARD_STARS, { input })).errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    printFigures('hostile queries', {
      seed: SEED,
      'shapes tried (eight requests each)': tally.shapes,
      answered: tally.answered,
      ...Object.fromEntries([...tally.refused].map(([code, n]) => [`refused ${code}`, n])),
    });
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = (authorization: string | null, on?: { closed?: (event: unknown) => void }) => {
    const client = createClient({
      url: `${server.origin.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : undefined,
      retryAttempts: 0,
      lazy: false,
      on,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    return client;
  };

  /** The first answer to one operation over graphql-ws: its result, or the errors it was refused with. */
  const overWs = (client: Client, query: string, variables: Record<string, unknown>) =>
    new Promise<GraphQLAnswer>((resolve, reject) =>
      client.subscribe(
        { query, variables },
        {
          next: (value) => resolve({ status: 0, ...(value as object) }),
          error: (error) => (Array.isArray(error) ? resolve({ status: 0, errors: error }) : reject(error)),
          complete: () => undefined,
        },
      ),
    );

  const overHttp = (authorization: string, query: string, variables: Record<string, unknown>) =>
    server.post(JSON.stringify({ query, variables }), { authorization });

  /** What an answer says, whatever the transport: its data, and its error codes in order. */
  function verdict(answer: GraphQLAnswer, sent: string[], what: string): Verdict {
    const broken =
      loudError(answer, sent, true) ??
      (JSON.stringify(answer).length > MAX_RESPONSE_BYTES ? 'an answer over the response budget' : null);
    if (broken) throw new Error(`${what}: ${broken}`);
    return { data: answer.data ?? null, codes: (answer.errors ?? []).map((e) => e.extensions?.code ?? 'NONE') };
  }

  it(
    `should answer each shape the same in every spelling over both transports (${RUNS} runs, seed ${SEED})`,
    async () => {
      const signedIn = `Bearer ${await bearerToken()}`;
      const anonymousWs = connect(null);
      const officialWs = connect(signedIn);
      const cases = fc.record({ shape: shapes, anonymous: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(cases, async ({ shape, anonymous }: { shape: Shape; anonymous: boolean }) => {
          tally.shapes += 1;
          const verdicts: Verdict[] = [];
          for (const spelling of SPELLINGS) {
            const { query, variables } = spell(shape, spelling);
            const sent = [query, ...stringsIn(variables)];
            const http = await overHttp(anonymous ? '' : signedIn, query, variables);
            verdicts.push(verdict(http, sent, `${spelling} over HTTP`));
            const ws = await overWs(anonymous ? anonymousWs : officialWs, query, variables);
            verdicts.push(verdict(ws, sent, `${spelling} over graphql-ws`));
          }
          const [first] = verdicts;
          const what = `${anonymous ? 'anonymous' : 'signed in'} ${JSON.stringify(shape)}`;
          expect([what, verdicts]).toEqual([what, verdicts.map(() => first)]);
          // Each replay of the past weighs as much as the whole log: more than the cost limit allows is refused.
          if (!anonymous && shape.history && shape.aliases * WHOLE_LOG_COST > DEFAULT_QUERY_LIMITS.maxCost) {
            const overCost = first!.codes.length > 0 && first!.codes.every((c) => c === 'GRAPHQL_VALIDATION_FAILED');
            expect([what, first!.data, overCost]).toEqual([what, null, true]);
          }
          // The past is for officials: refused before it runs, as UNAUTHENTICATED or by the limits checked first.
          if (anonymous && shape.history) {
            const refusedBeforeRunning = first!.codes.every((c) =>
              /^(UNAUTHENTICATED|GRAPHQL_VALIDATION_FAILED)$/.test(c),
            );
            expect([what, first!.data, first!.codes.length > 0 && refusedBeforeRunning]).toEqual([what, null, true]);
          }
          if (first!.codes.length === 0) tally.answered += 1;
          for (const code of new Set(first!.codes)) tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
          const next = await server.gql(`{ product(id: "${PRODUCT}") { name } }`);
          expect([what, next.status]).toEqual([what, 200]);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    60_000 + RUNS * 1000,
  );

  it('should cap the subscriptions of anonymous clients with RATE_LIMITED, and still commit a command and push it', async () => {
    const refusals: string[] = [];
    /** The subscriptions (by number) that were pushed an update. */
    const updated = new Set<number>();
    let started = 0;
    /** Starts `count` subscriptions on a new anonymous connection; refusals are counted as they come. */
    const flood = (count: number) => {
      const client = connect(null);
      for (let i = 0; i < count; i++) {
        const number = started++;
        client.subscribe(
          { query: PROGRESS },
          {
            next: () => updated.add(number),
            error: (errors) =>
              refusals.push(
                Array.isArray(errors)
                  ? errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code).join()
                  : 'closed',
              ),
            complete: () => refusals.push('completed'),
          },
        );
      }
    };
    /** The refusals once `expected` have come (or 10 s have passed), and a moment more for any beyond. */
    const settled = async (expected: number) => {
      for (let waited = 0; refusals.length < expected && waited < 10_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 300));
      return refusals.splice(0);
    };
    // The defaults: so many subscriptions a connection, so many anonymous ones in all.
    const { subscriptionsPerConnection: perConnection, anonymousSubscriptions: allowed } = DEFAULT_RATE_LIMITS;
    flood(perConnection + 30);
    expect(await settled(30)).toEqual(Array(30).fill('RATE_LIMITED'));
    const connections = Math.ceil((allowed - perConnection) / perConnection) + 1;
    for (let i = 0; i < connections; i++) flood(perConnection);
    const over = (connections + 1) * perConnection - allowed;
    expect(await settled(over)).toEqual(Array(over).fill('RATE_LIMITED'));
    const product = productInput({ id: 'p-during-flood', subjectId: SUBJECT });
    expect((await server.gql(REGISTER_PRODUCT, { input: product })).errors).toBeUndefined();
    const award = awardInput({ productId: 'p-during-flood', decisionNo: 'QĐ-flood' });
    expect((await server.gql(AWARD_STARS, { input: award })).errors).toBeUndefined();
    // Each running subscription is told of the district's new 3-star product.
    for (let waited = 0; updated.size < allowed && waited < 5000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updated.size).toBe(allowed);
  }, 30_000);

  it('should close a connection sending a message over the size limit with 1009, and print no stack', async () => {
    const socket = new WebSocket(`${server.origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'p'.repeat(2_000_000) } }));
    expect(await closed).toBe(1009);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await server.gql(`{ product(id: "${PRODUCT}") { name } }`)).status).toBe(200);
    expect(stackInOutput(server.output())).toBeNull();
  });
});
