import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { describeEventStoreContract } from './eventStoreContract';

/** A short wait for the write lock, so an outage is answered quickly. */
const open = (path: string): EventStore => getSqliteEventStore({ path, busyTimeoutMs: 100 });

describeEventStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-contract-'));
  const path = join(dir, 'events.db');
  let current = open(path);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = open(path);
      return current;
    },
    // Another process holding the write lock: the store cannot write until it lets go.
    outage: async () => {
      const other = new Database(path);
      other.exec('BEGIN IMMEDIATE');
      return async () => {
        other.exec('ROLLBACK');
        other.close();
      };
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
