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
import { loudError, stackInOutput, stringsIn, uncleanData } from './support/hostileChecks';
import {
  HAND_WRITTEN,
  HOSTILE_VALUES,
  MUTATIONS,
  PRODUCT,
  type Payload,
  REFUSED_TEXT,
  SUBJECT,
} from './support/hostilePayloads';
import { ECHOED, TOO_COSTLY } from './support/hostileShapes';
import { intFromEnv, printFigures, seedFromEnv } from './support/random';

/**
 * Hostile input over HTTP, against the real server in its own process, in production mode: every
 * answer is a success or an error with a known code (never an internal error, never a dropped
 * connection), no error carries back a long value it was sent, suggests schema values or names the
 * server software, no answer is over the response budget, what is stored is clean NFC text, the
 * server stays up and prints no stack trace, and the log grows only when a mutation succeeds.
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
  'LIMIT_EXCEEDED',
]);
/** The response budget the server is given (OCOP_MAX_RESPONSE_BYTES). */
const MAX_RESPONSE_BYTES = 1_000_000;
/** Evaluations of the hostile product: enough that nesting its lists in each other is costly. */
const EVALUATIONS = 30;
const PRODUCTION = { NODE_ENV: 'production', HOST: '127.0.0.1', OCOP_MAX_RESPONSE_BYTES: String(MAX_RESPONSE_BYTES) };

/** Everything a payload sends as text: no long piece of it may come back in an error. */
const sentStrings = (payload: Payload): string[] =>
  'raw' in payload ? [payload.raw] : [payload.query, ...stringsIn(payload.variables ?? {})];

async function send(server: ChildServer, payload: Payload): Promise<GraphQLAnswer> {
  try {
    return 'raw' in payload
      ? await server.post(payload.raw, { 'content-type': payload.contentType ?? 'application/json' })
      : await server.gql(payload.query, payload.variables);
  } catch (error) {
    throw new Error(`${payload.name}: no answer (${(error as Error).message})\n${server.output().slice(-2000)}`);
  }
}

