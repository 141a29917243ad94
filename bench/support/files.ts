import { copyFileSync, existsSync, rmSync } from 'node:fs';

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

export function removeDatabase(path: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

/** Copies a SQLite file with its write-ahead log, so no committed transaction is left behind. */
export function copyDatabase(from: string, to: string): void {
  removeDatabase(to);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}
