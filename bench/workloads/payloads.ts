import Database from 'better-sqlite3';
import { timeOrderedUuid } from '../../src/application/handleCommand';
import type { JsonObject } from '../../src/core/json';
import type { NewEvent } from '../../src/eventStore/eventStore';

/** Real events of the province data set, to append again: the sizes and shapes appends really have. */
export function loadPayloads(datasetPath: string, limit = 2000): NewEvent[] {
  const db = new Database(datasetPath, { readonly: true });
  try {
    const rows = db
      .prepare<[number], { type: string; data: string; metadata: string }>(
        'SELECT type, data, metadata FROM events ORDER BY position LIMIT ?',
      )
      .all(limit);
    return rows.map((r) => ({
      type: r.type,
      data: JSON.parse(r.data) as JsonObject,
      metadata: JSON.parse(r.metadata) as JsonObject,
    }));
  } finally {
    db.close();
  }
}

/**
 * Hands out payloads round-robin, `count` at a time, each with a fresh event id made the way the
 * command handler makes them, so every store under test indexes the ids real appends carry.
 */
export class PayloadCycle {
  private next = 0;

  constructor(private readonly payloads: readonly NewEvent[]) {}

  take(count: number): NewEvent[] {
    const batch: NewEvent[] = [];
    for (let i = 0; i < count; i++) {
      batch.push({ ...this.payloads[this.next]!, id: timeOrderedUuid() });
      this.next = (this.next + 1) % this.payloads.length;
    }
    return batch;
  }
}
