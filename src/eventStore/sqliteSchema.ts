/**
 * One table holds the whole log. The row id is the global position (AUTOINCREMENT: never reused,
 * so a deleted row leaves a visible gap). JSON lives in TEXT checked by json_valid, not in a JSON
 * column, so SQLite never coerces number-like text.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 0),
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL CHECK (json_valid(data)),
  metadata    TEXT    NOT NULL CHECK (json_valid(metadata)),
  recorded_at INTEGER NOT NULL,
  UNIQUE (stream_id, revision)
);
`;
