import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, removeDatabase } from '../support/files';
import type { Row } from '../support/results';
import { round } from '../support/stats';
import { measureAsOf } from './asOf';
import { DISTRICT_TARGETS, PING, PRODUCT_LIST, checkOperation, load, registerProduct, signedIn } from './graphqlLoad';
import { BENCH_JWT_SECRET, type ServerProcess, peakRssMiB, readyMs, startBareApollo, startOcopServer } from './servers';
import { mintBenchToken } from './token';

export interface GraphqlOptions {
  readonly seconds: number;
  readonly connections: readonly number[];
  readonly asOfInstants: readonly string[];
  readonly asOfRepeats: number;
  /** How long to leave a service started from a snapshot before measuring it. */
  readonly settleMs: number;
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

/** Waits until a read-model snapshot is in `dir` (the service writes one once it has caught up). */
async function snapshotWritten(dir: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (!readdirSync(dir).some((name) => name.endsWith('.snapshot'))) {
    if (performance.now() - started > timeoutMs) throw new Error(`no read-model snapshot in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

/**
 * GraphQL over HTTP, each server in its own process on a copy of the log:
 * 1. the service started on the log alone (a full replay), which then writes a read-model snapshot;
 *    the read queries asked over and over (remembered answers), and `asOf`;
 * 2. the service started again from that snapshot, with remembered answers off: the read queries
 *    each executed (first answers), and last the mutation, which grows the log;
 * 3. the bare Apollo ceiling, asked `{ ping }` and the same read queries, answered with the service's
 *    own answers as constants.
 */
export async function measureGraphql(datasetPath: string, dir: string, options: GraphqlOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    options.onRow(row);
  };
  const work = mkdtempSync(join(dir, 'graphql-'));
  const path = join(work, 'graphql.db');
  const constants = join(dir, 'graphql-constants.json');
  copyDatabase(datasetPath, path);
  const token = await mintBenchToken(BENCH_JWT_SECRET);
  // The reports are public, asked anonymously and by a signed-in official; listing products needs a
  // signed-in official. The service checks the token of every signed-in request.
  const reads = [
    DISTRICT_TARGETS,
    signedIn({ ...DISTRICT_TARGETS, name: `${DISTRICT_TARGETS.name}, signed in` }, token),
    signedIn(PRODUCT_LIST, token),
  ];
  const memory = (server: ServerProcess, name: string) =>
    add({
      workload: 'graphql',
      case: `peak RSS, ${name}`,
      variant: 'ocop',
      metrics: { 'peak RSS MiB': round(peakRssMiB(server) ?? 0, 0) },
    });
  try {
    // A snapshot once caught up, whatever the log's length (the reads below append nothing).
    await withServer(
      () => startOcopServer(path, options.profileDir, { OCOP_SNAPSHOT_EVERY_EVENTS: '1' }),
      async (server) => {
        const url = loopback(server.url);
        const startUp = { seconds: round((await readyMs(server)) / 1000, 2) };
        add({ workload: 'graphql', case: 'start-up to /readyz, full replay', variant: 'ocop', metrics: startUp });
        const written = { seconds: round((await snapshotWritten(work)) / 1000, 2) };
        add({ workload: 'graphql', case: 'snapshot written after start-up', variant: 'ocop', metrics: written });
        const answers = await Promise.all(reads.map((operation) => checkOperation(url, operation)));
        writeFileSync(constants, JSON.stringify(Object.assign({}, ...answers)));
        for (const operation of reads) {
          for (const c of options.connections) add(await load(url, operation, 'ocop', c, options.seconds));
        }
        for (const instant of options.asOfInstants) add(await measureAsOf(url, token, instant, options.asOfRepeats));
        memory(server, 'remembered answers and a snapshot written');
      },
    );
    // Snapshots every million events: the mutations below measure appends, not snapshot writes.
    const uncached = { OCOP_ANSWER_CACHE_MB: '0', OCOP_SNAPSHOT_EVERY_EVENTS: '1000000' };
    await withServer(
      () => startOcopServer(path, options.profileDir, uncached),
      async (server) => {
        const url = loopback(server.url);
        const startUp = { seconds: round((await readyMs(server)) / 1000, 2) };
        add({ workload: 'graphql', case: 'start-up to /readyz, from a snapshot', variant: 'ocop', metrics: startUp });
        // Ready means answering; the entries no request has read yet are then decoded in the background
        // for a few seconds, which the first answers below are not to be measured against.
        await new Promise((resolve) => setTimeout(resolve, options.settleMs));        for (const operation of reads) {
          for (const c of options.connections) add(await load(url, operation, 'ocop-first', c, options.seconds));
        }
        // Dated before 1 July 2025, when the province the generated subjects live in was merged away.
        const mutation = signedIn(registerProduct('sub-0', '2025-06-30'), token);
        for (const c of options.connections) add(await load(url, mutation, 'ocop', c, options.seconds));
        memory(server, 'every answer executed');
      },
    );
  } finally {
    removeDatabase(path);
    rmSync(work, { recursive: true, force: true });
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
