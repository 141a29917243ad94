import { join } from 'node:path';
import { vietnamDate } from '../../src/domain/rules/businessDate';
import { copyDatabase, removeDatabase } from '../support/files';
import type { Row } from '../support/results';
import { round } from '../support/stats';
import { measureAsOf } from './asOf';
import { DISTRICT_TARGETS, PING, PRODUCT_LIST, load, registerProduct, signedIn } from './graphqlLoad';
import { BENCH_JWT_SECRET, type ServerProcess, startBareApollo, startOcopServer } from './servers';
import { mintBenchToken } from './token';

export interface GraphqlOptions {
  readonly seconds: number;
  readonly connections: readonly number[];
  readonly asOfInstants: readonly string[];
  readonly asOfRepeats: number;
  readonly profileDir?: string;
  readonly onRow: (row: Row) => void;
}

/** A URL autocannon can reach without asking the resolver which family "localhost" is. */
const loopback = (url: string): string => url.replace('//localhost:', '//127.0.0.1:');

async function withServer(start: () => Promise<ServerProcess>, use: (server: ServerProcess) => Promise<void>) {
  const server = await start();
  try {
    await use(server);
  } finally {
    await server.stop();
  }
}

/**
 * GraphQL over HTTP: the bare Apollo ceiling, then the real service (its own process, on a copy of
 * the log) under the read queries, `asOf`, and last the mutation, which grows the log.
 */
export async function measureGraphql(datasetPath: string, dir: string, options: GraphqlOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    options.onRow(row);
  };
  await withServer(startBareApollo, async (bare) => {
    for (const c of options.connections) add(await load(loopback(bare.url), PING, 'apollo', c, options.seconds));
  });
  const path = join(dir, 'graphql.db');
  copyDatabase(datasetPath, path);
  try {
    await withServer(
      () => startOcopServer(path, options.profileDir),
      async (server) => {
        const url = loopback(server.url);
        add({
          workload: 'graphql',
          case: 'start-up (catch up the log, listen)',
          variant: 'ocop',
          metrics: { seconds: round(server.startMs / 1000, 2) },
        });
        // The reports are public and asked anonymously; listing products needs a signed-in official,
        // whose token the service verifies on every request.
        const token = await mintBenchToken(BENCH_JWT_SECRET);
        for (const operation of [DISTRICT_TARGETS, signedIn(PRODUCT_LIST, token)]) {
          for (const c of options.connections) add(await load(url, operation, 'ocop', c, options.seconds));
        }
        for (const instant of options.asOfInstants) add(await measureAsOf(url, token, instant, options.asOfRepeats));
        const mutation = signedIn(registerProduct('sub-0', vietnamDate(new Date())), token);
        for (const c of options.connections) add(await load(url, mutation, 'ocop', c, options.seconds));
      },
    );
  } finally {
    removeDatabase(path);
  }
  return rows;
}
