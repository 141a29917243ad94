import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { EventStore, StoreBackup } from './eventStore';
import { translateSqliteError } from './sqliteErrors';

/** SQLite's largest step: the whole file in one step, so the copy is one read transaction's snapshot. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the open database to a new file with SQLite's online backup API. The pages are copied in one
 * step, inside one read transaction: the copy is the log exactly as it was at one instant. In WAL mode
 * a reader never blocks a writer, so the service keeps appending meanwhile (smaller steps would let those
 * appends restart the copy, over and over under a steady load).
 */
export async function backupSqlite(
  db: Database.Database,
  to: string,
  open: (path: string) => EventStore,
): Promise<StoreBackup> {
  if (existsSync(to)) throw new Error(`${to} already exists: a backup never overwrites a file`);
  // The copy holds what the log holds: created empty, for the user alone, before SQLite fills it
  // (SQLite would create it with the umask's permissions). 'wx' fails if the file appeared meanwhile.
  closeSync(openSync(to, 'wx', 0o600));
  try {
    await db.backup(to, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(to, { force: true });
    throw translateSqliteError(error);
  }
  return { description: `sqlite at ${to}`, bytes: statSync(to).size, open: () => open(to) };
}
