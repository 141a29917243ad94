import { Field, ObjectType } from 'type-graphql';
import { MOST_UNITS_IN_A_PROVINCE } from '../../domain/rules/units/units';
import { PublicType, Rules } from '../fieldRules';
import { DistrictTargetsRowType, QualityManagementRowType, ReportFields } from './report.type';

/*
 * The year reports named for what they hold: a row per unit of the plan (districts in 2024, communes
 * or the province from 2025-07-01). Their rows carry the same indicators as the older reports'.
 */

@PublicType()
@ObjectType('UnitTargetsRow', {
  description: "Annex 1 of the plan for one unit of the plan's level (or the unplaced subjects, or the province total)",
})
export class UnitTargetsRowType extends DistrictTargetsRowType {}

@PublicType()
@ObjectType('QualityTargetsRow', {
  description: "Annex 2 of the plan for one unit of the plan's level (or the unplaced subjects, or the province total)",
})
export class QualityTargetsRowType extends QualityManagementRowType {}

const ROWS = "One row per unit of the plan's level in the province (target 0 where the plan sets none)";
const UNPLACED =
  "Subjects of the province that no unit of the plan's level can place (an old subject with no commune); null when none";

@PublicType()
@ObjectType('UnitTargetsReport', {
  description: "Annex 1 of a province's plan: product development targets and actuals per unit of the plan",
})
export class UnitTargetsReportType extends ReportFields {
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [UnitTargetsRowType], { description: ROWS })
  rows!: UnitTargetsRowType[];

  @Field(() => UnitTargetsRowType, { nullable: true, description: UNPLACED })
  unplaced!: UnitTargetsRowType | null;

  @Field(() => UnitTargetsRowType, { description: 'The whole province, unplaced included' })
  total!: UnitTargetsRowType;
}

@PublicType()
@ObjectType('QualityTargetsReport', {
  description: "Annex 2 of a province's plan: quality of recognised products per unit of the plan",
})
export class QualityTargetsReportType extends ReportFields {
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [QualityTargetsRowType], { description: ROWS })
  rows!: QualityTargetsRowType[];

  @Field(() => QualityTargetsRowType, { nullable: true, description: UNPLACED })
  unplaced!: QualityTargetsRowType | null;

  @Field(() => QualityTargetsRowType, { description: 'The whole province, unplaced included' })
  total!: QualityTargetsRowType;
}
