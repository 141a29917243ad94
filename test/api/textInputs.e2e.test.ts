import { type TestServer, startTestServer } from '../support/testServer';
import {
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';

describe('Text inputs: one spelling, nothing that hides or drives a display', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    ['a right-to-left override', 'HTX Miến dong\u202e gnoD'],
    ['only zero-width spaces', '\u200b\u200b\u200b'],
    ['ESC colour codes', '\u001b[31mHTX Miến dong\u001b[0m'],
  ])('should refuse a subject name with %s as BAD_USER_INPUT naming the field, appending nothing', async (_, name) => {
    const before = await server.eventCount();
    const response = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-hidden', name }) });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/^name /);
    expect(await server.eventCount()).toBe(before);
  });

  it('should store the NFC and NFD spellings of one product name as the same text', async () => {
    const name = 'Miến dong Na Rì';
    const subject = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-nfc' }) });
    expect(subject.errors).toBeUndefined();
    const nfd = await server.gql(REGISTER_PRODUCT, {
      input: productInput({ id: 'mien-nfd', subjectId: 'htx-nfc', name: name.normalize('NFD') }),
    });
    const nfc = await server.gql(REGISTER_PRODUCT, {
      input: productInput({ id: 'mien-nfc', subjectId: 'htx-nfc', name: name.normalize('NFC') }),
    });
    expect([nfd.errors, nfc.errors]).toEqual([undefined, undefined]);
    const read = await server.gql(`{ a: product(id: "mien-nfd") { name } b: product(id: "mien-nfc") { name } }`);
    expect(read.data).toEqual({ a: { name: name.normalize('NFC') }, b: { name: name.normalize('NFC') } });
  });

  it('should refuse a certificate number with ESC colour codes as BAD_USER_INPUT naming the field, not quote it back', async () => {
    const before = await server.eventCount();
    const certificateId = '\u001b[31mmien-dong.C1\u001b[0m';
    const response = await server.gql(REVOKE, { input: revokeInput({ certificateId }) });
    expect([response.data ?? null, response.errors?.[0]?.extensions?.['code']]).toEqual([null, 'BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toBe('certificateId must not contain control characters');
    expect(JSON.stringify(response)).not.toContain('\\u001b');
    expect(await server.eventCount()).toBe(before);
  });
});
