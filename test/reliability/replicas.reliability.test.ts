import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from '../support/childServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';

const SUBJECT = '{ subject(id: $id) { name } }';
const READ = `query($id: ID!) ${SUBJECT}`;

/**
 * Two service processes over one SQLite file, as two replicas behind a load balancer: each follows
 * the log on its own (the other's writes reach it on its next look at the file), so a client that
 * wrote on one reads its write on the other by sending back the position it was given.
 */
describe('two replicas over one store: read-your-writes with x-ocop-min-position', () => {
  let dir: string;
  let replicas: ChildServer[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-replicas-'));
    const env = { OCOP_SQLITE_PATH: join(dir, 'ocop.db'), OCOP_MIN_POSITION_WAIT_MS: '2000' };
    const first = await startChildServer({ env });
    replicas = [first, await startChildServer({ env })];
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('should show a write made on one replica to a read on the other that names its position', async () => {
    for (let round = 0; round < 6; round++) {
      const [writer, reader] = round % 2 === 0 ? replicas : [...replicas].reverse();
      const id = `htx-replica-${round}`;
      const name = `HTX Bản sao ${round}`;
      const written = await writer!.gql(REGISTER_SUBJECT, { input: subjectInput({ id, name }) });
      expect(written.errors).toBeUndefined();
      const position = (written as { extensions?: { position?: string } }).extensions?.position;
      expect(position).toMatch(/^\d+:\d+$/);
      const read = await reader!.post(JSON.stringify({ query: READ, variables: { id } }), {
        'x-ocop-min-position': position!,
      });
      expect({ round, status: read.status, data: read.data }).toEqual({
        round,
        status: 200,
        data: { subject: { name } },
      });
    }
  });

  it('should answer UNAVAILABLE with the lag for a position no replica has reached', async () => {
    const read = await replicas[1]!.post(JSON.stringify({ query: READ, variables: { id: 'htx-replica-0' } }), {
      'x-ocop-min-position': '999999999:999999999',
    });
    expect(read.status).toBe(503);
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', lag: { events: 0 } });
  });

  it('should report on /readyz that both replicas have caught up with the same head', async () => {
    const ready = await Promise.all(replicas.map(async (replica) => JSON.parse((await replica.get('/readyz')).body)));
    await new Promise((resolve) => setTimeout(resolve, 600)); // a replica looks at the file every 250 ms
    const later = await Promise.all(replicas.map(async (replica) => JSON.parse((await replica.get('/readyz')).body)));
    expect(ready.map((r) => r.status)).toEqual(['ready', 'ready']);
    expect(later.map((r) => r.lag)).toEqual([later[0].lag, later[0].lag]);
    expect(later[0].lag).toMatchObject({ events: 0, seconds: 0 });
  });
});
