import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';
import type { OtherTargets } from '../rules/plan180Targets';
import type { UnitLevel } from '../rules/units/units';

/**
 * A plan's targets for one unit. Plans before 2025-07-01 name districts (`districtCode`); later ones
 * name a unit of any level (`unitCode`: a district, a commune, or the province itself). Events
 * recorded before `unitCode` existed carry `districtCode` only, and so do district plans still (their
 * events keep the shape Plan 180's have).
 */
export interface DistrictTarget {
  unitCode?: string | null;
  districtCode?: string | null;
  newProducts3Star: number;
  consolidatedSubjects: number;
  newSubjects: number;
  traceabilityProducts: number;
  linkageSubjects: number;
  advancedQmProducts: number;
}

/** The unit a target is for, whichever of the two fields names it. */
export const targetUnitCode = (target: DistrictTarget): string => target.unitCode ?? target.districtCode ?? '';

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
  /** The level of every target's unit; absent in events recorded before plans could name other levels (DISTRICT). */
  level?: UnitLevel;
  targets: DistrictTarget[];
  /** Targets beside Annex 1 and 2; absent when the plan sets none (and in events recorded before plans could). */
  otherTargets?: OtherTargets;
};

/** The first adoption of a province's plan for a year. */
export type PlanAdopted = DomainEvent<'PlanAdopted', PlanData>;
/** A later adoption replaces the targets (a plan adjusted during the year); the newest wins. */
export type PlanRevised = DomainEvent<'PlanRevised', PlanData>;

export type PlanEvent = PlanAdopted | PlanRevised;

export const planStreamId = (provinceCode: string, year: number): string => `ocop-plan-${provinceCode}-${year}`;
