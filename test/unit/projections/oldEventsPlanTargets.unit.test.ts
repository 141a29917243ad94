import { applyEvent, createReadModels } from '../../../projections';
import { PLAN_180 } from '../../../src/domain/rules/plan180';
import { subjectRegistered } from '../../support/fixtures';

/** Events recorded before support carried its money and plans their other targets replay as they always did. */
describe('old events in the new read models', () => {
  const models = createReadModels();
  applyEvent(models, {
    type: 'PlanAdopted',
    data: { ...PLAN_180, targets: PLAN_180.targets.map((t) => ({ ...t })) },
  });
  applyEvent(models, subjectRegistered());
  applyEvent(models, {
    type: 'SupportRecorded',
    data: {
      subjectId: 'htx-na-ri',
      supportId: 's-1',
      programme: 'CONSOLIDATION',
      providedOn: '2024-05-01',
      description: 'Packaging',
    },
  });

  it('should read a support without its money as amount and source unknown', () => {
    expect(models.subjects.get('htx-na-ri')!.supports[0]).toMatchObject({ amountVnd: null, fundingSource: null });
  });
  it('should read a plan without other targets as setting none', () => {
    expect(models.plans.get('06-2024')!.otherTargets).toEqual({});
  });
  it('should hold no media items, key products or sales points', () => {
    expect([models.media.size, models.keyProducts.size, models.salesPoints.size]).toEqual([0, 0, 0]);
  });
});
