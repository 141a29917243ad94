import { ValidationError } from '../../core/errors';
import type { BusinessDate } from './businessDate';
import { REORGANISATION_DAY } from './reorganisation';

/**
 * What Plan 180/KH-UBND asks beyond its two annexes, and the value lists those records use.
 * Plan 180 §V funds the programme from four sources.
 */
export type FundingSource = 'NTM_PROGRAMME' | 'LOCAL_BUDGET' | 'OTHER_PROGRAMMES' | 'COMMUNITY';
export const FUNDING_SOURCES: readonly FundingSource[] = [
  'NTM_PROGRAMME',
  'LOCAL_BUDGET',
  'OTHER_PROGRAMMES',
  'COMMUNITY',
];

/** Target 3: news items, articles or reports on OCOP in central and local media. */
export type MediaLevel = 'CENTRAL' | 'LOCAL';
export const MEDIA_LEVELS: readonly MediaLevel[] = ['CENTRAL', 'LOCAL'];

/** Plan 180's own target 3: at least 2 items a month; adopted with the plan when the registry first starts. */
export const PLAN_180_MEDIA_ITEMS_PER_MONTH = 2;

/** The level a key product (sản phẩm chủ lực) is designated at. */
export type KeyProductLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export const KEY_PRODUCT_LEVELS: readonly KeyProductLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/**
 * Districts designate key products only while they exist (decisions before 2025-07-01), communes only
 * from then; the province always.
 */
export function requireKeyProductLevelOn(level: KeyProductLevel, day: BusinessDate): void {
  if (level === 'DISTRICT' && day >= REORGANISATION_DAY) {
    throw new ValidationError(`A DISTRICT key product is decided before ${REORGANISATION_DAY}: districts ended then`, {
      field: 'level',
    });
  }
  if (level === 'COMMUNE' && day < REORGANISATION_DAY) {
    throw new ValidationError(`A COMMUNE key product is decided from ${REORGANISATION_DAY}`, { field: 'level' });
  }
}

/** The standard OCOP sales points are built to (Decision 950/QĐ-BCT, 18/4/2023): the usual value. */
export const SALES_POINT_STANDARD_950 = '950/QĐ-BCT';

/** Whole đồng (VND has no minor unit), never negative, and exact in a JSON number. */
export function requireAmountVnd(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(`${field} must be a whole number of đồng, 0 or more`, { field });
  }
  return value;
}

/** The targets a plan may set beside Annex 1 and 2; each absent when the plan sets none. */
export interface OtherTargets {
  /** Media items a month (Plan 180: 2). */
  readonly mediaItemsPerMonth?: number | null;
  /** Key products of the province (Plan 180: 3). */
  readonly provincialKeyProducts?: number | null;
  /** Key products of each district (or, from 2025-07-01, commune) of the plan (Plan 180: 1). */
  readonly keyProductsPerUnit?: number | null;
  /** Sales points open in the province. */
  readonly salesPoints?: number | null;
}
export const OTHER_TARGET_FIELDS = [
  'mediaItemsPerMonth',
  'provincialKeyProducts',
  'keyProductsPerUnit',
  'salesPoints',
] as const satisfies readonly (keyof OtherTargets)[];
