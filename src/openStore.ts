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
  try {
    return getSqliteEventStore({ path });
  } catch (error) {
    // At start-up the path is all an operator has to go on: name it, the driver's reason, and the usual cause.
    const driver = (error as { cause?: unknown }).cause ?? error;
    const code = (driver as { code?: unknown }).code;
    const reason = `${(driver as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`;
    throw new Error(
      `Cannot open the SQLite store at ${path}: ${reason}. Check that the directory ${dirname(path)} exists and is writable by this user.`,
      { cause: error },
    );
  }
}
