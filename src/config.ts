/** Settings from the environment, with defaults that run on a fresh machine. */
export interface Config {
  readonly port: number;
  readonly store: 'sqlite' | 'esdb';
  readonly sqlitePath: string;
  readonly esdbUrl: string;
  /** Production refuses unsafe defaults and hides stack traces. */
  readonly production: boolean;
  /** Adopt Plan 180/KH-UBND (2024) on start-up unless OCOP_SEED_PLAN=false. */
  readonly seedPlan: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got ${env['PORT']}`);
  const store = env['OCOP_STORE'] ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'esdb') throw new ConfigError(`OCOP_STORE must be sqlite or esdb, got ${store}`);
  return {
    port,
    store,
    sqlitePath: env['OCOP_SQLITE_PATH'] ?? './data/ocop.db',
    esdbUrl: env['OCOP_ESDB_URL'] ?? 'esdb://localhost:2113?tls=false',
    production: env['NODE_ENV'] === 'production',
    seedPlan: env['OCOP_SEED_PLAN'] !== 'false',
  };
}
