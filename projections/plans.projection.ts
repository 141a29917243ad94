import { type PlanEvent, targetUnitCode } from '#src/domain/plan/events';

import { type Projection, handles } from './projection';
import type { PlanView, PlansState } from './views/plan';

export type { PlanView, PlansState } from './views/plan';

export const planKey = (provinceCode: string, year: number): string => `${provinceCode}-${year}`;

export const plansProjection: Projection<PlansState, PlanEvent> = {
  name: 'plans',
  canHandle: handles('PlanAdopted', 'PlanRevised'),
  initialState: () => new Map(),
  evolve(state, event) {
    const { provinceCode, year, reference, adoptedOn, level, targets, otherTargets } = event.data;
    const key = planKey(provinceCode, year);
    state.set(key, {
      provinceCode,
      year,
      reference,
      adoptedOn,
      revisions: (state.get(key)?.revisions ?? -1) + 1,
      level: level ?? 'DISTRICT',
      targets: new Map(targets.map((t) => [targetUnitCode(t), t])),
      otherTargets: otherTargets ?? {},
    });
    return state;
  },
};

export function findPlan(
  state: ReadonlyMap<string, PlanView>,
  provinceCode: string,
  year: number,
): PlanView | undefined {
  return state.get(planKey(provinceCode, year));
}
