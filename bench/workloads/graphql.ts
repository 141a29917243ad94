import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vietnamDate } from '../../src/domain/rules/businessDate';
import { copyDatabase, removeDatabase } from '../support/files';
import type { Row } from '../support/results';
import { round } from '../support/stats';
import { measureAsOf } from './asOf';
import { DISTRICT_TARGETS, PING, PRODUCT_LIST, checkOperation, load, registerProduct, signedIn } from './graphqlLoad';
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
 * GraphQL over HTTP: the real service (its own process, on a copy of the log) under the read
 * queries, `asOf`, and last the mutation, which grows the log; then the bare Apollo ceiling, asked
 * `{ ping }` and the same read queries, answered with the service's own answers as constants.
 */
export async function measureGraphql(datasetPath: string, dir: string, options: GraphqlOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    options.onRow(row);
  };
  const path = join(dir, 'graphql.db');
  const constants = join(dir, 'graphql-constants.json');
  copyDatabase(datasetPath, path);
  const token = await mintBenchToken(BENCH_JWT_SECRET);
  // The reports are public and asked anonymously; listing products needs a signed-in official,
  // whose token the service verifies on every request.
  const reads = [DISTRICT_TARGETS, signedIn(PRODUCT_LIST, token)];
  try {
    await withServer(
      () => startOcopServer(path, options.profileDir),
      async (server) => {
        const url = loopback(server.url);
        const startUp = { seconds: round(server.startMs / 1000, 2) };
        add({ workload: 'graphql', case: 'start-up (catch up the log, listen)', variant: 'ocop', metrics: startUp });
        const answers = await Promise.all(reads.map((operation) => checkOperation(url, operation)));
        writeFileSync(constants, JSON.stringify(Object.assign({}, ...answers)));
        for (const operation of reads) {
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
  await withServer(
    () => startBareApollo(constants),
    async (bare) => {
      for (const operation of [PING, DISTRICT_TARGETS, PRODUCT_LIST]) {
        for (const c of options.connections)
          add(await load(loopback(bare.url), operation, 'apollo', c, options.seconds));
      }
    },
  );
  return rows;
}
