import type { Actor } from '../application/metadata';
import { loadConfig } from '../config';
import { createSchema } from '../graphql/schema';
import { startServer } from '../graphql/server';
import { openStore } from '../openStore';
import { seedPlan180 } from '../seedPlan';
import { createServices } from '../services';

/** Until tokens are verified, every request acts as this development officer of the province. */
const DEVELOPMENT_ACTOR: Actor = { id: 'development', role: 'PROVINCIAL_OFFICER', unit: '06' };

export async function serve(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  const services = createServices(store);
  await services.runner.start();
  if (config.seedPlan) await seedPlan180(services);
  const server = await startServer({
    services,
    schema: await createSchema(),
    port: config.port,
    development: !config.production,
    actor: DEVELOPMENT_ACTOR,
  });
  console.log(
    `OCOP registry on ${server.url} (store: ${config.store}${config.store === 'sqlite' ? ` at ${config.sqlitePath}` : ''})`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests, then closing the store`);
    await server.close();
    await services.runner.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
