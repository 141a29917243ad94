import type { DomainEvent } from '../../../src/core/decider';
import { applyEvent, createReadModels } from '../../../projections';
import { issuedByOf, revokedByOf } from '../../../projections/certificates.projection';
import { evaluationPurposeOf } from '../../../projections/products.projection';
import { productDecider } from '../../../src/domain/product/decide';
import type { ProductCommand } from '../../../src/domain/product/commands';
import type { ProductEvent } from '../../../src/domain/product/events';
import { TODAY, productRegistered, subjectRegistered } from '../../support/fixtures';

/** The events the decider writes today for `commands`, after the product's registration. */
function decided(...commands: ProductCommand[]): ProductEvent[] {
  return commands.reduce<ProductEvent[]>(
    (events, command) => [
      ...events,
      ...productDecider.decide(command, events.reduce(productDecider.evolve, productDecider.initialState())),
    ],
    [productRegistered({ registeredOn: '2021-03-01' })],
  );
}

/** The same events as a log recorded before purposes and authorities were kept. */
const asOldLog = (events: readonly ProductEvent[]): DomainEvent[] =>
  events.map((event) => {
    const { purpose: _p, decidedBy: _d, issuedBy: _i, ...data } = event.data as Record<string, unknown>;
    return { type: event.type, data } as DomainEvent;
  });

const award = (level: 'DISTRICT' | 'PROVINCE', score: number, decisionNo: string, decidedOn: string) =>
  ({ type: 'AwardStars', productId: 'mien-dong', level, score, decisionNo, decidedOn, today: TODAY }) as const;

const history = decided(
  award('DISTRICT', 60, 'H-1', '2022-05-10'),
  award('PROVINCE', 75, 'T-1', '2024-03-01'),
  award('PROVINCE', 66, 'T-2', '2028-01-20'),
  {
    type: 'RevokeCertificate',
    productId: 'mien-dong',
    certificateId: 'mien-dong.C3',
    reason: 'QUALITY_NOT_MAINTAINED',
    details: 'Kiểm tra không đạt',
    decisionNo: 'TH-1',
    decidedOn: '2028-06-01',
    today: TODAY,
  },
);

function modelsOf(events: readonly DomainEvent[]) {
  const models = createReadModels();
  for (const event of [subjectRegistered({ registeredOn: '2021-02-01' }), ...events]) applyEvent(models, event);
  return models;
}

describe('Issuers, revokers and purposes read from a log recorded before they were kept', () => {
  const now = modelsOf(history);
  const old = modelsOf(asOldLog(history));

  it('should name the same issuers as the events recorded today', () => {
    const issuers = (models: ReturnType<typeof modelsOf>) =>
      [...models.certificates.values()].map((c) => issuedByOf(models, c));
    expect(issuers(old)).toEqual(issuers(now));
    expect(issuers(now)).toEqual([
      { level: 'DISTRICT', unitCode: '066' },
      { level: 'PROVINCE', unitCode: '06' },
      { level: 'PROVINCE', unitCode: '19' },
    ]);
  });
  it('should name the same revoker', () => {
    const c3 = (models: ReturnType<typeof modelsOf>) => revokedByOf(models, models.certificates.get('mien-dong.C3')!);
    expect(c3(old)).toEqual(c3(now));
    expect(c3(now)).toEqual({ level: 'PROVINCE', unitCode: '19' });
  });
  it('should derive the same purposes', () => {
    const purposes = (models: ReturnType<typeof modelsOf>) =>
      models.products.get('mien-dong')!.evaluations.map((e) => evaluationPurposeOf(models, 'mien-dong', e));
    expect(purposes(old)).toEqual(purposes(now));
    expect(purposes(now)).toEqual(['FIRST', 'UPGRADE', 'RENEWAL']);
  });
});
