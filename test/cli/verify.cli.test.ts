import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEvent } from '../../src/application/hashChain';
import { createRegistry } from '../../src/application/registry';
import { runCli } from '../../src/cli/program';
import type { JsonObject } from '../../src/core/json';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { recordChanges, steppingClock } from '../unit/history/historyLog';
import { captureIo, sqliteEnv } from './captureIo';

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const PRODUCT = 'ocop-product-p1';

describe('ocop verify and ocop digest against someone who can write the SQLite file', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-verify-'));
    path = join(dir, 'ocop.db');
    const clock = steppingClock();
    const store = getSqliteEventStore({ path, clock: clock.ms });
    await recordChanges(createRegistry(store), clock);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The attacker: better-sqlite3 straight on the file, no registry code in the way. */
  const tamper = <T>(change: (db: Database.Database) => T): T => {
    const db = new Database(path);
    try {
      return change(db);
    } finally {
      db.close();
    }
  };
  const rowOf = (db: Database.Database, streamId: string, revision: number) =>
    db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?').get(streamId, revision) as Row;
  const run = async (command: 'verify' | 'digest', args: string[] = []) => {
    const captured = captureIo(sqliteEnv(path));
    await runCli([command, ...args], captured.io);
    return { output: captured.stdout(), exitCode: captured.exitCode() };
  };

  it('should find nothing wrong in a log as the registry wrote it', async () => {
    const { output, exitCode } = await run('verify');
    expect(exitCode).toBeUndefined();
    expect(output).toMatch(/^verified 14 events in 3 streams: every hash chain intact/m);
  });

  it('should name the event whose data was edited with SQL, and only that event', async () => {
    const edited = tamper((db) => {
      db.prepare("UPDATE events SET data = json_set(data, '$.score', 95) WHERE stream_id = ? AND revision = 1").run(
        PRODUCT,
      );
      return rowOf(db, PRODUCT, 1);
    });
    const { output, exitCode } = await run('verify');
    expect(exitCode).toBe(1);
    expect(output).toContain(
      `BROKEN  ${PRODUCT} revision 1 (ProductEvaluated) at position ${edited.position}:${edited.position}: HASH_MISMATCH`,
    );
    expect(output).not.toContain('do not match)');
    const single = await run('verify', ['--stream', PRODUCT]);
    expect(single.exitCode).toBe(1);
    expect(single.output).toContain(`BROKEN  ${PRODUCT} revision 1 (ProductEvaluated)`);
  });

  it('should detect a deleted event: the missing revision, the broken link and the missing position', async () => {
    const removed = tamper((db) => {
      const row = rowOf(db, PRODUCT, 2);
      db.prepare('DELETE FROM events WHERE position = ?').run(row.position);
      return row;
    });
    const { output, exitCode } = await run('verify');
    expect(exitCode).toBe(1);
    expect(output).toContain(`MISSING ${PRODUCT} revision 2`);
    expect(output).toContain(`BROKEN  ${PRODUCT} revision 3`);
    expect(output).toContain(`MISSING 1 event(s) after position ${removed.position - 1}:${removed.position - 1}`);
  });

  it('should detect the log’s last event deleted, which leaves no gap between the rows left', async () => {
    const last = tamper((db) => {
      const { position } = db.prepare('SELECT MAX(position) AS position FROM events').get() as { position: number };
      db.prepare('DELETE FROM events WHERE position = ?').run(position);
      return position;
    });
    const { output, exitCode } = await run('verify');
    expect(exitCode).toBe(1);
    expect(output).toContain(`MISSING 1 event(s) after position ${last - 1}:${last - 1}, at the end`);
  });

  it('should not see a stream rewritten with recomputed hashes, but the digest published before does', async () => {
    const published = (await run('digest')).output;
    const position = /^position\s+(\S+)$/m.exec(published)![1]!;
    tamper((db) => {
      const rows = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(PRODUCT) as Row[];
      let prevHash: string | undefined;
      for (const row of rows) {
        const data = JSON.parse(row.data) as JsonObject;
        if (row.type === 'ProductEvaluated' && data['score'] === 62) data['score'] = 40;
        const metadata = JSON.parse(row.metadata) as JsonObject;
        if (prevHash) metadata['prevHash'] = prevHash;
        const event = { streamId: row.stream_id, revision: BigInt(row.revision), type: row.type, data, metadata };
        prevHash = hashEvent(event);
        metadata['hash'] = prevHash;
        db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
          JSON.stringify(data),
          JSON.stringify(metadata),
          row.position,
        );
      }
    });
    expect((await run('verify')).exitCode).toBeUndefined();
    const recomputed = (await run('digest', ['--at', position])).output;
    const digestOf = (text: string) => /^digest\s+(\S+)$/m.exec(text)![1];
    expect(digestOf(recomputed)).not.toBe(digestOf(published));
  });

  it('should print the hashed heads so anyone can recompute the digest', async () => {
    const summary = (await run('digest')).output;
    const heads = (await run('digest', ['--heads'])).output;
    expect(heads.split('\n')).toContainEqual(expect.stringMatching(/^ocop-plan-06-2024 1 [0-9a-f]{64}$/));
    const sha = createHash('sha256').update(heads).digest('hex');
    expect(summary).toContain(`digest    ${sha}`);
  });
});
