import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EventStore } from './eventStore';
import { getSqliteEventStore } from './sqlite';

/** The default file's folder is made on first use; any other must exist, unless the store is to be new. */
const DEFAULT_PATH = './data/ocop.db';

/**
 * The SQLite store at `sqlitePath`, as the service and the CLI open it: a failure names the path, the
 * driver's reason and the usual cause, since at start-up the path is all an operator has to go on.
 */
export function openSqliteFile(sqlitePath: string, options: { create?: boolean } = {}): EventStore {
  const path = resolve(sqlitePath);
  // Made for the service's user alone, like the files in it (sqlite.ts).
  if (options.create || sqlitePath === DEFAULT_PATH) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    return getSqliteEventStore({ path });
  } catch (error) {
    const driver = (error as { cause?: unknown }).cause ?? error;
    const code = (driver as { code?: unknown }).code;
    const reason = `${(driver as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`;
    throw new Error(
      `Cannot open the SQLite store at ${path}: ${reason}. Check that the directory ${dirname(path)} exists and is writable by this user.`,
      { cause: error },
    );
  }
}
