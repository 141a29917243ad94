import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { describeEventStoreContract } from './eventStoreContract';

describeEventStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-contract-'));
  const path = join(dir, 'events.db');
  let current: EventStore = getSqliteEventStore({ path });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = getSqliteEventStore({ path });
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
