import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type { KeyProductCommand } from '../../../src/domain/keyProduct/commands';
import { keyProductDecider } from '../../../src/domain/keyProduct/decide';
import type { KeyProductEvent } from '../../../src/domain/keyProduct/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY } from '../../support/fixtures';

const product = {
  productId: 'mien-dong',
  registeredOn: '2024-02-01',
  placement: { districtCode: '066', communes: [{ code: '02155', on: '2024-02-01' }] },
};
const designate = (overrides: Partial<Extract<KeyProductCommand, { type: 'DesignateKeyProduct' }>> = {}) =>
  ({
    type: 'DesignateKeyProduct',
    productId: 'mien-dong',
    product,
    level: 'DISTRICT',
    decisionNo: '12/QĐ-UBND',
    decidedOn: '2024-06-01',
    today: TODAY,
    ...overrides,
  }) as KeyProductCommand;
const designated: KeyProductEvent = {
  type: 'KeyProductDesignated',
  data: {
    productId: 'mien-dong',
    level: 'DISTRICT',
    unitCode: '066',
    decisionNo: '12/QĐ-UBND',
    decidedOn: '2024-06-01',
  },
};

describe('Key product', () => {
  const spec = deciderSpec(keyProductDecider);
  it("should designate a district key product in its subject's district", () => {
    spec.given([]).when(designate()).then([designated]);
  });
  it('should designate a provincial key product in the province of the decision day', () => {
    spec
      .given([])
      .when(designate({ level: 'PROVINCE', decidedOn: '2025-08-01' }))
      .thenMatches([{ data: { level: 'PROVINCE', unitCode: '19' } }]);
  });
  it('should designate a commune key product from 2025-07-01, in the commune the old one became', () => {
    spec
      .given([])
      .when(designate({ level: 'COMMUNE', decidedOn: '2025-08-01' }))
      .thenMatches([{ data: { level: 'COMMUNE', unitCode: expect.stringMatching(/^\d{5}$/) } }]);
  });
  it('should refuse a district key product decided after the districts ended', () => {
    spec
      .given([])
      .when(designate({ decidedOn: '2025-07-01' }))
      .thenThrows(ValidationError, /districts ended/);
  });
  it('should refuse a commune key product decided before 2025-07-01', () => {
    spec
      .given([])
      .when(designate({ level: 'COMMUNE' }))
      .thenThrows(ValidationError, /from 2025-07-01/);
  });
  it('should refuse a product that does not exist', () => {
    spec
      .given([])
      .when(designate({ product: null }))
      .thenThrows(NotFoundError, /mien-dong/);
  });
  it('should refuse the same level twice while in force', () => {
    spec
      .given([designated])
      .when(designate())
      .thenThrows(IllegalStateError, /already a DISTRICT key product/);
  });
  it('should end a designation, and then allow a new one', () => {
    const end: KeyProductCommand = {
      type: 'EndKeyProduct',
      productId: 'mien-dong',
      level: 'DISTRICT',
      decisionNo: '20/QĐ-UBND',
      endedOn: '2024-12-01',
      today: TODAY,
    };
    spec
      .given([designated])
      .when(end)
      .then([
        {
          type: 'KeyProductDesignationEnded',
          data: { productId: 'mien-dong', level: 'DISTRICT', decisionNo: '20/QĐ-UBND', endedOn: '2024-12-01' },
        },
      ]);
    spec
      .given([
        designated,
        ...keyProductDecider.decide(end, keyProductDecider.evolve(keyProductDecider.initialState(), designated)),
      ])
      .when(designate({ decidedOn: '2025-01-10' }))
      .thenMatches([{ type: 'KeyProductDesignated' }]);
  });
  it('should refuse to end a designation that is not in force', () => {
    spec
      .given([])
      .when({
        type: 'EndKeyProduct',
        productId: 'mien-dong',
        level: 'PROVINCE',
        decisionNo: 'x',
        endedOn: '2024-12-01',
        today: TODAY,
      })
      .thenThrows(IllegalStateError, /not a PROVINCE key product/);
  });
});
