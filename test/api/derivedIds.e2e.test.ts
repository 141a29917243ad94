import { type TestServer, startTestServer } from '../support/testServer';
import { RECORD_LINKAGE, RECORD_SUPPORT, REGISTER_SUBJECT, subjectInput } from '../support/operations';

describe('Ids derived from a commandId', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    for (const id of ['htx-mot', 'htx-hai']) {
      const registered = await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id }) });
      expect(registered.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  it('should name two linkages recorded on two subjects with one commandId differently', async () => {
    const ids = [];
    for (const subjectId of ['htx-mot', 'htx-hai']) {
      const input = {
        subjectId,
        partnerName: 'Siêu thị Bắc Kạn',
        kind: 'CONSUMPTION',
        startedOn: '2024-05-01',
        commandId: 'lien-ket-1',
      };
      const answer = await server.gql(RECORD_LINKAGE, { input });
      expect(answer.errors).toBeUndefined();
      ids.push((answer.data as { recordLinkage: { linkages: { id: string }[] } }).recordLinkage.linkages[0]!.id);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('should name two supports recorded on two subjects with one commandId differently', async () => {
    const ids = [];
    for (const subjectId of ['htx-mot', 'htx-hai']) {
      const input = {
        subjectId,
        programme: 'CONSOLIDATION',
        providedOn: '2024-06-01',
        description: 'Tập huấn',
        commandId: 'ho-tro-1',
      };
      const answer = await server.gql(RECORD_SUPPORT, { input });
      expect(answer.errors).toBeUndefined();
      ids.push((answer.data as { recordSupport: { supports: { id: string }[] } }).recordSupport.supports[0]!.id);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });
});
