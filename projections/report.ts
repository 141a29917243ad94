import { districtsOf, findProvince } from '../src/domain/rules/administrativeUnits';
import type { DistrictTarget } from '../src/domain/plan/events';
import type { PlanView } from './plans.projection';

export interface Indicator {
  readonly target: number;
  readonly actual: number;
}

export type ReportRow<K extends string> = {
  readonly unit: { readonly code: string; readonly name: string };
} & Readonly<Record<K, Indicator>>;

/** A report as every caller shares it (remembered until the next event): readonly all the way down. */
export interface Report<K extends string> {
  readonly year: number;
  readonly provinceCode: string;
  readonly planReference: string | null;
  readonly districts: readonly ReportRow<K>[];
  readonly total: ReportRow<K>;
}

/**
 * One row per district of the province (in code order), targets from the plan (0 where it sets
 * none), actuals from the counts, and a total row that sums the districts.
 */
export function buildReport<K extends keyof DistrictTarget & string>(
  provinceCode: string,
  year: number,
  indicators: readonly K[],
  plan: PlanView | undefined,
  actual: Record<K, Map<string, number>>,
): Report<K> {
  const districts = districtsOf(provinceCode).map((unit) => {
    const row = { unit: { code: unit.code, name: unit.name } } as ReportRow<K>;
    for (const key of indicators) {
      const target = plan?.targets.get(unit.code)?.[key];
      (row as Record<K, Indicator>)[key] = {
        target: typeof target === 'number' ? target : 0,
        actual: actual[key].get(unit.code) ?? 0,
      };
    }
    return row;
  });
  const total = { unit: { code: provinceCode, name: provinceName(provinceCode) } } as ReportRow<K>;
  for (const key of indicators) {
    (total as Record<K, Indicator>)[key] = {
      target: districts.reduce((sum, row) => sum + row[key].target, 0),
      actual: districts.reduce((sum, row) => sum + row[key].actual, 0),
    };
  }
  return { year, provinceCode, planReference: plan?.reference ?? null, districts, total };
}
const provinceName = (code: string): string => findProvince(code)?.name ?? code;
