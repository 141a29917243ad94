import type { BusinessDate } from '../rules/businessDate';
import type { DistrictTarget } from './events';

export type AdoptPlan = {
  type: 'AdoptPlan';
  provinceCode: string;
  year: number;
  reference: string;
  adoptedOn: BusinessDate;
  targets: DistrictTarget[];
  today: BusinessDate;
};

export type PlanCommand = AdoptPlan;
