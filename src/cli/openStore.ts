import { type Config, type Env, type StoreKind, loadConfig } from '../config/index';
import type { EventStore } from '../eventStore/eventStore';
import type * as Esdb from '../eventStore/esdb';
import { openSqliteFile } from '../eventStore/sqliteOpen';
import { nativeAddonFailure } from './nativeAddon';

export interface OpenStoreOptions {
  /** The store is to be made if it does not exist yet (an import's target), its folder included. */
  readonly create?: boolean;
}

/**
 * The EventStoreDB client (gRPC and its generated code) is loaded only by a service that uses it: on a
 * SQLite service it would be about a tenth of the start-up.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadEsdb = (): typeof Esdb => require('../eventStore/esdb') as typeof Esdb;

/** Opens one kind of store from the settings; variables only that store reads, it reads from `env`. */
type StoreOpener = (config: Config, env: Env, options: OpenStoreOptions) => EventStore | Promise<EventStore>;

/**
 * One line per kind of store OCOP_STORE may name (the names are listed in config.ts). Callers ask the
 * store they get for what it can do (`capabilities`), never which kind it is.
 */
const OPENERS: Record<StoreKind, StoreOpener> = {
  sqlite: (config, _env, options) => openSqliteFile(config.sqlitePath, options),
  esdb: (config) => loadEsdb().getEsdbEventStore({ connectionString: config.esdbUrl }),
};

/**
 * Opens the store the environment names (OCOP_STORE and its settings). A native addon built for
 * another Node fails with the install check's explanation, not as an unreadable file.
 */
export async function openStore(env: Env, options: OpenStoreOptions = {}): Promise<EventStore> {
  const config = loadConfig(env);
  try {
    return await OPENERS[config.store](config, env, options);
  } catch (error) {
    throw nativeAddonFailure(error) ?? error;
  }
}
