import { randomUUID } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppendSignal } from './appendSignal';
import {
  type AppendResult,
  type EventStore,
  type EventStoreCapabilities,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreBackup,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersionError,
  refuseEmptyAppend,
} from './eventStore';
import { backupSqlite } from './sqliteBackup';
import { SCHEMA } from './sqliteSchema';
import { querySqlite, translateSqliteError } from './sqliteErrors';
import { PAGE, readAllEvents, readStreamEvents } from './sqliteReads';
import { type Statements, prepareStatements, toRecordedEvent } from './sqliteStatements';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' (tests only: nothing survives). */
  readonly path: string;
  /** How long a writer waits for another process's lock before answering unavailable. */
  readonly busyTimeoutMs?: number;
  /** How often idle subscribers look for writes made by other processes. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => number;
}

interface PendingAppend {
  readonly streamId: string;
  readonly rows: { id: string; type: string; data: string; metadata: string; recordedAt: number | undefined }[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: AppendResult } | { error: unknown };

/** Appends queued in one event-loop turn are written in order in one transaction: an import may queue this many. */
const GROUP_COMMIT_APPENDS = 1000;

/**
 * Creates the file, when it does not exist yet, readable and writable by the service's user alone: the
 * log holds officials' records. SQLite would create it with the process's umask (0644, usually); it
 * gives the -wal and -shm files it makes beside it the database file's own permissions. A file that
 * exists is left as its owner made it.
 */
function createPrivately(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    // It exists, or cannot be made here: SQLite opens it, or says why it cannot, as it always did.
  }
}

/**
 * The embedded default store: one SQLite file in WAL mode with synchronous=FULL, so an acknowledged
 * append survives a crash or power cut. Appends that arrive in the same event-loop turn share one
 * transaction and one fsync (group commit); each runs in its own savepoint, so one failed revision
 * check fails that append alone.
 */
export function getSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  return new SqliteEventStore(options);
}

class SqliteEventStore implements EventStore {
  readonly description: string;
  readonly capabilities: EventStoreCapabilities;
  private readonly db: Database.Database;
  private readonly signal: AppendSignal;
  private readonly clock: () => number;
  private readonly subscriptions = new Set<Subscription>();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private lastRecordedAt: number;
  private readonly stmt: Statements;
  private readonly appendBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;

  constructor(options: SqliteEventStoreOptions) {
    const inMemory = options.path === ':memory:';
    this.description = `sqlite at ${options.path}`;
    this.capabilities = {
      // AUTOINCREMENT row ids are never reused, and a rolled-back append gives its ids back.
      positionsAreGapless: true,
      keepsRecordedAt: true,
      // Each append's time is kept no earlier than the one before it.
      recordedAtMonotonic: true,
      orderedAppendsInFlight: GROUP_COMMIT_APPENDS,
      inMemory,
    };
    try {
      if (!inMemory) createPrivately(options.path);
      this.db = new Database(options.path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 2000}`);
      this.db.exec(SCHEMA);
    } catch (error) {
      throw translateSqliteError(error);
    }
    this.signal = new AppendSignal(options.pollIntervalMs ?? 250);
    this.clock = options.clock ?? Date.now;
    this.stmt = prepareStatements(this.db);
    this.lastRecordedAt = this.stmt.lastRecordedAt.get()?.t ?? 0;
    const appendOne = this.db.transaction((p: PendingAppend) => this.appendInTransaction(p));
    this.appendBatch = this.db.transaction((batch: PendingAppend[]) =>
      batch.map((p): Outcome => {
        try {
          return { ok: appendOne(p) }; // nested transaction = savepoint: a failure undoes this append only
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    let rows: PendingAppend['rows'];
    try {
      refuseEmptyAppend(events);
      rows = events.map((e) => ({
        id: e.id ?? randomUUID(),
        type: e.type,
        data: JSON.stringify(e.data),
        metadata: JSON.stringify(e.metadata ?? {}),
        recordedAt: e.recordedAt?.getTime(),
      }));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, rows, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock up front, so busy_timeout applies; a deferred transaction that
      // read first fails at once with SQLITE_BUSY when another process holds the lock.
      outcomes = this.appendBatch.immediate(batch);
    } catch (error) {
      const translated = translateSqliteError(error);
      for (const p of batch) p.reject(translated);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const p = batch[i]!;
      if ('ok' in outcome) p.resolve(outcome.ok);
      else p.reject(translateSqliteError(outcome.error));
    });
    this.signal.notify();
  }

  private appendInTransaction(p: PendingAppend): AppendResult {
    const head = this.stmt.head.get(p.streamId);
    const actual = head === undefined ? 'no_stream' : BigInt(head.revision);
    const matches =
      p.expected === 'any' || (p.expected === 'no_stream' ? actual === 'no_stream' : actual === p.expected);
    if (!matches) throw new WrongExpectedVersionError(p.streamId, p.expected, actual);
    const now = this.clock();
    let revision = actual === 'no_stream' ? -1n : actual;
    let position = 0n;
    for (const row of p.rows) {
      revision += 1n;
      // Recording times never go backwards in position order, so "recorded at or before T" is a log prefix.
      this.lastRecordedAt = Math.max(this.lastRecordedAt, row.recordedAt ?? now);
      const info = this.stmt.insert.run(
        row.id,
        p.streamId,
        revision,
        row.type,
        row.data,
        row.metadata,
        this.lastRecordedAt,
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { nextRevision: revision, position: { commit: position, prepare: position } };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return readStreamEvents(this.stmt, streamId, options);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return readAllEvents(this.stmt, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    let after = options.after?.commit ?? 0n;
    let closed = false;
    const subscription: Subscription = {
      [Symbol.asyncIterator]: async function* (this: SqliteEventStore) {
        while (!closed) {
          const rows = querySqlite(() => this.stmt.allForwards.all(after + 1n, PAGE));
          for (const row of rows) {
            if (closed) return;
            const event = toRecordedEvent(row);
            after = event.position.commit;
            yield event;
          }
          if (rows.length === 0) await this.signal.wait();
        }
      }.bind(this),
      close: async () => {
        closed = true;
        this.subscriptions.delete(subscription);
        this.signal.notify();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async highestAssignedPosition(): Promise<GlobalPosition | null> {
    const row = querySqlite(() => this.stmt.highestAssigned.get());
    if (!row) return null;
    const position = BigInt(row.seq);
    return { commit: position, prepare: position };
  }

  backupTo(to: string): Promise<StoreBackup> {
    return backupSqlite(this.db, to, (path) => new SqliteEventStore({ path }));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.signal.close();
    this.db.close();
  }
}
