import { Command } from 'commander';
import { type AuthSettings, loadConfig } from '../config/index';
import { checkStoreClock } from '../eventStore/clockCheck';
import { formatPosition } from '../eventStore/eventStore';
import { type Authenticator, createAuthenticator } from '../http/auth/authenticate';
import { DEVELOPMENT_JWT_SECRET } from '../http/auth/tokens';
import { createTokenVerifier } from '../http/auth/verifyToken';
import { createSchema } from '../graphql/schema';
import { startServer } from '../http/server';
import { openStore } from './openStore';
import { type Observability, createObservability } from '../observability';
import { commandObserver } from '../observability/commandObserver';
import { startMetricsServer } from '../observability/metricsEndpoint';
import { observedStore } from '../observability/observedStore';
import { observabilitySettings } from '../config/observability';
import { rebuildOnHangup } from './replay';
import { restoreAndKeepSnapshots } from '#projections/snapshotWriter';
import { seedPlan180 } from '../application/seedPlan';
import { type Services, createServices } from '../application/services';
import type { CliIo } from './io';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../config/defaults';

const DEVELOPMENT_BANNER = [
  '*'.repeat(78),
  '*  DEVELOPMENT MODE: neither OCOP_JWT_SECRET nor OCOP_JWKS_URL is set.',
  '*  Tokens are checked against the PUBLIC development secret, so anyone can mint one:',
  `*    ${DEVELOPMENT_JWT_SECRET}`,
  '*  Mint one with: node dist/src/main.js token --role PROVINCIAL_OFFICER --unit 06',
  '*  Never expose this server. NODE_ENV=production refuses to start like this.',
  '*'.repeat(78),
].join('\n');

/** The authenticator the settings ask for; the development secret when they name no keys. */
export function authenticatorFor(auth: AuthSettings): Authenticator {
  const keys = auth.keys ?? { secret: DEVELOPMENT_JWT_SECRET };
  const { issuer, audience, maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } = auth;
  return createAuthenticator(createTokenVerifier({ keys, issuer, audience, maxLifetimeSeconds }));
}

const keySource = ({ keys }: AuthSettings): string =>
  !keys ? 'the DEVELOPMENT secret' : 'jwksUrl' in keys ? keys.jwksUrl : 'OCOP_JWT_SECRET';

/**
 * Catches the read models up with the log. An event they cannot take stops them at its position; the
 * service still starts, so /readyz can say why it is not ready, and queries answer UNAVAILABLE instead
 * of numbers that miss the event. Any other failure (the store unreachable, say) ends start-up.
 */
async function startReadModels(services: Services, { logger }: Observability): Promise<boolean> {
  try {
    await services.runner.start();
    logger.info(
      { position: services.runner.position && formatPosition(services.runner.position) },
      'read models caught up',
    );
    return true;
  } catch (error) {
    const failure = services.runner.failure;
    if (!failure) throw error;
    logger.error({ failure }, `Read models stopped ${failure.position}: ${failure.message}`);
    logger.error('Serving as not ready: /readyz answers 503 and queries UNAVAILABLE until the log is repaired.');
    return false;
  }
}

/** Runs the GraphQL service until SIGTERM or SIGINT; SIGHUP rebuilds the read models. */
export async function serve(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const settings = observabilitySettings(env);
  const observability = createObservability(settings);
  const { logger } = observability;
  const developmentAuth = config.auth.keys === null;
  if (developmentAuth) logger.warn(DEVELOPMENT_BANNER);
  if (env['OCOP_JWKS_URL'] && env['OCOP_JWT_SECRET'])
    logger.warn('OCOP_JWKS_URL is set: tokens are verified against it and OCOP_JWT_SECRET is not used');
  const opened = await openStore(env);
  await checkStoreClock(opened, (message) => logger.warn(message));
  const store = observedStore(opened, observability);
  logger.info({ store: config.store, description: store.description }, 'store open');
  const services = createServices(store, undefined, commandObserver(observability));
  // The snapshot is read on the thread pool while the schema is built here.
  const [snapshots, schema] = await Promise.all([
    config.snapshots && restoreAndKeepSnapshots(services.runner, store, config.snapshots, (line) => logger.info(line)),
    createSchema(),
  ]);
  const caughtUp = await startReadModels(services, observability);
  if (caughtUp) snapshots?.caughtUp();
  if (config.seedPlan && caughtUp) await seedPlan180(services);
  const server = await startServer({
    services,
    schema,
    port: config.port,
    host: config.host,
    development: !config.production,
    authenticate: authenticatorFor(config.auth),
    developmentAuth,
    limits: config.limits,
    budget: config.budget,
    rateLimits: config.rateLimits,
    wholeLogLimits: config.wholeLogLimits,
    positionWaits: config.positionWaits,
    introspection: config.introspection,
    introspectionRoles: config.introspectionRoles,
    web: { corsOrigins: config.corsOrigins, explorer: config.explorer },
    fieldSuggestions: config.fieldSuggestions,
    maxBodyBytes: config.maxBodyBytes,
    publicBaseUrl: config.publicBaseUrl,
    answers: { maxBytes: config.answerCacheBytes },
    observability,
  });
  const metricsServer =
    settings.metricsPort === null ? null : await startMetricsServer(observability, settings.metricsPort);
  if (metricsServer)
    logger.info({ port: metricsServer.port }, `metrics on http://localhost:${metricsServer.port}/metrics`);
  logger.info(
    `OCOP registry on ${server.url} (store: ${store.description}; ` +
      `tokens checked against ${keySource(config.auth)})`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: draining requests, then closing the store`);
    await server.close();
    await metricsServer?.close();
    logger.info('requests drained');
    snapshots?.stop();
    await services.runner.stop();
    await store.close();
    logger.info('store closed');
    await observability.tracing.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGHUP', () => void rebuildOnHangup(services.runner, logger));
}

export const serveCommand = (io: CliIo): Command =>
  new Command('serve')
    .description('Run the GraphQL service (the default command), configured by the OCOP_* environment variables.')
    .action(() => serve(io.env));
