import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';

export interface DistrictTarget {
  districtCode: string;
  newProducts3Star: number;
  consolidatedSubjects: number;
  newSubjects: number;
  traceabilityProducts: number;
  linkageSubjects: number;
  advancedQmProducts: number;
}

export const TARGET_FIELDS = [
  'newProducts3Star',
  'consolidatedSubjects',
  'newSubjects',
  'traceabilityProducts',
  'linkageSubjects',
  'advancedQmProducts',
] as const satisfies readonly (keyof DistrictTarget)[];

type PlanData = {
  provinceCode: string;
  year: number;
  reference: string;
  adoptedOn: BusinessDate;
  targets: DistrictTarget[];
};

/** The first adoption of a province's plan for a year. */
export type PlanAdopted = DomainEvent<'PlanAdopted', PlanData>;
/** A later adoption replaces the targets (a plan adjusted during the year); the newest wins. */
export type PlanRevised = DomainEvent<'PlanRevised', PlanData>;

export type PlanEvent = PlanAdopted | PlanRevised;

export const planStreamId = (provinceCode: string, year: number): string => `ocop-plan-${provinceCode}-${year}`;
