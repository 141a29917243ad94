import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { type ChildServer, startChildServer } from '../support/childServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { readAllEvents } from '../support/tempStore';
import buildCompiled, { COMPILED_MAIN } from '../reliability/support/buildServer';

const run = promisify(execFile);
const WRITERS = 4;

async function eventsIn(path: string): Promise<RecordedEvent[]> {
  const store = getSqliteEventStore({ path });
  try {
    return await readAllEvents(store);
  } finally {
    await store.close();
  }
}

/**
 * `ocop backup` against a running service under write load, then a restore from the copy: stop,
 * replace the file, verify, start. What was acknowledged before the backup began must be in the copy,
 * and the copy must be exactly the log's first events, with every chain intact.
 */
describe('ocop backup while the service writes, and a restore from it', () => {
  let dir: string;
  let live: string;
  let copy: string;
  let server: ChildServer;
  const acknowledged: string[] = [];
  let acknowledgedBeforeBackup: string[] = [];
  let acknowledgedDuringBackup = 0;
  let backupOutput: { code: number; stdout: string };

  const ocop = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [COMPILED_MAIN, ...args], {
        env: { ...process.env, OCOP_STORE: 'sqlite', OCOP_SQLITE_PATH: live, OCOP_LOG_LEVEL: 'warn' },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
    }
  };

  beforeAll(async () => {
    buildCompiled();
    dir = mkdtempSync(join(tmpdir(), 'ocop-backup-'));
    live = join(dir, 'ocop.db');
    copy = join(dir, 'backup.db');
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: live } });
    let writing = true;
    let backingUp = false;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const id = `htx-w${w}-${i}`;
        const answer = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id }) });
        if (answer.errors) throw new Error(`${id}: ${JSON.stringify(answer.errors)}`);
        acknowledged.push(id);
        if (backingUp) acknowledgedDuringBackup++;
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    acknowledgedBeforeBackup = [...acknowledged];
    backingUp = true;
    backupOutput = await ocop('backup', '--to', copy);
    backingUp = false;
    writing = false;
    await Promise.all(writers);
    await server.kill('SIGTERM');
  }, 120_000);
  afterAll(async () => {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should take the copy while appends go on, verify it and print its digest', () => {
    expect(acknowledgedDuringBackup).toBeGreaterThan(0);
    expect(backupOutput.code).toBe(0);
    expect(backupOutput.stdout).toMatch(/^backup {4}sqlite at .*backup\.db \([\d,]+ bytes\)$/m);
    expect(backupOutput.stdout).toMatch(/^verified [\d,]+ events in [\d,]+ streams: every hash chain intact/m);
    expect(backupOutput.stdout).toMatch(/^digest {4}[0-9a-f]{64}$/m);
  });

  it("should write a copy readable and writable by the service's user alone, like the log", () => {
    expect([statSync(live).mode & 0o777, statSync(copy).mode & 0o777]).toEqual([0o600, 0o600]);
  });

  it('should hold every event acknowledged before the backup began', async () => {
    const streams = new Set((await eventsIn(copy)).map((e) => e.streamId));
    const missing = acknowledgedBeforeBackup.filter((id) => !streams.has(`ocop-subject-${id}`));
    expect({ acknowledged: acknowledgedBeforeBackup.length, missing }).toEqual({
      acknowledged: acknowledgedBeforeBackup.length,
      missing: [],
    });
  });

  it("should be exactly the log's first events: no event torn, reordered or invented", async () => {
    const [backedUp, all] = [await eventsIn(copy), await eventsIn(live)];
    expect(backedUp.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup.length);
    expect(backedUp.length).toBeLessThanOrEqual(all.length);
    expect(backedUp.map((e) => [e.id, e.metadata['hash']])).toEqual(
      all.slice(0, backedUp.length).map((e) => [e.id, e.metadata['hash']]),
    );
  });

  it('should refuse to overwrite an existing file', async () => {
    const again = await ocop('backup', '--to', copy);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('already exists');
  });

  it('should restore: stop, replace the file, verify, start, and answer from the restored log', async () => {
    renameSync(live, join(dir, 'damaged.db'));
    for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) rmSync(live + suffix);
    copyFileSync(copy, live);
    const verified = await ocop('verify');
    expect(verified.code).toBe(0);
    const digest = await ocop('digest');
    const digestLine = (text: string) => /^digest {4}([0-9a-f]{64})$/m.exec(text)?.[1];
    expect(digestLine(digest.stdout)).toBe(digestLine(backupOutput.stdout));
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: live } });
    const last = acknowledgedBeforeBackup.at(-1)!;
    const answer = await server.gql('query($id: ID!) { subject(id: $id) { id } }', { id: last });
    expect(answer.data).toEqual({ subject: { id: last } });
  });
});
