import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import { openSqliteFile } from '../../../src/eventStore/sqliteOpen';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/**
 * The log holds officials' records: the files the service creates for it are its user's alone, whatever
 * the umask lets other programs create (0022 here, as on most systems: 0644 files, 0755 folders).
 */
describe('The files of the SQLite store', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-modes-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('should create the database, its WAL and shared-memory files 0600, and its folder 0700', async () => {
    const path = join(dir, 'new', 'ocop.db');
    const store = openSqliteFile(path, { create: true });
    try {
      await store.append('subject-s1', [{ type: 'SubjectRegistered', data: {} }], 'no_stream');
      expect(modeOf(join(dir, 'new'))).toBe(0o700);
      expect([path, `${path}-wal`, `${path}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    } finally {
      await store.close();
    }
  });

  it('should leave the permissions of a database that exists as its owner set them', async () => {
    const path = join(dir, 'ocop.db');
    writeFileSync(path, '');
    chmodSync(path, 0o640);
    await getSqliteEventStore({ path }).close();
    expect(modeOf(path)).toBe(0o640);
  });

  it('should write a backup 0600', async () => {
    const store = getSqliteEventStore({ path: join(dir, 'ocop.db') });
    try {
      await store.append('subject-s1', [{ type: 'SubjectRegistered', data: {} }], 'no_stream');
      const backup = await store.backupTo!(join(dir, 'backup.db'));
      expect(modeOf(join(dir, 'backup.db'))).toBe(0o600);
      expect(backup.bytes).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('should leave no empty file behind when a backup fails', async () => {
    const store = getSqliteEventStore({ path: join(dir, 'ocop.db') });
    try {
      await expect(store.backupTo!(join(dir, 'missing', 'backup.db'))).rejects.toThrow();
      expect(existsSync(join(dir, 'missing', 'backup.db'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
