import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type { SalesPointCommand } from '../../../src/domain/salesPoint/commands';
import { salesPointDecider } from '../../../src/domain/salesPoint/decide';
import type { SalesPointEvent } from '../../../src/domain/salesPoint/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY } from '../../support/fixtures';

const registerPoint = (overrides: Partial<Extract<SalesPointCommand, { type: 'RegisterSalesPoint' }>> = {}) =>
  ({
    type: 'RegisterSalesPoint',
    salesPointId: 'dbh-na-ri',
    name: 'Điểm bán sản phẩm OCOP Na Rì',
    operatorSubjectId: 'htx-na-ri',
    operatorExists: true,
    districtCode: '066',
    address: 'Tổ 1, thị trấn Yến Lạc',
    openedOn: '2024-06-01',
    standard: '950/QĐ-BCT',
    today: TODAY,
    ...overrides,
  }) as SalesPointCommand;
const pointRegistered: SalesPointEvent = {
  type: 'SalesPointRegistered',
  data: {
    salesPointId: 'dbh-na-ri',
    name: 'Điểm bán sản phẩm OCOP Na Rì',
    operatorSubjectId: 'htx-na-ri',
    provinceCode: '06',
    districtCode: '066',
    communeCode: null,
    address: 'Tổ 1, thị trấn Yến Lạc',
    openedOn: '2024-06-01',
    standard: '950/QĐ-BCT',
  },
};
const close = (closedOn = '2025-01-15'): SalesPointCommand => ({
  type: 'CloseSalesPoint',
  salesPointId: 'dbh-na-ri',
  closedOn,
  reason: 'Lease ended',
  today: TODAY,
});

describe('Sales point', () => {
  const spec = deciderSpec(salesPointDecider);
  describe('when unregistered', () => {
    it('should register in a district before 2025-07-01', () => {
      spec.given([]).when(registerPoint()).then([pointRegistered]);
    });
    it('should register in a commune of Thái Nguyên from 2025-07-01', () => {
      spec
        .given([])
        .when(registerPoint({ districtCode: null, communeCode: '02155', openedOn: '2025-09-01' }))
        .thenMatches([{ data: { provinceCode: '19', districtCode: null, communeCode: '02155' } }]);
    });
    it('should refuse a district after the districts ended', () => {
      spec
        .given([])
        .when(registerPoint({ openedOn: '2025-09-01' }))
        .thenThrows(ValidationError, /communeCode/);
    });
    it('should refuse an operator that is not registered', () => {
      spec
        .given([])
        .when(registerPoint({ operatorExists: false }))
        .thenThrows(NotFoundError, /htx-na-ri/);
    });
    it('should refuse to close what does not exist', () => {
      spec.given([]).when(close()).thenThrows(NotFoundError);
    });
  });
  describe('when open', () => {
    it('should refuse a second registration', () => {
      spec
        .given([pointRegistered])
        .when(registerPoint())
        .thenThrows(IllegalStateError, /already registered/);
    });
    it('should close with a reason', () => {
      spec
        .given([pointRegistered])
        .when(close())
        .then([
          {
            type: 'SalesPointClosed',
            data: { salesPointId: 'dbh-na-ri', closedOn: '2025-01-15', reason: 'Lease ended' },
          },
        ]);
    });
    it('should refuse a closing before the opening', () => {
      spec
        .given([pointRegistered])
        .when(close('2024-05-01'))
        .thenThrows(ValidationError, /before its opening/);
    });
  });
  describe('when closed', () => {
    it('should refuse to close again', () => {
      spec
        .given([
          pointRegistered,
          { type: 'SalesPointClosed', data: { salesPointId: 'dbh-na-ri', closedOn: '2025-01-15', reason: 'x' } },
        ])
        .when(close())
        .thenThrows(IllegalStateError, /already closed/);
    });
  });
});
