import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from '../support/childServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';

/**
 * Two service processes over one SQLite file, as two servers behind a load balancer. Each follows the
 * log on its own (it looks at the file every 250 ms), yet a registration looks at the head of the log
 * before it checks for another spelling, so what the other server recorded is found at once. Two
 * spellings sent to the two servers at the same moment are not covered (see src/application/uniqueIds.ts).
 */
describe('two servers over one store: ids unique regardless of case', () => {
  let dir: string;
  let servers: ChildServer[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-case-ids-'));
    const env = { OCOP_SQLITE_PATH: join(dir, 'ocop.db') };
    const first = await startChildServer({ env });
    servers = [first, await startChildServer({ env })];
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse on one server, right away, a spelling the other server has recorded', async () => {
    for (let round = 0; round < 4; round++) {
      const [first, second] = round % 2 === 0 ? servers : [...servers].reverse();
      const id = `Htx-Hai-May-${round}`;
      const recorded = await first!.gql(REGISTER_SUBJECT, { input: subjectInput({ id }) });
      expect(recorded.errors).toBeUndefined();
      const twin = await second!.gql(REGISTER_SUBJECT, { input: subjectInput({ id: id.toLowerCase() }) });
      expect({ round, code: twin.errors?.[0]?.extensions?.code, message: twin.errors?.[0]?.message }).toEqual({
        round,
        code: 'CONFLICT',
        message: `Subject ${id} already exists: ids are unique regardless of case`,
      });
    }
  });
});
