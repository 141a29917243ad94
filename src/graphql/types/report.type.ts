import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import type { ReportUnit } from '#projections/report';
import { identify } from '../identity';
import { AdministrativeUnitType } from './unit.type';
import { UnitLevelEnum } from '../enums';
import type { UnitLevel } from '../../domain/rules/units/units';
import { PublicType, Rules } from '../fieldRules';
import { MOST_UNITS_IN_A_PROVINCE } from '../../domain/rules/units/units';

@PublicType()
@ObjectType('Indicator', { description: "One indicator of a report row: the plan's target and what was achieved" })
export class IndicatorType {
  @Field(() => Int, { description: 'From the adopted plan; 0 where the plan sets none' })
  target!: number;

  @Field(() => Int, { description: 'What the registry counts for it' })
  actual!: number;
}

@PublicType()
@ObjectType('DistrictTargetsRow', {
  description: "Annex 1 of the plan for one unit of the plan's level (or the unplaced subjects, or the province total)",
})
export class DistrictTargetsRowType {
  @Field(() => ID, {
    description: "The report's id and the row's unit (or `total`); the same row in a subscription update",
  })
  id!: string;

  @Field(() => AdministrativeUnitType, { description: 'The unit of the row (the province for the total)' })
  unit!: AdministrativeUnitType;

  @Field(() => IndicatorType, {
    description: 'NEW products whose first certificate (≥ 3★) was decided in the year and is not revoked',
  })
  newProducts3Star!: IndicatorType;

  @Field(() => IndicatorType, {
    description: 'Subjects certified before the year that received CONSOLIDATION support in it',
  })
  consolidatedSubjects!: IndicatorType;

  @Field(() => IndicatorType, {
    description: 'Subjects registered in the year with at least one product registered in it',
  })
  newSubjects!: IndicatorType;
}

@PublicType()
@ObjectType('QualityManagementRow', {
  description: "Annex 2 of the plan for one unit of the plan's level (or the unplaced subjects, or the province total)",
})
export class QualityManagementRowType {
  @Field(() => ID, {
    description: "The report's id and the row's unit (or `total`); the same row in a subscription update",
  })
  id!: string;

  @Field(() => AdministrativeUnitType, { description: 'The unit of the row (the province for the total)' })
  unit!: AdministrativeUnitType;

  @Field(() => IndicatorType, { description: 'Products with a VALID certificate and traceability recorded' })
  traceabilityProducts!: IndicatorType;

  @Field(() => IndicatorType, {
    description: 'Subjects with a VALID certificate and a linkage active at some time in the year',
  })
  linkageSubjects!: IndicatorType;

  @Field(() => IndicatorType, {
    description: 'Products with a VALID certificate and a quality certification valid at some time in the year',
  })
  advancedQmProducts!: IndicatorType;
}

/** Fields every year report shares; unreferenced, so not emitted as a type of its own. */
@ObjectType()
export abstract class ReportFields {
  @Field(() => ID, {
    description: 'The report, province and year, and the time asked when about the past (see docs/clients.md)',
  })
  id!: string;

  @Field(() => Int, { description: 'The plan year reported on' })
  year!: number;

  @Field({ description: "The province's code" })
  provinceCode!: string;

  @Field(() => String, { nullable: true, description: 'The adopted plan, null when none is adopted for the year' })
  planReference!: string | null;

  @Field(() => DateScalar, {
    description:
      "The day certificate statuses were judged on: 31 December of the year, or the asOf/atPosition day (today when neither is given) when that is earlier, so a past year's report does not change when its certificates later expire",
  })
  statusDay!: string;

  @Field(() => UnitLevelEnum, {
    description: "The level of the rows: the plan's units, or the units below the province when no plan is adopted",
  })
  level!: UnitLevel;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The instant the answer was restricted to, if any' })
  asOf!: Date | null;
}

@PublicType()
@ObjectType('DistrictTargetsReport', {
  description: "Annex 1 of a province's plan: product development targets and actuals per unit",
})
export class DistrictTargetsReportType extends ReportFields {
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [DistrictTargetsRowType], {
    deprecationReason: 'Use unitTargets { rows }: the rows are the units of the plan, communes from 2025-07-01',
    description: "One row per unit of the plan's level in the province (target 0 where the plan sets none)",
  })
  districts!: DistrictTargetsRowType[];

  @Field(() => DistrictTargetsRowType, {
    nullable: true,
    description:
      "Subjects of the province that no unit of the plan's level can place (an old subject with no commune); null when none",
  })
  unplaced!: DistrictTargetsRowType | null;

  @Field(() => DistrictTargetsRowType, { description: 'The whole province, unplaced included' })
  total!: DistrictTargetsRowType;
}

@PublicType()
@ObjectType('QualityManagementReport', {
  description: "Annex 2 of a province's plan: quality of recognised products per unit",
})
export class QualityManagementReportType extends ReportFields {
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [QualityManagementRowType], {
    deprecationReason: 'Use qualityTargets { rows }: the rows are the units of the plan, communes from 2025-07-01',
    description: "One row per unit of the plan's level in the province (target 0 where the plan sets none)",
  })
  districts!: QualityManagementRowType[];

  @Field(() => QualityManagementRowType, {
    nullable: true,
    description:
      "Subjects of the province that no unit of the plan's level can place (an old subject with no commune); null when none",
  })
  unplaced!: QualityManagementRowType | null;

  @Field(() => QualityManagementRowType, { description: 'The whole province, unplaced included' })
  total!: QualityManagementRowType;
}

interface ReportRow {
  readonly unit: ReportUnit;
}

/**
 * A report's rows and total as output rows with their identities: `<report id>:<unit code>`, and
 * `<report id>:unplaced` and `<report id>:total` for the rows of subjects the plan's units cannot place
 * and for the total (a plan may also have a row for the province itself).
 */
export function reportRows<R extends ReportRow, O extends object>(
  reportKey: string,
  cut: string,
  report: { readonly districts: readonly R[]; readonly unplaced?: R | null; readonly total: R },
  make: () => O,
) {
  const row = (r: R, place: string) =>
    Object.assign(make(), {
      ...r,
      id: identify(`${reportKey}:${place}`, cut),
      unit: AdministrativeUnitType.from(r.unit),
    });
  return {
    districts: report.districts.map((r) => row(r, r.unit.code)),
    unplaced: report.unplaced ? row(report.unplaced, 'unplaced') : null,
    total: row(report.total, 'total'),
  };
}

/** The key of a year's report for a province: its kind, province and year. */
export const reportKey = (kind: string, provinceCode: string, year: number): string =>
  `${kind}:${provinceCode}:${year}`;
