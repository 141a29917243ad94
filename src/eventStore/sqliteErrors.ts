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
