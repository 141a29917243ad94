import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type ChildServer, runChildToExit, startChildServer } from '../support/childServer';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';

/**
 * Faults of the embedded store, with the server in its own process: another process holding the
 * write lock, a directory the server cannot write or that does not exist, and a stored event that
 * no longer parses.
 */
const ROOT = join(__dirname, '..', '..');
const NOBODY = { uid: 65534, gid: 65534 };

/** Another process that takes the database's write lock and holds it until told to let go. */
async function holdWriteLock(path: string): Promise<{ release: () => Promise<void>; process: ChildProcess }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    console.log('locked');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const locker = spawn(process.execPath, ['-e', script, path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  await once(locker.stdout!, 'data');
  return {
    process: locker,
    release: async () => {
      locker.stdin!.write('go\n');
      await once(locker, 'exit');
    },
  };
}

describe('Store faults: SQLite', () => {
  let dir: string;
  let server: ChildServer | undefined;
  const path = () => join(dir, 'ocop.db');
  const eventCount = () => {
    const db = new Database(path(), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ocop-faults-'))));
  afterEach(async () => {
    await server?.kill('SIGKILL');
    server = undefined;
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('should answer UNAVAILABLE while another process holds the write lock, and recover when it lets go', async () => {
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
    const input = subjectInput({ id: 'locked-out', commandId: 'register-locked-out' });
    const lock = await holdWriteLock(path());
    const before = eventCount();
    const refused = await server.gql(REGISTER_SUBJECT, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(eventCount()).toBe(before);
    expect((await server.gql('{ districtTargets(year: 2024, provinceCode: "06") { year } }')).data).toEqual({
      districtTargets: { year: 2024 },
    });
    await lock.release();
    const accepted = await server.gql(REGISTER_SUBJECT, { input });
    expect(accepted.errors).toBeUndefined();
    expect(eventCount()).toBe(before + 1);
    expect((await server.get('/readyz')).status).toBe(200);
  });

  it('should wait out a lock another process holds for less than the busy timeout, then append', async () => {
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
    const lock = await holdWriteLock(path());
    const before = eventCount();
    const pending = server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'waits' }) });
    await delay(400);
    await lock.release();
    expect((await pending).errors).toBeUndefined();
    expect(eventCount()).toBe(before + 1);
  });

  it('should refuse to start, naming the path, when the directory does not exist', async () => {
    const missing = join(dir, 'no', 'such', 'folder', 'ocop.db');
    const { code, output } = await runChildToExit({ env: { OCOP_SQLITE_PATH: missing } });
    expect(code).not.toBe(0);
    expect(output).toContain(missing);
    expect(output).toMatch(/director(y|ies)/i);
  });

  it('should refuse to start, naming the path, when the directory is read-only', async () => {
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o555);
    const { code, output } = await runChildToExit({
      env: { OCOP_SQLITE_PATH: path() },
      user: asRoot ? NOBODY : undefined,
    });
    expect(code).not.toBe(0);
    expect(output).toContain(path());
    expect(output).toMatch(/cannot open|unable to open|read-?only|permission/i);
  });

  it.each([
    [
      'valid JSON that is not an event',
      'ProductRegistered',
      `UPDATE events SET data = '"no longer an event"' WHERE position = ?`,
    ],
    [
      'text that is not JSON (the last event)',
      'CertificateIssued',
      `UPDATE events SET data = '{"productId": "mien' WHERE position = ?`,
    ],
  ])(
    'should start not ready, name the position, and refuse queries when a stored event is %s',
    async (_label, type, corrupt) => {
      server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
      await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
      await server.gql(REGISTER_PRODUCT, { input: productInput() });
      await server.gql(AWARD_STARS, { input: awardInput({ level: 'PROVINCE', score: 75 }) }); // 4★: the province's own
      await server.kill('SIGTERM');
      const db = new Database(path());
      db.pragma('ignore_check_constraints = ON'); // the CHECK (json_valid) guard is what a corruption got past
      const { position } = db.prepare('SELECT position FROM events WHERE type = ?').get(type) as { position: number };
      db.prepare(corrupt).run(position);
      db.close();

      server = await startChildServer({ env: { OCOP_SQLITE_PATH: path() } });
      expect(server.output()).toContain(`position ${position}`);
      const ready = await server.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toContain(`position ${position}`);
      for (const query of [
        '{ districtTargets(year: 2024, provinceCode: "06") { total { newProducts3Star { actual } } } }',
        '{ product(id: "mien-dong") { stars } }',
      ]) {
        const answer = await server.gql(query);
        expect(Object.values(answer.data ?? {}).filter((value) => value !== null)).toEqual([]);
        expect(answer.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      }
    },
  );
});
