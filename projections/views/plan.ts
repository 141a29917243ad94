import type { DistrictTarget } from '#src/domain/plan/events';
import type { UnitLevel } from '#src/domain/rules/units/units';
import type { OtherTargets } from '#src/domain/rules/plan180Targets';

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
