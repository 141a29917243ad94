import { createRegistry } from '../../../src/application/registry';
import { pendingProposal } from '../../../projections/proposals.projection';
import { replayLog } from '../../../projections/replay';
import type { JsonObject } from '../../../src/core/json';
import { upcast } from '../../../src/domain/upcast';
import type { EventStore, NewEvent } from '../../../src/eventStore/eventStore';
import { testContext } from '../../support/fixtures';
import { readAllEvents, tempSqliteStore } from '../../support/tempStore';

/**
 * A log recorded under the earlier rules: version-1 `ProductEvaluated` events (no outcome, no part
 * scores), a district 78 that issued a 3★ certificate and a proposal, and terms counted one day short.
 * Those events stay as they were; reads and new commands work over them.
 */
const v1 = (type: string, data: JsonObject, schemaVersion: number | null = 1): NewEvent => ({
  type,
  data,
  metadata: schemaVersion === null ? { commandId: `old-${type}` } : { commandId: `old-${type}`, schemaVersion },
});
const OLD_PRODUCT_STREAM: NewEvent[] = [
  v1('ProductRegistered', {
    productId: 'tra',
    subjectId: 'htx',
    districtCode: '066',
    name: 'Trà hoa vàng',
    group: 'DRINKS',
    registrationKind: 'NEW',
    registeredOn: '2024-03-10',
  }),
  v1('ProductEvaluated', {
    productId: 'tra',
    evaluationNo: 1,
    level: 'DISTRICT',
    score: 78,
    scoreStars: 4,
    stars: 3,
    proposedToHigherLevel: true,
    decisionNo: 'H-78',
    decidedOn: '2024-10-20',
    certificateId: 'tra.C1',
  }),
  v1('CertificateIssued', {
    productId: 'tra',
    certificateId: 'tra.C1',
    evaluationNo: 1,
    stars: 3,
    level: 'DISTRICT',
    decisionNo: 'H-78',
    issuedOn: '2024-10-20',
    expiresOn: '2027-10-19',
    supersedes: null,
  }),
  // Recorded before events carried a schema version at all: read as version 1.
  v1(
    'ProductEvaluated',
    {
      productId: 'tra',
      evaluationNo: 2,
      level: 'PROVINCE',
      score: 45,
      scoreStars: 2,
      stars: 2,
      proposedToHigherLevel: false,
      decisionNo: 'T-45',
      decidedOn: '2024-11-20',
      certificateId: null,
    },
    null,
  ),
];
const OLD_SUBJECT_STREAM: NewEvent[] = [
  v1('SubjectRegistered', {
    subjectId: 'htx',
    name: 'HTX Na Rì',
    kind: 'COOPERATIVE',
    districtCode: '066',
    registeredOn: '2024-03-01',
  }),
];

describe('A log recorded under the earlier evaluation rules', () => {
  let store: EventStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = tempSqliteStore());
    await store.append('ocop-subject-htx', OLD_SUBJECT_STREAM, 'no_stream');
    await store.append('ocop-product-tra', OLD_PRODUCT_STREAM, 'no_stream');
  });
  afterEach(() => cleanup());

  it('should read version-1 evaluations with the outcome they had and no part scores', async () => {
    const [, first, , second] = (await readAllEvents(store)).filter((e) => e.streamId === 'ocop-product-tra');
    expect(upcast(first!).data).toMatchObject({ outcome: 'RECOGNISED', parts: null, proposedToHigherLevel: true });
    expect(upcast(second!).data).toMatchObject({ outcome: 'NOT_RECOGNISED', parts: null });
  });

  it('should replay to the read models as before for what the rules do not change', async () => {
    const { models } = await replayLog(store);
    expect(models.certificates.get('tra.C1')).toEqual({
      id: 'tra.C1',
      productId: 'tra',
      stars: 3,
      level: 'DISTRICT',
      decisionNo: 'H-78',
      issuedOn: '2024-10-20',
      expiresOn: '2027-10-19', // as recorded: the term of a past decision is not recounted
      supersedes: null,
      supersededBy: null,
      revocation: null,
    });
    expect(models.products.get('tra')!.evaluations.map((e) => [e.evaluationNo, e.outcome, e.stars])).toEqual([
      [1, 'RECOGNISED', 3],
      [2, 'NOT_RECOGNISED', 2],
    ]);
    // The old district proposal was closed by the province's evaluation.
    expect(pendingProposal({ models, day: '2024-12-20' }, 'tra')).toBeNull();
    expect(models.proposals.get('tra')).toMatchObject([{ fromLevel: 'DISTRICT', status: 'EVALUATED', closedBy: 2 }]);
  });

  it('should never rewrite the old events, and decide new commands on top of them under the new rules', async () => {
    const before = await readAllEvents(store);
    const registry = createRegistry(store);
    const centre = testContext({ actor: { id: 'council', role: 'NATIONAL_COUNCIL', unit: 'VN' } });
    await expect(
      registry.awardStars(
        { productId: 'tra', level: 'NATIONAL', score: 85, decisionNo: 'TW-1', decidedOn: '2025-03-01' },
        centre,
      ),
    ).resolves.toMatchObject({ events: [{ type: 'ProductEvaluated', data: { outcome: 'NOT_RECOGNISED' } }] });
    const after = await readAllEvents(store);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)!.metadata['schemaVersion']).toBe(2);
  });
});
