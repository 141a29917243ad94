import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { type ChildServer, type GraphQLAnswer, startChildServer } from '../support/childServer';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';
import { HAND_WRITTEN, HOSTILE_VALUES, MUTATIONS, PRODUCT, type Payload, SUBJECT } from './support/hostilePayloads';
import { intFromEnv, printFigures, seedFromEnv } from './support/random';

/**
 * Hostile input over HTTP, against the real server in its own process: every answer is a success or
 * an error with a known code (never an internal error, never a dropped connection), the server stays
 * up, and the log grows only when a mutation succeeds.
 */
const RUNS = intFromEnv('HOSTILE_RUNS', 300);
const SEED = seedFromEnv('HOSTILE_SEED');
/** Codes a client can act on; INTERNAL_SERVER_ERROR or no code at all would be a defect. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
]);

describe('Hostile input over HTTP', () => {
  let server: ChildServer;
  let dir: string;
  let log: Database.Database;
  const tally = { payloads: 0, successes: 0, refusals: new Map<string, number>() };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-'));
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: SUBJECT }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: PRODUCT, subjectId: SUBJECT }) });
    await server.gql(AWARD_STARS, { input: awardInput({ productId: PRODUCT, level: 'PROVINCE', decisionNo: 'QĐ-0' }) });
    log = new Database(join(dir, 'ocop.db'), { readonly: true });
  });
  afterAll(async () => {
    printFigures('hostile input', {
      seed: SEED,
      'payloads tried': tally.payloads,
      successes: tally.successes,
      ...Object.fromEntries([...tally.refusals].map(([code, n]) => [`refused ${code}`, n])),
    });
    log.close();
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const eventCount = () => (log.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  /** Sends one payload and checks the answer, the server and the log; returns the answer. */
  async function attempt(payload: Payload): Promise<GraphQLAnswer> {
    tally.payloads += 1;
    const before = eventCount();
    let answer: GraphQLAnswer;
    try {
      answer =
        'raw' in payload
          ? await server.post(payload.raw, { 'content-type': payload.contentType ?? 'application/json' })
          : await server.gql(payload.query, payload.variables);
    } catch (error) {
      throw new Error(`${payload.name}: no answer (${(error as Error).message})\n${server.output().slice(-2000)}`);
    }
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
    const summary = `${payload.name}: HTTP ${answer.status} ${answer.raw ?? JSON.stringify(answer).slice(0, 300)}`;
    const success = answer.status === 200 && answer.data != null && codes.length === 0;
    if (!success) {
      if (answer.raw !== undefined || codes.length === 0 || codes.some((c) => !KNOWN_CODES.has(c)))
        throw new Error(summary);
      if (answer.status >= 500) throw new Error(summary);
      for (const code of new Set(codes)) tally.refusals.set(code, (tally.refusals.get(code) ?? 0) + 1);
      if (eventCount() !== before)
        throw new Error(`${summary}\nrefused, yet the log grew from ${before} to ${eventCount()}`);
    } else tally.successes += 1;
    return answer;
  }

  it(`should answer ${HAND_WRITTEN.length} hand-written payloads with a success or a known code`, async () => {
    for (const payload of HAND_WRITTEN) await attempt(payload);
    expect((await server.get('/healthz')).status).toBe(200);
  });

  it(`should answer every mutation with each of ${Object.keys(HOSTILE_VALUES).length} hostile values in each field`, async () => {
    let unique = 0;
    for (const { query, valid } of MUTATIONS) {
      for (const field of Object.keys(valid('x'))) {
        for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
          const input = { ...valid(`v${++unique}`), [field]: value };
          await attempt({ name: `${query.slice(0, 40)} ${field} = ${label}`, query, variables: { input } });
        }
      }
    }
    expect((await server.get('/healthz')).status).toBe(200);
  }, 120_000);

  it('should store text with emoji, combining marks and quotes as accepted, in its NFC spelling', async () => {
    const sent = `${HOSTILE_VALUES['combining marks']} ${HOSTILE_VALUES['emoji and joiners']} '); DROP TABLE events; --`;
    const name = sent.normalize('NFC');
    const answer = await attempt({
      name: 'round trip',
      query: REGISTER_SUBJECT,
      variables: { input: subjectInput({ id: 'round-trip', name: sent }) },
    });
    expect(answer.data).toMatchObject({ registerSubject: { name } });
    const read = await server.gql(`{ subject(id: "round-trip") { name } }`);
    expect(read.data).toEqual({ subject: { name } });
  });

  it(`should answer ${RUNS} generated payloads with a success or a known code (seed ${SEED})`, async () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.double(),
      fc.integer(),
      fc.constantFrom(...Object.values(HOSTILE_VALUES)),
    );
    const generated = fc.record({
      mutation: fc.nat({ max: MUTATIONS.length - 1 }),
      changes: fc.array(fc.tuple(fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), value), {
        minLength: 1,
        maxLength: 3,
      }),
      whole: fc.option(fc.jsonValue({ maxDepth: 3 }), { freq: 8, nil: undefined }),
    });
    let unique = 0;
    await fc.assert(
      fc.asyncProperty(generated, async ({ mutation, changes, whole }) => {
        const { query, valid } = MUTATIONS[mutation]!;
        const input: Record<string, unknown> = { ...valid(`g${++unique}`) };
        const fields = Object.keys(input);
        // A change hits a named field of the input (a known one when none is generated), or adds an unknown one.
        for (const [name, change] of changes) input[name ?? fields[unique % fields.length]!] = change;
        await attempt({ name: 'generated', query, variables: { input: whole === undefined ? input : whole } });
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect((await server.get('/healthz')).status).toBe(200);
    expect(server.isRunning()).toBe(true);
  }, 120_000);
});
