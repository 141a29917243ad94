import Database from 'better-sqlite3';
import { REGISTER_PRODUCT, REGISTER_SUBJECT, productInput, subjectInput } from '../support/operations';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

const AUDITOR = bearer({ sub: 'auditor-1', role: 'AUDITOR', unit: '06' });
const VERIFY = '{ verifyAuditTrail(streamId: "ocop-product-mien-dong") { intact firstBreak { revision } } }';
const TRAIL = '{ auditTrail(streamId: "ocop-product-mien-dong") { revision data } }';

/** Changes a stored event's data in the SQLite file, behind the running service's back. */
function tamper(path: string): void {
  const db = new Database(path);
  try {
    const row = db
      .prepare("SELECT position, data FROM events WHERE stream_id = 'ocop-product-mien-dong' AND revision = 0")
      .get() as { position: number; data: string };
    const data = { ...JSON.parse(row.data), name: 'Miến dong (đã sửa)' };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), row.position);
  } finally {
    db.close();
  }
}

// The edit goes into the SQLite file; the EventStoreDB adapter has no file to edit.
const onSqlite = process.env['OCOP_TEST_STORE'] === 'esdb' ? describe.skip : describe;

onSqlite('Answers that read the store are never remembered', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { answers: { maxBytes: 8 << 20 } } });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
    await server.gql(REGISTER_PRODUCT, { input: productInput() });
    // Asked once while the file is as the service wrote it: an answer that could be remembered would be now.
    const verified = await server.gqlAs(AUDITOR, VERIFY);
    expect(verified.data).toEqual({ verifyAuditTrail: { intact: true, firstBreak: null } });
    expect((await server.gqlAs(AUDITOR, TRAIL)).errors).toBeUndefined();
    tamper(server.sqlitePath!);
  });
  afterAll(() => server.close());

  it('should name the break when a stream is verified again after its file was edited', async () => {
    const after = await server.gqlAs(AUDITOR, VERIFY);
    expect(after.data).toEqual({ verifyAuditTrail: { intact: false, firstBreak: { revision: 0 } } });
  });

  it('should show the stored data as it is now in the audit trail', async () => {
    const trail = await server.gqlAs<{ auditTrail: { data: unknown }[] }>(AUDITOR, TRAIL);
    expect(trail.data!.auditTrail[0]!.data).toMatchObject({ name: 'Miến dong (đã sửa)' });
  });
});
