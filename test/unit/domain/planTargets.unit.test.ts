import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type { KeyProductCommand } from '../../../src/domain/keyProduct/commands';
import { keyProductDecider } from '../../../src/domain/keyProduct/decide';
import type { KeyProductEvent } from '../../../src/domain/keyProduct/events';
import type { RecordMediaCoverage } from '../../../src/domain/media/commands';
import { mediaDecider } from '../../../src/domain/media/decide';
import type { MediaEvent } from '../../../src/domain/media/events';
import { planDecider } from '../../../src/domain/plan/decide';
import { PLAN_180 } from '../../../src/domain/rules/plan180';
import type { SalesPointCommand } from '../../../src/domain/salesPoint/commands';
import { salesPointDecider } from '../../../src/domain/salesPoint/decide';
import type { SalesPointEvent } from '../../../src/domain/salesPoint/events';
import type { SubjectCommand } from '../../../src/domain/subject/commands';
import { subjectDecider } from '../../../src/domain/subject/decide';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, subjectRegistered } from '../../support/fixtures';

const media = (overrides: Partial<RecordMediaCoverage> = {}): RecordMediaCoverage => ({
  type: 'RecordMediaCoverage',
  itemId: 'm-1',
  provinceCode: '06',
  outlet: 'Báo Bắc Kạn',
  outletLevel: 'LOCAL',
  title: 'Miến dong Na Rì đạt 4 sao',
  publishedOn: '2024-05-10',
  url: 'https://baobackan.vn/ocop',
  today: TODAY,
  ...overrides,
});
const mediaRecorded: MediaEvent = {
  type: 'MediaCoverageRecorded',
  data: {
    itemId: 'm-1',
    provinceCode: '06',
    outlet: 'Báo Bắc Kạn',
    outletLevel: 'LOCAL',
    title: 'Miến dong Na Rì đạt 4 sao',
    publishedOn: '2024-05-10',
    url: 'https://baobackan.vn/ocop',
  },
};

describe('Media coverage', () => {
  const spec = deciderSpec(mediaDecider);
  it('should record an item in the province of its publication day', () => {
    spec.given([]).when(media()).then([mediaRecorded]);
  });
  it('should refuse Bắc Kạn after it merged, naming Thái Nguyên', () => {
    spec
      .given([])
      .when(media({ publishedOn: '2025-08-01' }))
      .thenThrows(ValidationError, /06 does not exist on 2025-08-01: .* 19/);
  });
  it('should refuse a link that is not a web address', () => {
    spec
      .given([])
      .when(media({ url: 'javascript:alert(1)' }))
      .thenThrows(ValidationError, /url must be an http or https address/);
  });
  it('should refuse an item already recorded', () => {
    spec
      .given([mediaRecorded])
      .when(media())
      .thenThrows(IllegalStateError, /already recorded/);
  });
  it('should refuse a publication day in the future', () => {
    spec
      .given([])
      .when(media({ publishedOn: '2031-01-01' }))
      .thenThrows(ValidationError, /future/);
  });
});

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

describe('Support with its money', () => {
  const spec = deciderSpec(subjectDecider);
  const support = (overrides: Partial<Extract<SubjectCommand, { type: 'RecordSupport' }>> = {}): SubjectCommand => ({
    type: 'RecordSupport',
    subjectId: 'htx-na-ri',
    supportId: 's-1',
    programme: 'CONSOLIDATION',
    providedOn: '2024-05-01',
    description: 'Packaging redesign',
    today: TODAY,
    ...overrides,
  });
  it('should record the amount and the funding source', () => {
    spec
      .given([subjectRegistered()])
      .when(support({ amountVnd: 50_000_000, fundingSource: 'NTM_PROGRAMME' }))
      .thenMatches([{ data: { amountVnd: 50_000_000, fundingSource: 'NTM_PROGRAMME' } }]);
  });
  it('should keep the old shape when neither is given', () => {
    const [event] = subjectDecider.decide(
      support(),
      subjectDecider.evolve(subjectDecider.initialState(), subjectRegistered()),
    );
    expect(Object.keys(event!.data)).not.toContain('amountVnd');
    expect(Object.keys(event!.data)).not.toContain('fundingSource');
  });
  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1])('should refuse the amount %p', (amountVnd) => {
    spec
      .given([subjectRegistered()])
      .when(support({ amountVnd }))
      .thenThrows(ValidationError, /amountVnd must be a whole number/);
  });
  it('should refuse an unknown funding source', () => {
    spec
      .given([subjectRegistered()])
      .when(support({ fundingSource: 'LOTTERY' as never }))
      .thenThrows(ValidationError, /fundingSource must be one of/);
  });
});

describe('Plan with targets beside the annexes', () => {
  const spec = deciderSpec(planDecider);
  const adopt = (otherTargets: object | null) => ({
    type: 'AdoptPlan' as const,
    ...PLAN_180,
    targets: PLAN_180.targets.map((t) => ({ ...t })),
    otherTargets,
    today: TODAY,
  });
  it('should record the targets it sets, and only those', () => {
    spec
      .given([])
      .when(adopt({ mediaItemsPerMonth: 2, salesPoints: null }))
      .thenMatches([{ type: 'PlanAdopted', data: { otherTargets: { mediaItemsPerMonth: 2 } } }]);
  });
  it('should keep the old shape without them', () => {
    const [event] = planDecider.decide(adopt(null), planDecider.initialState());
    expect(Object.keys(event!.data)).not.toContain('otherTargets');
  });
  it('should refuse a negative target', () => {
    spec
      .given([])
      .when(adopt({ provincialKeyProducts: -3 }))
      .thenThrows(ValidationError, /otherTargets.provincialKeyProducts/);
  });
});
