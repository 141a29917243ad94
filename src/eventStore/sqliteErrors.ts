import type { JsonObject } from '../core/json';
import { EventStoreUnavailableError } from './eventStore';

/** SQLite result codes that mean "the store cannot serve now", as opposed to a bug or a conflict. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

export function translateSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) {
    return new EventStoreUnavailableError(`SQLite store unavailable (${code})`, { cause: error });
  }
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new EventStoreUnavailableError('SQLite store is closed', { cause: error });
  }
  return error;
}

/** Runs a query, its failure translated as {@link translateSqliteError} does. */
export function querySqlite<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw translateSqliteError(error);
  }
}

/** Where a stored event sits, to name it when it cannot be read. */
export interface StoredEventAddress {
  readonly position: number | bigint;
  readonly streamId: string;
  readonly revision: number | bigint;
}

/**
 * A stored event that no longer reads as one (its JSON was damaged outside the store). Not a
 * transient fault: retrying cannot help, so it names the event for whoever has to repair the file.
 */
export class StoredEventUnreadableError extends Error {
  constructor(at: StoredEventAddress, reason: string) {
    super(
      `The stored event at position ${at.position} (${at.streamId} revision ${at.revision}) cannot be read: ${reason}`,
    );
    this.name = 'StoredEventUnreadableError';
  }
}

/** A stored data or metadata column as the JSON object the port promises, or a StoredEventUnreadableError. */
export function parseStoredObject(text: string, column: 'data' | 'metadata', at: StoredEventAddress): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredEventUnreadableError(at, `its ${column} is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new StoredEventUnreadableError(at, `its ${column} is not a JSON object`);
  return value as JsonObject;
}
