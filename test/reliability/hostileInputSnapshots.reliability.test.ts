import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgeSnapshot } from '../cli/forgeSnapshot';
import { type ChildServer, startChildServer } from '../support/childServer';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';

const GENUINE = 'Miến dong Na Rì';
const INJECTED = 'Hàng giả, đừng mua';
const CERTIFICATE = 'mien-dong.C1';

/**
 * A read-model snapshot rewritten on disk by someone who cannot sign it: its text changed, then its
 * SHA-256 and length recomputed, against the compiled server in production mode. The next start must
 * refuse it in one line and replay the log, and neither the API nor the public page may show the text.
 */
describe('A forged read-model snapshot', () => {
  let dir: string;
  let server: ChildServer | undefined;
  const env = () => ({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    OCOP_SQLITE_PATH: join(dir, 'ocop.db'),
    OCOP_SEED_PLAN: 'false',
    OCOP_SNAPSHOT_EVERY_EVENTS: '1',
  });
  const snapshots = () =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.snapshot'))
      .map((name) => join(dir, name));
  const anonymousName = async (running: ChildServer) => {
    const response = await fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ certificate(id: "${CERTIFICATE}") { product { name } } }` }),
    });
    return ((await response.json()) as { data: { certificate: { product: { name: string } } } }).data.certificate
      .product.name;
  };

  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'ocop-forged-'))));
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should be refused in one line, the log replayed, and its text shown nowhere', async () => {
    server = await startChildServer({ env: env() });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput({ name: GENUINE }) });
    expect((await server.gql(AWARD_STARS, { input: awardInput() })).errors).toBeUndefined();
    const deadline = Date.now() + 15_000;
    // The service removes all but the newest two as it writes: one may go between listing and reading.
    const holdsCertificate = (file: string) => {
      try {
        return readFileSync(file, 'utf8').includes(CERTIFICATE);
      } catch {
        return false;
      }
    };
    while (!snapshots().some(holdsCertificate)) {
      if (Date.now() > deadline) throw new Error(`no snapshot of the certificate:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await server.kill();
    expect(snapshots().map((file) => statSync(file).mode & 0o777)).toEqual(snapshots().map(() => 0o600));
    expect(statSync(join(dir, 'ocop.db')).mode & 0o777).toBe(0o600);

    const forged = snapshots().filter(holdsCertificate);
    for (const file of forged) forgeSnapshot(file, GENUINE, INJECTED, 'signed');

    server = await startChildServer({ env: env() });
    const output = server.output();
    for (const file of forged) {
      const lines = output.split('\n').filter((line) => line.includes(file));
      expect(lines).toEqual([expect.stringContaining("is not signed with this service's key")]);
    }
    expect(await anonymousName(server)).toBe(GENUINE);
    const page = await server.get(`/c/${CERTIFICATE}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(GENUINE);
    expect(page.body).not.toContain(INJECTED);
  });
});