describe('Hostile input over HTTP', () => {
  let server: ChildServer;
  let dir: string;
  let log: Database.Database;
  const tally = { payloads: 0, successes: 0, refusals: new Map<string, number>() };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-'));
    server = await startChildServer({ env: { ...PRODUCTION, OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: SUBJECT }) });
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: PRODUCT, subjectId: SUBJECT }) });
    const certified = awardInput({ productId: PRODUCT, level: 'PROVINCE', score: 75, decisionNo: 'QĐ-C1' });
    expect((await server.gql(AWARD_STARS, { input: certified })).data).toMatchObject({
      awardStars: { certificate: { id: `${PRODUCT}.C1` } },
    });
    for (let i = 1; i < EVALUATIONS; i++) {
      const input = awardInput({ productId: PRODUCT, level: 'PROVINCE', decisionNo: `QĐ-${i}` });
      expect((await server.gql(AWARD_STARS, { input })).errors).toBeUndefined();
    }
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
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const eventCount = () => (log.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  /** Sends one payload and checks the answer, the server and the log; returns the answer. */
  async function attempt(payload: Payload): Promise<GraphQLAnswer> {
    tally.payloads += 1;
    const before = eventCount();
    const answer = await send(server, payload);
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
    const summary = `${payload.name}: HTTP ${answer.status} ${answer.raw ?? JSON.stringify(answer).slice(0, 300)}`;
    const success = answer.status === 200 && answer.data != null && codes.length === 0;
    const broken =
      loudError(answer, sentStrings(payload), true) ??
      (success ? uncleanData(answer.data) : null) ??
      (JSON.stringify(answer).length > MAX_RESPONSE_BYTES ? 'an answer over the response budget' : null);
    if (broken) throw new Error(`${summary.slice(0, 400)}\n${broken}`);
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

  it(`should answer every mutation with each of ${Object.keys(HOSTILE_VALUES).length} hostile values in each field, refusing hidden text as BAD_USER_INPUT naming the field`, async () => {
    let unique = 0;
    const refusedText: ReadonlySet<string> = new Set(REFUSED_TEXT);
    for (const { query, valid } of MUTATIONS) {
      for (const field of Object.keys(valid('x'))) {
        for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
          const input = { ...valid(`v${++unique}`), [field]: value };
          const name = `${query.slice(0, 40)} ${field} = ${label}`;
          const answer = await attempt({ name, query, variables: { input } });
          if (!refusedText.has(label)) continue;
          const [first] = answer.errors ?? [];
          expect([name, answer.data ?? null, first?.extensions?.code]).toEqual([name, null, 'BAD_USER_INPUT']);
          expect([name, JSON.stringify(first)]).toEqual([name, expect.stringContaining(field)]);
        }
      }
    }
    expect((await server.get('/healthz')).status).toBe(200);
  }, 120_000);

  it(`should refuse ${TOO_COSTLY.length} costly shapes before they run, and answer the next request`, async () => {
    // The server measures its lists at most once a second: let it see the evaluations recorded.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const payload of TOO_COSTLY) {
      const answer = await attempt(payload);
      const codes = answer.errors?.map((e) => e.extensions?.code);
      expect([payload.name, answer.status, answer.data ?? null, codes]).toEqual([
        payload.name,
        400,
        null,
        ['GRAPHQL_VALIDATION_FAILED'],
      ]);
      const next = await server.gql(`{ product(id: "${PRODUCT}") { name } }`);
      expect([payload.name, next.status]).toEqual([payload.name, 200]);
    }
  });

  it(`should answer ${ECHOED.length} requests that used to be echoed without their values or suggestions`, async () => {
    for (const payload of ECHOED) {
      const answer = await attempt(payload);
      expect([payload.name, answer.data ?? null]).toEqual([payload.name, null]);
    }
  });

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

  it(
    `should answer ${RUNS} generated payloads with a success or a known code (seed ${SEED})`,
    async () => {
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
    },
    60_000 + RUNS * 100,
  );

  it(`should refuse an id that differs from a recorded one only in case, appending nothing (seed ${SEED})`, async () => {
    const spellings = fc.record({
      id: fc.string({ unit: fc.constantFrom(...'abcdefxyz019-_'), minLength: 1, maxLength: 12 }),
      upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
      product: fc.boolean(),
    });
    let unique = 0;
    await fc.assert(
      fc.asyncProperty(spellings, async ({ id, upper, product }) => {
        const recorded = `cv${++unique}-${id}`;
        // Its first two letters always upper case, so the twin is another spelling of the same id.
        const twin = [...recorded].map((c, i) => (i < 2 || upper[i % upper.length] ? c.toUpperCase() : c)).join('');
        const query = product ? REGISTER_PRODUCT : REGISTER_SUBJECT;
        const input = (spelling: string) =>
          product ? productInput({ id: spelling, subjectId: SUBJECT }) : subjectInput({ id: spelling });
        const first = await attempt({ name: `register ${recorded}`, query, variables: { input: input(recorded) } });
        expect([recorded, first.errors]).toEqual([recorded, undefined]);
        const again = await attempt({ name: `register ${twin}`, query, variables: { input: input(twin) } });
        expect([twin, again.data ?? null, again.errors?.[0]?.extensions?.code]).toEqual([twin, null, 'CONFLICT']);
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED, endOnFailure: true },
    );
  });

  it('should have printed no stack trace for any of it', () => {
    expect(stackInOutput(server.output())).toBeNull();
  });
});

describe('Hostile input over HTTP in development mode', () => {
  let server: ChildServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-dev-'));
    server = await startChildServer({ env: { NODE_ENV: 'development', OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should echo no long value either, suggestions allowed', async () => {
    const long = Object.entries(HOSTILE_VALUES).filter(([, v]) => typeof v === 'string' && v.length > 1000);
    const payloads: Payload[] = [
      ...ECHOED,
      ...long.flatMap(([label, value]) =>
        MUTATIONS.map(({ query, valid }) => ({
          name: `${label} in every field of ${query.slice(0, 40)}`,
          query,
          variables: { input: Object.fromEntries(Object.keys(valid('d')).map((field) => [field, value])) },
        })),
      ),
    ];
    for (const payload of payloads) {
      const answer = await send(server, payload);
      expect([payload.name, loudError(answer, sentStrings(payload), false)]).toEqual([payload.name, null]);
    }
    expect(stackInOutput(server.output())).toBeNull();
  });
});
