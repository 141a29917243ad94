import type { ReadonlyModels } from './views/models';
import { type Indicator as IndicatorDefinition, productsOf, yearScope } from './indicators/yearScope';
import { OUTSIDE, reportFrame } from './reportFrame';
import type { UnitLevel } from '#src/domain/rules/units/units';

export interface Indicator {
  readonly target: number;
  readonly actual: number;
}

export interface ReportUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
}

export type ReportRow<K extends string> = { readonly unit: ReportUnit } & Readonly<Record<K, Indicator>>;

/** A report as every caller shares it (remembered until the next event): readonly all the way down. */
export interface Report<K extends string> {
  readonly year: number;
  readonly provinceCode: string;
  readonly planReference: string | null;
  /** The day certificate statuses were judged on: 31 December of the year, or the day asked when earlier. */
  readonly statusDay: string;
  /** The level of the rows: the plan's, or the units below the province when no plan is adopted. */
  readonly level: UnitLevel;
  readonly districts: readonly ReportRow<K>[];
  /** Subjects of the province that no unit of the rows' level places; null when there are none. */
  readonly unplaced: ReportRow<K> | null;
  /** The whole province, `unplaced` included. */
  readonly total: ReportRow<K>;
}

/**
 * A year report of a province: one row per unit of the plan's level with its targets (0 where the
 * plan sets none) and what each indicator counts there, an `unplaced` row when some subjects of the
 * province cannot be placed, and the province total. The indicators say what they count; this only
 * assembles rows.
 */
export function buildReport<K extends string>(
  models: ReadonlyModels,
  askedDay: string,
  provinceCode: string,
  year: number,
  indicators: readonly (IndicatorDefinition & { name: K })[],
): Report<K> {
  const scope = yearScope(models, year, askedDay);
  const frame = reportFrame(models, provinceCode, year, scope.day);
  const actual = new Map<string | null, Map<K, number>>();
  const add = (where: string | null, name: K) => {
    let counts = actual.get(where);
    if (!counts) actual.set(where, (counts = new Map()));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  let unplacedSubjects = 0;
  for (const subject of models.subjects.values()) {
    const where = frame.placeOf(subject);
    if (where === OUTSIDE) continue;
    if (where === null) unplacedSubjects++;
    for (const indicator of indicators) {
      if (indicator.counts === 'subjects') {
        if (indicator.matches(scope, subject)) add(where, indicator.name);
      } else {
        for (const product of productsOf(scope, subject))
          if (indicator.matches(scope, product)) add(where, indicator.name);
      }
    }
  }
  const row = (unit: ReportUnit, where: string | null, targets?: object): ReportRow<K> => {
    const result = { unit } as ReportRow<K>;
    for (const { name } of indicators) {
      const target = (targets as Record<string, unknown> | undefined)?.[name];
      (result as Record<K, Indicator>)[name] = {
        target: typeof target === 'number' ? target : 0,
        actual: actual.get(where)?.get(name) ?? 0,
      };
    }
    return result;
  };
  const provinceUnit: ReportUnit = {
    code: provinceCode,
    name: frame.province?.name ?? provinceCode,
    level: 'PROVINCE',
  };
  const districts = frame.units.map((unit) =>
    row({ code: unit.code, name: unit.name, level: unit.level }, unit.code, frame.plan?.targets.get(unit.code)),
  );
  const reasons = frame.unplacedReasons.size > 0 ? ` (${[...frame.unplacedReasons].sort().join('; ')})` : '';
  const unplaced =
    unplacedSubjects > 0
      ? row(
          { ...provinceUnit, name: `${provinceUnit.name}: not placed in a ${frame.level.toLowerCase()}${reasons}` },
          null,
        )
      : null;
  const total = { unit: provinceUnit } as ReportRow<K>;
  for (const { name } of indicators) {
    const rows = unplaced ? [...districts, unplaced] : districts;
    (total as Record<K, Indicator>)[name] = {
      target: rows.reduce((sum, r) => sum + r[name].target, 0),
      actual: rows.reduce((sum, r) => sum + r[name].actual, 0),
    };
  }
  return {
    year,
    provinceCode,
    planReference: frame.plan?.reference ?? null,
    statusDay: scope.day,
    level: frame.level,
    districts,
    unplaced,
    total,
  };
}
