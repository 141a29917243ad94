import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from './config';
import type { EventStore } from './eventStore/eventStore';
import { getEsdbEventStore } from './eventStore/esdb';
import { getSqliteEventStore } from './eventStore/sqlite';

/** Opens the configured store; for SQLite, creates the default data folder on first use. */
export async function openStore(config: Config): Promise<EventStore> {
  if (config.store === 'esdb') {
    return getEsdbEventStore({ connectionString: config.esdbUrl });
  }
  const path = resolve(config.sqlitePath);
  if (config.sqlitePath === './data/ocop.db') mkdirSync(dirname(path), { recursive: true });
  return getSqliteEventStore({ path });
}
