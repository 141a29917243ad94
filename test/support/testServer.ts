import {
  DEFAULT_EXECUTION_BUDGET,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEFAULT_POSITION_WAIT_LIMITS,
  DEFAULT_QUERY_LIMITS,
  DEFAULT_RATE_LIMITS,
  DEFAULT_REMEMBERED_ANSWER_BYTES,
  DEFAULT_WHOLE_LOG_LIMITS,
} from '../../src/config/defaults';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '../../src/eventStore/eventStore';
import { getEsdbEventStore } from '../../src/eventStore/esdb';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { createAuthenticator } from '../../src/http/auth/authenticate';
import { type TokenClaims, mintToken } from '../../src/http/auth/tokens';
import { createTokenVerifier } from '../../src/http/auth/verifyToken';
import { createSchema } from '../../src/graphql/schema';
import { type RunningServer, type ServerOptions, startServer } from '../../src/http/server';
import type { Observability } from '../../src/observability';
import { commandObserver } from '../../src/observability/commandObserver';
import { observedStore } from '../../src/observability/observedStore';
import { seedPlan180 } from '../../src/application/seedPlan';
import { type Services, createServices } from '../../src/application/services';
import { startEsdbDouble } from './esdbDouble';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  port: number;
  services: Services;
  store: EventStore;
  /** The SQLite file behind the store; null over the EventStoreDB adapter. */
  sqlitePath: string | null;
  /** Sends the default officer's token (DEFAULT_OFFICER) unless `headers` give another authorization. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Sends this Authorization header value, or none at all for null (an anonymous caller). */
  gqlAs<T = Record<string, unknown>>(
    authorization: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  eventCount(): Promise<number>;
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * Tests live on 20 December 2024, late in Plan 180's year, with time running as usual from there:
 * business dates stay meaningful whenever the suite runs, and recording times still advance, so
 * `asOf` can tell before from after.
 */
const TEST_EPOCH = '2024-12-20T02:00:00Z';
/** A clock that starts at `epoch` and runs as usual from there. */
export function clockFrom(epoch: string): () => number {
  const offset = Date.parse(epoch) - Date.now();
  return () => Date.now() + offset;
}
export const testClockMs = clockFrom(TEST_EPOCH);

/** The test server verifies HS256 tokens signed with this secret. */
export const TEST_JWT_SECRET = 'ocop-api-tests-secret-32-bytes-or-more';
export const DEFAULT_OFFICER = { sub: 'officer-test', role: 'PROVINCIAL_OFFICER', unit: '06' } as const;

/**
 * Headers for `gql` that act as the district officer of `unit`: before 2025-07-01 a district's own
 * certificates are revoked by its district, not by the province (the default officer).
 */
export const asDistrictOfficer = (unit: string): Record<string, string> => ({
  authorization: bearer({ sub: `district-officer-${unit}`, role: 'DISTRICT_OFFICER', unit }),
});

/** `Bearer <token>` for these claims, signed with the test server's secret (valid 12 hours by default). */
export const bearer = (claims: TokenClaims): string =>
  `Bearer ${mintToken({ expiresIn: '12h', ...claims }, TEST_JWT_SECRET)}`;

/**
 * The real service over real HTTP on a free port: a temporary SQLite file by default, or, with
 * OCOP_TEST_STORE=esdb, the EventStoreDB adapter talking gRPC to the in-memory test double (through
 * BatchAppend, as with a real server, or Append with OCOP_TEST_ESDB_APPEND=Append).
 */
export async function startTestServer(
  options: {
    seed?: boolean;
    server?: Partial<ServerOptions>;
    observability?: Observability;
    /** Another "now" for the server (tests after 2025-07-01); 2024-12-20 by default. */
    epoch?: string;
  } = {},
): Promise<TestServer> {
  const clockMs = options.epoch ? clockFrom(options.epoch) : testClockMs;
  const dir = mkdtempSync(join(tmpdir(), 'ocop-api-'));
  // OCOP_TEST_ESDB_APPEND=Append: a double without ServerFeatures, so the client appends through Append.
  const batchAppend = process.env['OCOP_TEST_ESDB_APPEND'] !== 'Append';
  const double =
    process.env['OCOP_TEST_STORE'] === 'esdb' ? await startEsdbDouble({ clock: clockMs, batchAppend }) : null;
  const opened = double
    ? getEsdbEventStore({ connectionString: double.connectionString })
    : getSqliteEventStore({ path: join(dir, 'ocop.db'), clock: clockMs });
  // Watched as the service watches it, when a test looks at logs, metrics or traces.
  const store = options.observability ? observedStore(opened, options.observability) : opened;
  const observer = options.observability ? commandObserver(options.observability) : {};
  const services = createServices(store, () => new Date(clockMs()), observer);
  await services.runner.start();
  if (options.seed !== false) await seedPlan180(services);
  const server: RunningServer = await startServer({
    services,
    schema: await createSchema(),
    port: 0,
    host: '127.0.0.1',
    development: false,
    authenticate: createAuthenticator(
      createTokenVerifier({
        keys: { secret: TEST_JWT_SECRET },
        maxLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
      }),
    ),
    observability: options.observability,
    // Suites send hundreds of requests a minute from one address; the rate-limit tests set their own.
    rateLimits: { ...DEFAULT_RATE_LIMITS, perAddress: 1_000_000, perToken: 1_000_000 },
    limits: DEFAULT_QUERY_LIMITS,
    budget: DEFAULT_EXECUTION_BUDGET,
    wholeLogLimits: DEFAULT_WHOLE_LOG_LIMITS,
    positionWaits: DEFAULT_POSITION_WAIT_LIMITS,
    answers: { maxBytes: DEFAULT_REMEMBERED_ANSWER_BYTES },
    ...options.server,
  });
  const defaultAuthorization = bearer(DEFAULT_OFFICER);
  const post = async <T>(query: string, variables: unknown, headers: Record<string, string>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<T>;
  };
  const events = async () => {
    const all: RecordedEvent[] = [];
    for await (const event of store.readAll()) if (!event.streamId.startsWith('$')) all.push(event);
    return all;
  };
  return {
    url: server.url,
    port: server.port,
    services,
    store,
    sqlitePath: double ? null : join(dir, 'ocop.db'),
    gql: (query, variables, headers = {}) =>
      post(query, variables, { authorization: defaultAuthorization, ...headers }),
    gqlAs: (authorization, query, variables) => post(query, variables, authorization === null ? {} : { authorization }),
    eventCount: async () => (await events()).length,
    events,
    async close() {
      await server.close();
      await services.runner.stop();
      await store.close();
      await double?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
