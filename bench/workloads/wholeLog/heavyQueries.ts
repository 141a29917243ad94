import Database from 'better-sqlite3';
import type { Rng } from '../../support/rng';

/** What the heavy queries are drawn from: the log's positions, recording times and products. */
export interface LogExtent {
  readonly events: number;
  readonly lastPosition: number;
  readonly firstRecordedMs: number;
  readonly lastRecordedMs: number;
  readonly products: number;
}

/** Read from the SQLite file before the server opens it. */
export function logExtent(path: string): LogExtent {
  const db = new Database(path, { readonly: true });
  try {
    const row = db
      .prepare<[], { events: number; last: number; first_ms: number; last_ms: number }>(
        'SELECT COUNT(*) AS events, MAX(position) AS last, MIN(recorded_at) AS first_ms, MAX(recorded_at) AS last_ms FROM events',
      )
      .get()!;
    const products = db
      .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'ProductRegistered'")
      .get()!.n;
    return {
      events: row.events,
      lastPosition: row.last,
      firstRecordedMs: row.first_ms,
      lastRecordedMs: row.last_ms,
      products,
    };
  } finally {
    db.close();
  }
}

/** The kinds of whole-log work an analyst asks for. */
export type HeavyKind = 'asOf' | 'atPosition' | 'auditDigest' | 'events scan';

/**
 * A type the domain records (a plan revision) that the generated log never holds, so `first: 1`
 * reads the whole log to answer that there is none: the rarest type there is.
 */
export const RARE_TYPE = 'PlanRevised';

const cursor = (position: number) => `${position}:${position}`;

/**
 * A new question of the kind each time. Instants and positions are drawn over the whole log (a
 * replay from the start, or from the nearest state the service kept), digests up to a position in
 * the log's second half: a new question is never answered from remembered answers, whose keys are
 * the query text, so each request does its whole-log work.
 */
export function heavyQuery(kind: HeavyKind, extent: LogExtent, rng: Rng): string {
  const product = `prd-${rng.int(0, extent.products - 1)}`;
  switch (kind) {
    case 'asOf': {
      const ms = extent.firstRecordedMs + Math.floor(rng.next() * (extent.lastRecordedMs - extent.firstRecordedMs));
      return `{ product(id: "${product}", asOf: "${new Date(ms).toISOString()}") { id name stars } }`;
    }
    case 'atPosition':
      return `{ product(id: "${product}", atPosition: "${cursor(rng.int(1, extent.lastPosition - 1))}") { id name stars } }`;
    case 'auditDigest': {
      const position = rng.int(Math.floor(extent.lastPosition / 2), extent.lastPosition);
      return `{ auditDigest(atPosition: "${cursor(position)}") { digest streams events position } }`;
    }
    case 'events scan':
      return `{ events(types: ["${RARE_TYPE}"], first: 1) { nodes { type streamId } pageInfo { hasNextPage } } }`;
  }
}
