import { type DistrictTarget, type PlanEvent, targetUnitCode } from '#src/domain/plan/events';
import type { UnitLevel } from '#src/domain/rules/units/units';
import type { OtherTargets } from '#src/domain/rules/plan180Targets';
import { type Projection, handles } from './projection';

export interface PlanView {
  readonly provinceCode: string;
  readonly year: number;
  readonly reference: string;
  readonly adoptedOn: string;
  readonly revisions: number;
  /** The level of the units the plan sets targets for (DISTRICT for plans recorded before other levels existed). */
  readonly level: UnitLevel;
  /** Targets by unit code. */
  readonly targets: ReadonlyMap<string, DistrictTarget>;
  /** Targets beside Annex 1 and 2 (media, key products, sales points); empty when the plan sets none. */
  readonly otherTargets: OtherTargets;
}

export type PlansState = Map<string, PlanView>;

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
