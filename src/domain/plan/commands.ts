import type { BusinessDate } from '../rules/businessDate';
import type { OtherTargets } from '../rules/plan180Targets';
import type { DistrictTarget } from './events';

export type AdoptPlan = {
  type: 'AdoptPlan';
  provinceCode: string;
  year: number;
  reference: string;
  adoptedOn: BusinessDate;
  targets: DistrictTarget[];
  /** Targets beside Annex 1 and 2 (media, key products, sales points), when the plan sets them. */
  otherTargets?: OtherTargets | null;
  today: BusinessDate;
};

export type PlanCommand = AdoptPlan;
