import type { ReadonlyModels } from './index';
import { type PlanView, findPlan } from './plans.projection';
import type { SubjectView } from './subjects.projection';
import { REORGANISATION_DAY } from '#src/domain/rules/reorganisation';
import { locate, registeredDistrict } from '#src/domain/rules/units/placement';
import {
  type AdministrativeUnit,
  type UnitLevel,
  daysOfProvinceIn,
  provinceOn,
  unitsAt,
} from '#src/domain/rules/units/units';

/** A subject outside the report's province. */
export const OUTSIDE = Symbol('outside the province');

/**
 * The rows a year report of a province has, and which row each subject counts in.
 * - Units are read on the placement day: the day the year is judged on, moved into the part of the
 *   year the province existed in (Bắc Kạn's 2025 report is read on 2025-06-30 at the latest).
 * - Rows are the units of the plan's level (districts for Plan 180, communes or the province itself
 *   for later plans); without a plan, the units directly below the province on that day.
 * - A subject of the province (where it is on the placement day) counts in the row of its unit of
 *   that level, or, when none of them can place it (an old subject with no commune), in `unplaced` (null).
 */
export interface ReportFrame {
  readonly province: AdministrativeUnit | undefined;
  readonly placementDay: string;
  readonly level: UnitLevel;
  readonly units: readonly AdministrativeUnit[];
  readonly plan: PlanView | undefined;
  placeOf(subject: SubjectView): string | null | typeof OUTSIDE;
}

export function reportFrame(models: ReadonlyModels, provinceCode: string, year: number, judgedOn: string): ReportFrame {
  const days = daysOfProvinceIn(provinceCode, year);
  const placementDay = !days
    ? judgedOn
    : judgedOn < days.first
      ? days.first
      : judgedOn > days.last
        ? days.last
        : judgedOn;
  const plan = findPlan(models.plans, provinceCode, year);
  const level: UnitLevel = plan?.level ?? (placementDay < REORGANISATION_DAY ? 'DISTRICT' : 'COMMUNE');
  const units = unitsAt(provinceCode, level, placementDay);
  const rowCodes = new Set(units.map((unit) => unit.code));
  return {
    province: provinceOn(provinceCode, placementDay),
    placementDay,
    level,
    units,
    plan,
    placeOf(subject) {
      const where = locate(subject, placementDay);
      if (where.province?.code !== provinceCode) return OUTSIDE;
      const code =
        level === 'PROVINCE'
          ? provinceCode
          : level === 'DISTRICT'
            ? registeredDistrict(subject, placementDay)?.code
            : where.commune?.code;
      return code !== undefined && rowCodes.has(code) ? code : null;
    },
  };
}
