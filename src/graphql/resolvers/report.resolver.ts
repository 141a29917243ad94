import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { districtTargets } from '../../../projections/districtTargets.projection';
import { qualityManagement } from '../../../projections/qualityManagement.projection';
import { type GraphQLContext, cutFor } from '../context';
import { CutArgs } from './args';
import { DistrictTargetsReportType, QualityManagementReportType } from '../types/report.type';
import { AdministrativeUnitType } from '../types/unit.type';
import type { ReportUnit } from '../../../projections/report';

const withUnit = <R extends { unit: ReportUnit }>(row: R) => ({ ...row, unit: AdministrativeUnitType.from(row.unit) });

@Resolver()
export class ReportResolver {
  @Query(() => DistrictTargetsReportType, {
    description:
      'Annex 1: product development targets and actuals per unit of the plan, with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)',
  })
  async districtTargets(
    @Arg('year', () => Int) year: number,
    @Arg('provinceCode', () => String, { defaultValue: '06' }) provinceCode: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<DistrictTargetsReportType> {
    const { view } = await cutFor(context, question);
    const report = districtTargets(view, provinceCode, year);
    return Object.assign(new DistrictTargetsReportType(), {
      ...report,
      districts: report.districts.map(withUnit),
      unplaced: report.unplaced && withUnit(report.unplaced),
      total: withUnit(report.total),
      asOf: question.asOf ?? null,
    });
  }

  @Query(() => QualityManagementReportType, {
    description:
      'Annex 2: quality of recognised products per unit of the plan, with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)',
  })
  async qualityManagement(
    @Arg('year', () => Int) year: number,
    @Arg('provinceCode', () => String, { defaultValue: '06' }) provinceCode: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<QualityManagementReportType> {
    const { view } = await cutFor(context, question);
    const report = qualityManagement(view, provinceCode, year);
    return Object.assign(new QualityManagementReportType(), {
      ...report,
      districts: report.districts.map(withUnit),
      unplaced: report.unplaced && withUnit(report.unplaced),
      total: withUnit(report.total),
      asOf: question.asOf ?? null,
    });
  }
}
