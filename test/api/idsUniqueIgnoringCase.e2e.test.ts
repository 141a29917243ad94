import { createRegistry } from '../../src/application/registry';
import { type TestServer, startTestServer } from '../support/testServer';
import { testContext } from '../support/fixtures';
import { REGISTER_PRODUCT, REGISTER_SUBJECT, productInput, subjectInput } from '../support/operations';

const SUBJECT = `query($id: ID!) { subject(id: $id) { id name } }`;
const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code;

describe('Ids unique regardless of case', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should keep an id as the client gave it', async () => {
    const answer = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'HTX-Na-Ri-01' }) });
    expect(answer.data).toMatchObject({ registerSubject: { id: 'HTX-Na-Ri-01' } });
  });

  it('should refuse a subject whose id differs from a recorded one only in case, naming it, and append nothing', async () => {
    expect((await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-01' }) })).errors).toBeUndefined();
    const before = await server.eventCount();
    const twin = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'HTX-01', name: 'HTX khác' }) });
    expect(codeOf(twin)).toBe('CONFLICT');
    expect(twin.errors?.[0]?.message).toContain('htx-01');
    expect(await server.eventCount()).toBe(before);
    expect((await server.gql(SUBJECT, { id: 'HTX-01' })).data).toEqual({ subject: null });
  });

  it('should refuse a product whose id differs from a recorded one only in case, naming it', async () => {
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-sp' }) });
    const first = await server.gql(REGISTER_PRODUCT, {
      input: productInput({ id: 'mien-dong-01', subjectId: 'htx-sp' }),
    });
    expect(first.errors).toBeUndefined();
    const before = await server.eventCount();
    const twin = await server.gql(REGISTER_PRODUCT, {
      input: productInput({ id: 'Mien-Dong-01', subjectId: 'htx-sp' }),
    });
    expect(codeOf(twin)).toBe('CONFLICT');
    expect(twin.errors?.[0]?.message).toContain('mien-dong-01');
    expect(await server.eventCount()).toBe(before);
  });

  it('should still answer a retry of a registration with its own id as a repeat', async () => {
    const input = subjectInput({ id: 'Htx-Retry', commandId: 'dang-ky-retry' });
    expect((await server.gql(REGISTER_SUBJECT, { input })).errors).toBeUndefined();
    const before = await server.eventCount();
    const again = await server.gql(REGISTER_SUBJECT, { input });
    expect(again.data).toMatchObject({ registerSubject: { id: 'Htx-Retry' } });
    expect(await server.eventCount()).toBe(before);
  });

  it('should let only one of several spellings registered at once succeed', async () => {
    const spellings = ['Abc-x', 'abc-X', 'ABC-X', 'aBc-x', 'abc-x', 'AbC-X'];
    const answers = await Promise.all(
      spellings.map((id) => server.gql(REGISTER_SUBJECT, { input: subjectInput({ id }) })),
    );
    const registered = answers.filter((a) => a.errors === undefined);
    expect(registered).toHaveLength(1);
    expect(answers.filter((a) => codeOf(a) === 'CONFLICT')).toHaveLength(spellings.length - 1);
    const kept = (registered[0]!.data as { registerSubject: { id: string } }).registerSubject.id;
    const stored = (await server.events()).filter((e) => e.type === 'SubjectRegistered');
    expect(stored.filter((e) => String(e.data['subjectId']).toLowerCase() === 'abc-x').length).toBe(1);
    expect(kept.toLowerCase()).toBe('abc-x');
  });

  it('should read both spellings an older log holds, each as itself, and refuse a third in favour of the earlier', async () => {
    // A registry without read models checks no spellings, as the registry did before ids were folded.
    const unchecked = createRegistry(server.store);
    const place = { name: 'HTX cũ', kind: 'COOPERATIVE' as const, districtCode: '066', registeredOn: '2024-03-01' };
    await unchecked.registerSubject(
      { ...place, subjectId: 'Old-01' },
      testContext({ commandId: 'old-a', now: server.services.clock() }),
    );
    const later = await unchecked.registerSubject(
      { ...place, subjectId: 'old-01' },
      testContext({ commandId: 'old-b', now: server.services.clock() }),
    );
    await server.services.runner.waitFor(later.position!);

    expect((await server.gql(SUBJECT, { id: 'Old-01' })).data).toMatchObject({ subject: { id: 'Old-01' } });
    expect((await server.gql(SUBJECT, { id: 'old-01' })).data).toMatchObject({ subject: { id: 'old-01' } });
    const third = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'OLD-01' }) });
    expect(codeOf(third)).toBe('CONFLICT');
    expect(third.errors?.[0]?.message).toContain('Old-01');
    const again = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'old-01' }) });
    expect(again.errors?.[0]?.message).toBe('Subject old-01 is already registered');
  });
});
