import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { districtTargets } from '../../../projections/districtTargets.projection';
import { qualityManagement } from '../../../projections/qualityManagement.projection';
import { type GraphQLContext, cutFor } from '../context';
import { identify } from '../identity';
import { CutArgs } from './args';
import {
  DistrictTargetsReportType,
  DistrictTargetsRowType,
  QualityManagementReportType,
  QualityManagementRowType,
  reportKey,
  reportRows,
} from '../types/report.type';

@Resolver()
export class ReportResolver {
  @Query(() => DistrictTargetsReportType, {
    description:
      'Annex 1: product development targets and actuals per unit of the plan, with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)',
  })
  async districtTargets(
    @Arg('year', () => Int, { description: 'The plan year reported on' }) year: number,
    @Arg('provinceCode', () => String, {
      description: "The province's code (06 Bắc Kạn by default)",
      defaultValue: '06',
    })
    provinceCode: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<DistrictTargetsReportType> {
    const { key: cut, view } = await cutFor(context, question);
    const report = districtTargets(view, provinceCode, year);
    const key = reportKey('districtTargets', provinceCode, year);
    return Object.assign(new DistrictTargetsReportType(), {
      ...report,
      ...reportRows(key, cut, report, () => new DistrictTargetsRowType()),
      id: identify(key, cut),
      asOf: question.asOf ?? null,
    });
  }

  @Query(() => QualityManagementReportType, {
    description:
      'Annex 2: quality of recognised products per unit of the plan, with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)',
  })
  async qualityManagement(
    @Arg('year', () => Int, { description: 'The plan year reported on' }) year: number,
    @Arg('provinceCode', () => String, {
      description: "The province's code (06 Bắc Kạn by default)",
      defaultValue: '06',
    })
    provinceCode: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<QualityManagementReportType> {
    const { key: cut, view } = await cutFor(context, question);
    const report = qualityManagement(view, provinceCode, year);
    const key = reportKey('qualityManagement', provinceCode, year);
    return Object.assign(new QualityManagementReportType(), {
      ...report,
      ...reportRows(key, cut, report, () => new QualityManagementRowType()),
      id: identify(key, cut),
      asOf: question.asOf ?? null,
    });
  }
}
