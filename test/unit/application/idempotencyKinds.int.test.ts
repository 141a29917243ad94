import { createRegistry } from '../../../src/application/registry';
import type { EventStore } from '../../../src/eventStore/eventStore';
import { subjectStreamId } from '../../../src/domain/subject/events';
import { testContext } from '../../support/fixtures';
import { readAllEvents, tempSqliteStore } from '../../support/tempStore';

const LINKAGE = { subjectId: 'htx', partnerName: 'Siêu thị', kind: 'CONSUMPTION', startedOn: '2024-04-01' } as const;

describe('Idempotency keys and the kind of command', () => {
  let store: EventStore;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    ({ store, cleanup } = tempSqliteStore());
  });
  afterEach(() => cleanup());

  it('should match an event recorded before kinds were kept to a command of any kind, as before', async () => {
    // A registration as the handler stored it before it kept `commandType`: same commandId and office.
    await store.append(
      subjectStreamId('htx'),
      [
        {
          type: 'SubjectRegistered',
          data: { subjectId: 'htx', name: 'HTX', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
          metadata: {
            commandId: 'c-1',
            commandHash: 'an-older-command',
            correlationId: 'corr',
            causationId: null,
            actor: { id: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '06' },
            recordedAt: '2024-03-01T00:00:00.000Z',
            schemaVersion: 1,
            prevHash: '0'.repeat(64),
            hash: '1'.repeat(64),
          },
        },
      ],
      'no_stream',
    );
    const registry = createRegistry(store);
    await expect(registry.recordLinkage(LINKAGE, testContext({ commandId: 'c-1' }))).rejects.toThrow(
      'This commandId was already used for a different command',
    );
    await registry.recordLinkage(LINKAGE, testContext({ commandId: 'c-2' }));
    expect((await readAllEvents(store)).map((e) => e.metadata['commandType'])).toEqual([undefined, 'RecordLinkage']);
  });
});
