import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { View } from '#projections/index';
import { districtTargets } from '#projections/districtTargets.projection';
import type { ReportUnit } from '#projections/report';
import { qualityManagement } from '#projections/qualityManagement.projection';
import { type GraphQLContext, cutFor } from '../context';
import { identify } from '../identity';
import {
  DistrictTargetsReportType,
  DistrictTargetsRowType,
  QualityManagementReportType,
  QualityManagementRowType,
  reportKey,
  reportRows,
} from '../types/report.type';
import { CutArgs, ProvinceYearArgs } from './args';
import { Rules } from '../fieldRules';

type Report = {
  districts: readonly { unit: ReportUnit }[];
  unplaced: { unit: ReportUnit } | null;
  total: { unit: ReportUnit };
};

const JUDGED =
  'with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)';

/** A year report at the cut asked about, with its identity and its rows'. */
async function yearReport<R extends Report, Out extends object, Row extends object>(
  context: GraphQLContext,
  kind: string,
  { year, provinceCode }: ProvinceYearArgs,
  question: CutArgs,
  compute: (view: View, provinceCode: string, year: number) => R,
  make: { report: () => Out; row: () => Row },
) {
  const { key: cut, view } = await cutFor(context, question);
  const report = compute(view, provinceCode, year);
  const key = reportKey(kind, provinceCode, year);
  return Object.assign(make.report(), {
    ...report,
    ...reportRows(key, cut, report, make.row),
    id: identify(key, cut),
    asOf: question.asOf ?? null,
  });
}

@Resolver()
export class ReportResolver {
  @Rules({ access: 'public' })
  @Query(() => DistrictTargetsReportType, {
    description: `Annex 1: product development targets and actuals per unit of the plan, ${JUDGED}`,
  })
  districtTargets(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'districtTargets', asked, question, districtTargets, {
      report: () => new DistrictTargetsReportType(),
      row: () => new DistrictTargetsRowType(),
    });
  }

  @Rules({ access: 'public' })
  @Query(() => QualityManagementReportType, {
    description: `Annex 2: quality of recognised products per unit of the plan, ${JUDGED}`,
  })
  qualityManagement(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'qualityManagement', asked, question, qualityManagement, {
      report: () => new QualityManagementReportType(),
      row: () => new QualityManagementRowType(),
    });
  }
}
