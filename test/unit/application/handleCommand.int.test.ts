import { ConcurrencyError, IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import { GENESIS_HASH, hashEvent } from '../../../src/application/hashChain';
import { handleCommand } from '../../../src/application/handleCommand';
import { type Registry, createRegistry } from '../../../src/application/registry';
import { productDecider } from '../../../src/domain/product/decide';
import type { EventStore } from '../../../src/eventStore/eventStore';
import { testContext } from '../../support/fixtures';
import { readAllEvents, tempSqliteStore } from '../../support/tempStore';

describe('Command handling on a SQLite file', () => {
  let store: EventStore;
  let registry: Registry;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = tempSqliteStore());
    registry = createRegistry(store);
    await registry.registerSubject(
      { subjectId: 'htx', name: 'HTX Na Rì', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
      testContext(),
    );
    await registry.registerProduct(
      {
        productId: 'p1',
        subjectId: 'htx',
        name: 'Miến dong',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-10',
      },
      testContext(),
    );
  });
  afterEach(() => cleanup());

  const award = (decisionNo: string, score = 62) =>
    registry.awardStars(
      { productId: 'p1', level: 'DISTRICT', score, decisionNo, decidedOn: '2024-10-15' },
      testContext(),
    );

  it('should append with the metadata of every event: ids, actor, time, schema version', async () => {
    const context = testContext({ commandId: 'c-award', correlationId: 'corr-9', causationId: 'cause-1' });
    const result = await registry.awardStars(
      { productId: 'p1', level: 'DISTRICT', score: 62, decisionNo: 'D-1', decidedOn: '2024-10-15' },
      context,
    );
    expect(result.events.map((e) => e.type)).toEqual(['ProductEvaluated', 'CertificateIssued']);
    const stored = (await readAllEvents(store)).filter((e) => e.streamId === 'ocop-product-p1');
    expect(stored[1]!.metadata).toMatchObject({
      commandId: 'c-award',
      correlationId: 'corr-9',
      causationId: 'cause-1',
      actor: { id: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '06' },
      recordedAt: '2026-11-28T03:00:00.000Z',
      schemaVersion: 2, // ProductEvaluated's current shape: with its outcome and part scores
    });
    expect(stored[2]!.metadata).toMatchObject({ commandId: 'c-award', schemaVersion: 1 }); // CertificateIssued
  });

  it('should chain every event of a stream to the one before by hash', async () => {
    await award('D-1');
    await award('D-2', 65);
    const stream = (await readAllEvents(store)).filter((e) => e.streamId === 'ocop-product-p1');
    expect(stream).toHaveLength(6);
    let prev = GENESIS_HASH;
    for (const event of stream) {
      expect(event.metadata['prevHash']).toBe(prev);
      expect(event.metadata['hash']).toBe(hashEvent(event));
      prev = String(event.metadata['hash']);
    }
  });

  it('should read the target stream once per command, and the owning subject once for a product', async () => {
    const reads: string[] = [];
    const counting: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (id: string, options?: Parameters<EventStore['readStream']>[1]) => {
        reads.push(id);
        return store.readStream(id, options);
      },
    });
    const counted = createRegistry(counting);
    await counted.awardStars(
      { productId: 'p1', level: 'DISTRICT', score: 62, decisionNo: 'D-1', decidedOn: '2024-10-15' },
      testContext(),
    );
    expect(reads).toEqual(['ocop-product-p1']);
    reads.length = 0;
    await counted.registerProduct(
      {
        productId: 'p2',
        subjectId: 'htx',
        name: 'Bánh',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-10',
      },
      testContext(),
    );
    expect(reads).toEqual(['ocop-subject-htx', 'ocop-product-p2']);
  });

  it('should answer a repeated commandId with the earlier events and append nothing', async () => {
    const context = testContext({ commandId: 'retry-me' });
    const input = {
      productId: 'p1',
      level: 'DISTRICT' as const,
      score: 62,
      decisionNo: 'D-1',
      decidedOn: '2024-10-15',
    };
    const first = await registry.awardStars(input, context);
    const before = (await readAllEvents(store)).length;
    const second = await registry.awardStars(input, { ...context, now: new Date('2026-11-29T03:00:00Z') });
    expect(second.repeated).toBe(true);
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(second.position).toEqual(first.position);
    expect(await readAllEvents(store)).toHaveLength(before);
  });

  it('should refuse a commandId reused for a different command', async () => {
    const context = testContext({ commandId: 'same' });
    await award('D-1');
    await registry.recordTraceability({ productId: 'p1', system: 'check.vn', enabledOn: '2024-06-01' }, context);
    await expect(
      registry.recordTraceability({ productId: 'p1', system: 'other', enabledOn: '2024-06-01' }, context),
    ).rejects.toBeInstanceOf(IllegalStateError);
  });

  it('should derive the same id for a retried creation without an explicit id', async () => {
    const context = testContext({ commandId: 'create-once' });
    const input = { name: 'HTX Ba Bể', kind: 'COOPERATIVE' as const, districtCode: '061', registeredOn: '2024-04-01' };
    const first = await registry.registerSubject(input, context);
    const second = await registry.registerSubject(input, context);
    expect(second.repeated).toBe(true);
    expect(second.events[0]!.streamId).toBe(first.events[0]!.streamId);
  });

  it.each([
    [
      'an unknown product',
      () =>
        registry.awardStars(
          { productId: 'nope', level: 'DISTRICT', score: 60, decisionNo: 'X', decidedOn: '2024-10-15' },
          testContext(),
        ),
      NotFoundError,
    ],
    ['a score above 100', () => award('D-9', 120), ValidationError],
    [
      'an unknown certificate',
      () =>
        registry.revokeCertificate(
          { certificateId: 'nonsense', reason: 'OTHER', details: 'x', decisionNo: 'R', decidedOn: '2025-01-01' },
          testContext(),
        ),
      NotFoundError,
    ],
    [
      'a product of a missing subject',
      () =>
        registry.registerProduct(
          {
            productId: 'p2',
            subjectId: 'ghost',
            name: 'X',
            group: 'FOOD',
            registrationKind: 'NEW',
            registeredOn: '2024-03-10',
          },
          testContext(),
        ),
      NotFoundError,
    ],
  ])('should append nothing when refusing %s', async (_name, run, errorClass) => {
    const before = (await readAllEvents(store)).length;
    await expect(run()).rejects.toBeInstanceOf(errorClass);
    expect(await readAllEvents(store)).toHaveLength(before);
  });

  it('should let two racing revocations end in one success and one refusal after a retry', async () => {
    await award('D-1');
    const revoke = (decisionNo: string) =>
      registry.revokeCertificate(
        {
          certificateId: 'p1.C1',
          reason: 'MARK_MISUSE',
          details: 'Mark on other goods',
          decisionNo,
          decidedOn: '2025-02-01',
        },
        // A district certificate, revoked before 2025-07-01: by the district that recognised it.
        testContext({ actor: { id: 'officer-2', role: 'DISTRICT_OFFICER', unit: '066' } }),
      );
    const outcomes = await Promise.allSettled([revoke('R-1'), revoke('R-2')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(IllegalStateError); // re-read after the conflict: already REVOKED
    const revocations = (await readAllEvents(store)).filter((e) => e.type === 'CertificateRevoked');
    expect(revocations).toHaveLength(1);
  });

  it('should let two racing awards both land, the loser re-deciding on fresh state', async () => {
    const outcomes = await Promise.all([award('D-1', 62), award('D-2', 65)]);
    const stream = (await readAllEvents(store)).filter((e) => e.streamId === 'ocop-product-p1');
    expect(stream.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(stream.filter((e) => e.type === 'CertificateSuperseded')).toHaveLength(1);
    expect(new Set(outcomes.flatMap((o) => o.events.map((e) => e.id))).size).toBe(5);
  });

  it('should give up with CONFLICT after the bounded retries', async () => {
    let appends = 0;
    const busy: EventStore = Object.assign(Object.create(store) as EventStore, {
      append: async (
        id: string,
        events: Parameters<EventStore['append']>[1],
        expected: Parameters<EventStore['append']>[2],
      ) => {
        appends++;
        // Another writer always gets there first.
        const noise = { productId: 'p1', system: `noise-${appends}`, enabledOn: '2024-06-01' };
        await store.append(id, [{ type: 'TraceabilityRecorded', data: noise }], 'any');
        return store.append(id, events, expected);
      },
    });
    const command = {
      type: 'RecordTraceability' as const,
      productId: 'p1',
      system: 's',
      enabledOn: '2024-06-01',
      today: '2026-11-28',
    };
    await expect(
      handleCommand(busy, 'ocop-product-p1', productDecider, command, testContext(), { maxRetries: 2 }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(appends).toBe(3);
  });
});
