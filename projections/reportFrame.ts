import type { ReadonlyModels } from './views/models';
import { type PlanView, findPlan } from './plans.projection';
import type { SubjectView } from './subjects.projection';
import { REORGANISATION_DAY } from '#src/domain/rules/reorganisation';
import { type Location, locate, locateOrFirst, registeredDistrict } from '#src/domain/rules/units/placement';
import {
  type AdministrativeUnit,
  type UnitLevel,
  daysOfProvinceIn,
  formerDistrictsOf,
  provinceOn,
  successorsOf,
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
 * - A plan by districts of a province abolished during its year (Bắc Kạn 2025) also places what came
 *   after the districts ended: a subject first placed later, in a commune of the successor, counts in
 *   the district whose old communes formed that commune; a commune formed from several districts'
 *   communes places it in none of them, so it counts in `unplaced`, whose reasons say why.
 */
export interface ReportFrame {
  readonly province: AdministrativeUnit | undefined;
  readonly placementDay: string;
  readonly level: UnitLevel;
  readonly units: readonly AdministrativeUnit[];
  readonly plan: PlanView | undefined;
  placeOf(subject: SubjectView): string | null | typeof OUTSIDE;
  /** Why subjects counted in `unplaced` could not be placed, beyond having no unit of the level. */
  readonly unplacedReasons: ReadonlySet<string>;
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
  const unplacedReasons = new Set<string>();
  const placeAfterDistricts = level === 'DISTRICT' && days !== null && days.last < `${year}-12-31`;
  return {
    unplacedReasons,
    province: provinceOn(provinceCode, placementDay),
    placementDay,
    level,
    units,
    plan,
    placeOf(subject) {
      const where = locate(subject, placementDay);
      if (where.province === null && placeAfterDistricts) {
        return placedThroughMapping(locateOrFirst(subject, placementDay), provinceCode, rowCodes, unplacedReasons);
      }
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

/**
 * A subject the abolished province's last day cannot place (first placed after the districts ended),
 * placed through the old → new commune mapping: the one district whose old communes formed its
 * commune, or `unplaced` when several did; outside when its commune is not the successor's.
 */
function placedThroughMapping(
  first: Location,
  provinceCode: string,
  rowCodes: ReadonlySet<string>,
  reasons: Set<string>,
): string | null | typeof OUTSIDE {
  const commune = first.commune;
  if (!commune || !first.province || !successorsOf(provinceCode).includes(first.province.code)) return OUTSIDE;
  const districts = formerDistrictsOf(commune.code).filter((code) => rowCodes.has(code));
  if (districts.length === 0) return OUTSIDE;
  if (districts.length === 1) return districts[0]!;
  reasons.add(`${commune.code} ${commune.name} was formed from communes of districts ${districts.join(', ')}`);
  return null;
}
