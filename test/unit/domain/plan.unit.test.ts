import { ValidationError } from '../../../src/core/errors';
import type { AdoptPlan } from '../../../src/domain/plan/commands';
import { planDecider } from '../../../src/domain/plan/decide';
import type { PlanEvent } from '../../../src/domain/plan/events';
import { PLAN_180 } from '../../../src/domain/rules/plan180';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY } from '../../support/fixtures';

const spec = deciderSpec(planDecider);
const adopt = (overrides: Partial<AdoptPlan> = {}): AdoptPlan => ({
  type: 'AdoptPlan',
  ...PLAN_180,
  targets: PLAN_180.targets.map((t) => ({ ...t })),
  today: TODAY,
  ...overrides,
});
const adopted: PlanEvent = {
  type: 'PlanAdopted',
  data: { ...PLAN_180, targets: PLAN_180.targets.map((t) => ({ ...t })) },
};

describe('Plan', () => {
  it('should adopt Plan 180 with its eight districts', () => {
    spec.given([]).when(adopt()).then([adopted]);
  });
  it('should revise the targets when adopted again', () => {
    spec
      .given([adopted])
      .when(adopt({ adoptedOn: '2024-06-01', reference: '180/KH-UBND (sửa đổi)' }))
      .thenMatches([{ type: 'PlanRevised', data: { reference: '180/KH-UBND (sửa đổi)' } }]);
  });
  it('should refuse a revision dated before the adoption it replaces', () => {
    spec
      .given([adopted])
      .when(adopt({ adoptedOn: '2024-01-01' }))
      .thenThrows(ValidationError, /before/);
  });
  it('should refuse an unknown province, a district of another province, and a district listed twice', () => {
    spec
      .given([])
      .when(adopt({ provinceCode: '99' }))
      .thenThrows(ValidationError, /Unknown province/);
    const foreign = { ...PLAN_180.targets[0], districtCode: '001' };
    spec
      .given([])
      .when(adopt({ targets: [foreign] }))
      .thenThrows(ValidationError, /not in province/);
    const twice = [PLAN_180.targets[0], PLAN_180.targets[0]].map((t) => ({ ...t }));
    spec
      .given([])
      .when(adopt({ targets: twice }))
      .thenThrows(ValidationError, /twice/);
  });
  it('should refuse negative or fractional targets and an implausible year', () => {
    const negative = [{ ...PLAN_180.targets[0], newSubjects: -1 }];
    spec
      .given([])
      .when(adopt({ targets: negative }))
      .thenThrows(ValidationError, /newSubjects/);
    const fractional = [{ ...PLAN_180.targets[0], linkageSubjects: 1.5 }];
    spec
      .given([])
      .when(adopt({ targets: fractional }))
      .thenThrows(ValidationError, /linkageSubjects/);
    spec
      .given([])
      .when(adopt({ year: 1999 }))
      .thenThrows(ValidationError, /year/);
  });
  it('should sum to the totals of Annex 1 and Annex 2', () => {
    const sum = (field: keyof (typeof PLAN_180.targets)[number]) =>
      PLAN_180.targets.reduce((total, t) => total + Number(t[field]), 0);
    expect([sum('newProducts3Star'), sum('consolidatedSubjects'), sum('newSubjects')]).toEqual([20, 8, 8]);
    expect([sum('traceabilityProducts'), sum('linkageSubjects'), sum('advancedQmProducts')]).toEqual([20, 25, 37]);
  });
});
