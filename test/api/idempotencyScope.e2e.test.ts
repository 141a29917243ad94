import { asDistrictOfficer, type TestServer, startTestServer } from '../support/testServer';
import { RECORD_LINKAGE, RECORD_SUPPORT, REGISTER_SUBJECT, subjectInput } from '../support/operations';

describe('A commandId is one office’s key', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const support = {
    subjectId: 'htx-chung',
    programme: 'CONSOLIDATION',
    providedOn: '2024-06-01',
    description: 'Tập huấn',
    commandId: 'k-1',
  };
  const linkage = {
    subjectId: 'htx-chung',
    partnerName: 'Siêu thị',
    kind: 'CONSUMPTION',
    startedOn: '2024-05-01',
    commandId: 'k-1',
  };

  it('should let two district offices use one commandId on their own subjects', async () => {
    const a = await server.gql(
      REGISTER_SUBJECT,
      { input: subjectInput({ id: 'htx-066', districtCode: '066', commandId: 'dang-ky-1' }) },
      asDistrictOfficer('066'),
    );
    const b = await server.gql(
      REGISTER_SUBJECT,
      { input: subjectInput({ id: 'htx-061', districtCode: '061', commandId: 'dang-ky-1' }) },
      asDistrictOfficer('061'),
    );
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
  });

  it('should decide another office’s command with the same commandId on the same subject, not refuse it', async () => {
    expect((await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-chung' }) })).errors).toBeUndefined();
    const byDistrict = await server.gql(RECORD_SUPPORT, { input: support }, asDistrictOfficer('066'));
    expect(byDistrict.errors).toBeUndefined();
    const byProvince = await server.gql(RECORD_LINKAGE, { input: linkage });
    expect(byProvince.errors).toBeUndefined();
    expect(byProvince.data).toMatchObject({ recordLinkage: { linkages: [{ partnerName: 'Siêu thị' }] } });
  });

  it('should answer the same office’s repeat with the earlier result and append nothing', async () => {
    const before = await server.eventCount();
    const again = await server.gql(RECORD_SUPPORT, { input: support }, asDistrictOfficer('066'));
    expect(again.errors).toBeUndefined();
    expect(await server.eventCount()).toBe(before);
    const changed = await server.gql(
      RECORD_SUPPORT,
      { input: { ...support, description: 'Khác' } },
      asDistrictOfficer('066'),
    );
    expect(changed.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await server.eventCount()).toBe(before);
  });
});

describe('A commandId is one office’s key for one kind of command', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const linkage = {
    subjectId: 'htx-viec',
    partnerName: 'Siêu thị',
    kind: 'CONSUMPTION',
    startedOn: '2024-05-01',
    commandId: 'viec-1',
  };

  it('should decide the same office’s command of another kind with that commandId on the same subject', async () => {
    const registered = await server.gql(REGISTER_SUBJECT, {
      input: subjectInput({ id: 'htx-viec', commandId: 'viec-1' }),
    });
    expect(registered.errors).toBeUndefined();
    const linked = await server.gql(RECORD_LINKAGE, { input: linkage });
    expect(linked.errors).toBeUndefined();
    expect(linked.data).toMatchObject({ recordLinkage: { linkages: [{ partnerName: 'Siêu thị' }] } });
    const supported = await server.gql(RECORD_SUPPORT, {
      input: {
        subjectId: 'htx-viec',
        programme: 'OTHER',
        providedOn: '2024-06-01',
        description: 'Tập huấn',
        commandId: 'viec-1',
      },
    });
    expect(supported.errors).toBeUndefined();
  });

  it('should still answer a repeat of the same kind with the earlier result, appending nothing', async () => {
    const before = await server.eventCount();
    const again = await server.gql(RECORD_LINKAGE, { input: linkage });
    expect(again.errors).toBeUndefined();
    expect(again.data).toMatchObject({ recordLinkage: { linkages: [{ partnerName: 'Siêu thị' }] } });
    expect(await server.eventCount()).toBe(before);
  });

  it('should record the kind of command with each event', async () => {
    const events = (await server.events()).filter((e) => e.streamId === 'ocop-subject-htx-viec');
    expect(events.map((e) => [e.type, e.metadata['commandType']])).toEqual([
      ['SubjectRegistered', 'RegisterSubject'],
      ['LinkageRecorded', 'RecordLinkage'],
      ['SupportRecorded', 'RecordSupport'],
    ]);
  });

  it('should let two offices record the same kind of command with one commandId on one subject', async () => {
    const support = {
      subjectId: 'htx-viec',
      programme: 'CONSOLIDATION',
      providedOn: '2024-06-01',
      description: 'Bao bì',
      commandId: 'ho-tro-chung',
    };
    const byDistrict = await server.gql(RECORD_SUPPORT, { input: support }, asDistrictOfficer('066'));
    expect(byDistrict.errors).toBeUndefined();
    const byProvince = await server.gql(RECORD_SUPPORT, { input: support });
    expect(byProvince.errors).toBeUndefined();
    const ids = (
      byProvince.data as { recordSupport: { supports: { id: string; description: string }[] } }
    ).recordSupport.supports
      .filter((s) => s.description === 'Bao bì')
      .map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
  });
});
