import { ValidationError } from '../../../src/core/errors';
import { planDecider } from '../../../src/domain/plan/decide';
import { PLAN_180 } from '../../../src/domain/rules/plan180';
import type { SubjectCommand } from '../../../src/domain/subject/commands';
import { subjectDecider } from '../../../src/domain/subject/decide';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, subjectRegistered } from '../../support/fixtures';

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
