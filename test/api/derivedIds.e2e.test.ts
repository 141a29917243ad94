import { idFromCommand } from '../../src/application/derivedIds';
import { handleCommand } from '../../src/application/handleCommand';
import { createRegistry } from '../../src/application/registry';
import type { RecordLinkage } from '../../src/domain/subject/commands';
import { subjectDecider } from '../../src/domain/subject/decide';
import { subjectStreamId } from '../../src/domain/subject/events';
import { testContext } from '../support/fixtures';
import { DEFAULT_OFFICER, type TestServer, asDistrictOfficer, startTestServer } from '../support/testServer';
import {
  RECORD_LINKAGE,
  RECORD_SUPPORT,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  productInput,
  subjectInput,
} from '../support/operations';

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

describe('Ids derived for a registration without one', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const registerAs = (district: string, commandId: string) =>
    server.gql<{ registerSubject: { id: string } }>(
      REGISTER_SUBJECT,
      { input: subjectInput({ id: undefined, districtCode: district, commandId }) },
      asDistrictOfficer(district),
    );

  it('should give two offices using one commandId a subject each', async () => {
    const naRi = await registerAs('066', 'dang-ky-htx');
    const baBe = await registerAs('061', 'dang-ky-htx');
    expect([naRi.errors, baBe.errors]).toEqual([undefined, undefined]);
    expect(naRi.data!.registerSubject.id).not.toBe(baBe.data!.registerSubject.id);
    expect(naRi.data!.registerSubject.id).toMatch(/^S[0-9A-F]{16}$/);
  });

  it('should land an office’s retry on the subject it registered, appending nothing', async () => {
    const first = await registerAs('066', 'dang-ky-lai');
    const before = await server.eventCount();
    const again = await registerAs('066', 'dang-ky-lai');
    expect(again.data!.registerSubject.id).toBe(first.data!.registerSubject.id);
    expect(await server.eventCount()).toBe(before);
  });

  it('should give two offices using one commandId a product each', async () => {
    const ids = [];
    for (const district of ['066', '061']) {
      const owner = await server.gql(
        REGISTER_SUBJECT,
        { input: subjectInput({ id: `htx-sp-${district}`, districtCode: district }) },
        asDistrictOfficer(district),
      );
      expect(owner.errors).toBeUndefined();
      const input = productInput({ id: undefined, subjectId: `htx-sp-${district}`, commandId: 'dang-ky-sp' });
      const product = await server.gql<{ registerProduct: { id: string } }>(
        REGISTER_PRODUCT,
        { input },
        asDistrictOfficer(district),
      );
      expect(product.errors).toBeUndefined();
      ids.push(product.data!.registerProduct.id);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('should land a retry of a registration recorded before ids were scoped on the id it was given then', async () => {
    // Recorded as registrations without an id were: under the id of the commandId alone.
    const earlier = idFromCommand('S', 'dang-ky-cu');
    const context = testContext({
      commandId: 'dang-ky-cu',
      actor: { id: 'district-officer-066', role: 'DISTRICT_OFFICER', unit: '066' },
      now: server.services.clock(),
    });
    const input = {
      name: 'HTX Miến dong Na Rì',
      kind: 'COOPERATIVE',
      districtCode: '066',
      registeredOn: '2024-03-01',
    } as const;
    const recorded = await createRegistry(server.store).registerSubject({ ...input, subjectId: earlier }, context);
    await server.services.runner.waitFor(recorded.position!);
    const before = await server.eventCount();
    const retry = await registerAs('066', 'dang-ky-cu');
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.registerSubject.id).toBe(earlier);
    expect(await server.eventCount()).toBe(before);
  });
});

describe('A retry of a linkage recorded before ids were scoped to the office', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    expect((await server.gql(REGISTER_SUBJECT, { input: subjectInput({ id: 'htx-cu' }) })).errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it.each([
    ['from the subject and the commandId', ['htx-cu']],
    ['from the commandId alone', []],
  ])('should be answered with the linkage whose id was derived %s, appending nothing', async (_how, scope) => {
    const commandId = `lien-ket-cu-${scope.length}`;
    const input = {
      subjectId: 'htx-cu',
      partnerName: 'Siêu thị',
      kind: 'CONSUMPTION',
      startedOn: '2024-05-01',
    } as const;
    const formerId = idFromCommand('L', commandId, scope);
    const { sub, role, unit } = DEFAULT_OFFICER;
    const context = testContext({ commandId, actor: { id: sub, role, unit }, now: server.services.clock() });
    const command: RecordLinkage = { type: 'RecordLinkage', ...input, linkageId: formerId, today: '2024-12-20' };
    const recorded = await handleCommand(server.store, subjectStreamId('htx-cu'), subjectDecider, command, context);
    await server.services.runner.waitFor(recorded.position!);
    const before = await server.eventCount();

    const retry = await server.gql<{ recordLinkage: { linkages: { id: string }[] } }>(RECORD_LINKAGE, {
      input: { ...input, commandId },
    });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.recordLinkage.linkages.map((l) => l.id)).toContain(formerId);
    expect(await server.eventCount()).toBe(before);
  });
});
