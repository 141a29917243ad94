import { type DocumentNode, type ExecutionResult, type GraphQLSchema, execute, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Actor } from '../../src/application/metadata';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { createServices } from '../../src/application/services';
import type { Row } from '../support/results';
import { round } from '../support/stats';
import { DISTRICT_TARGETS, type Operation, PRODUCT_LIST } from './graphqlLoad';

type Executor = (document: DocumentNode, context: unknown) => Promise<ExecutionResult>;

const OFFICIAL: Actor = { id: 'bench', role: 'PROVINCIAL_OFFICER', unit: '06' };

function executors(schema: GraphQLSchema): Record<string, (document: DocumentNode) => Executor> {
  return {
    'graphql-js': () => async (document, context) => execute({ schema, document, contextValue: context }),
    'graphql-jit': (document) => {
      const compiled = compileQuery(schema, document);
      if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit cannot compile: ${JSON.stringify(compiled)}`);
      return async (_document, context) => (await compiled.query(undefined, context, {})) as ExecutionResult;
    },
  };
}

/**
 * The executor alone, in one process, on the same read models: each query executed over and over by
 * graphql-js and by graphql-jit (compiled once), in turn, `rounds` times, the best kept. No HTTP, no
 * Apollo, no remembered answers: what the choice of executor changes for a first answer.
 */
export async function measureExecutors(datasetPath: string, ms: number, rounds: number): Promise<Row[]> {
  const store = getSqliteEventStore({ path: datasetPath });
  const services = createServices(store);
  await services.runner.start();
  const schema = await createSchema();
  const best = new Map<string, Row>();
  try {
    for (let round_ = 0; round_ < rounds; round_++) {
      for (const operation of [DISTRICT_TARGETS, PRODUCT_LIST] as Operation[]) {
        const document = parse(operation.query);
        for (const [variant, make] of Object.entries(executors(schema))) {
          const run = make(document);
          const check = await run(document, createContext(services, OFFICIAL, 'bench'));
          if (check.errors) throw new Error(`${variant} ${operation.name}: ${JSON.stringify(check.errors)}`);
          let count = 0;
          const started = performance.now();
          while (performance.now() - started < ms) {
            // A new context per request, as the server makes one: its loaders start empty.
            await run(document, createContext(services, OFFICIAL, 'bench'));
            count++;
          }
          const row: Row = {
            workload: 'executors',
            case: operation.name,
            variant,
            metrics: { 'executions/s': round((count * 1000) / (performance.now() - started), 0) },
          };
          const key = `${variant} ${operation.name}`;
          if ((best.get(key)?.metrics['executions/s'] ?? 0) < row.metrics['executions/s']!) best.set(key, row);
        }
      }
    }
  } finally {
    await services.runner.stop();
    await store.close();
  }
  return [...best.values()];
}
