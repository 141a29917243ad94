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
import {
  QualityTargetsReportType,
  QualityTargetsRowType,
  UnitTargetsReportType,
  UnitTargetsRowType,
} from '../types/targets.type';
import { CutArgs, ProvinceYearArgs } from './args';
import { Rules } from '../fieldRules';
import { provinceAsked } from '../provinceAsked';

type Report = {
  districts: readonly { unit: ReportUnit }[];
  unplaced: { unit: ReportUnit } | null;
  total: { unit: ReportUnit };
};

const JUDGED =
  'with certificate statuses judged on 31 December of the year (or the asOf/atPosition day, or today, when earlier)';

/**
 * A year report at the cut asked about, with its identity and its rows', the rows under the name its
 * type gives them (`rows`, or `districts` on the older reports).
 */
async function yearReport<R extends Report, Out extends object, Row extends object>(
  context: GraphQLContext,
  kind: string,
  { year, provinceCode: given }: ProvinceYearArgs,
  question: CutArgs,
  compute: (view: View, provinceCode: string, year: number) => R,
  make: { report: () => Out; row: () => Row; rowsAs: 'rows' | 'districts' },
) {
  const { key: cut, view } = await cutFor(context, question);
  const provinceCode = provinceAsked(given, context.actor, view.day, year);
  const { districts, ...report } = compute(view, provinceCode, year);
  const key = reportKey(kind, provinceCode, year);
  const rows = reportRows(key, cut, { ...report, districts }, make.row);
  return Object.assign(make.report(), {
    ...report,
    unplaced: rows.unplaced,
    total: rows.total,
    [make.rowsAs]: rows.districts,
    id: identify(key, cut),
    asOf: question.asOf ?? null,
  });
}

const OLD_NAME = (name: string) =>
  `Use ${name}, named for what it holds: rows per unit of the plan (communes from 2025-07-01)`;

@Resolver()
export class ReportResolver {
  @Rules({ access: 'public' })
  @Query(() => UnitTargetsReportType, {
    description: `Annex 1: product development targets and actuals per unit of the plan, ${JUDGED}`,
  })
  unitTargets(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'unitTargets', asked, question, districtTargets, {
      report: () => new UnitTargetsReportType(),
      row: () => new UnitTargetsRowType(),
      rowsAs: 'rows',
    });
  }

  @Rules({ access: 'public' })
  @Query(() => QualityTargetsReportType, {
    description: `Annex 2: quality of recognised products per unit of the plan, ${JUDGED}`,
  })
  qualityTargets(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'qualityTargets', asked, question, qualityManagement, {
      report: () => new QualityTargetsReportType(),
      row: () => new QualityTargetsRowType(),
      rowsAs: 'rows',
    });
  }

  @Rules({ access: 'public' })
  @Query(() => DistrictTargetsReportType, {
    deprecationReason: OLD_NAME('unitTargets'),
    description: `Annex 1 under its 2024 name: the same report as unitTargets, its rows in \`districts\`, ${JUDGED}`,
  })
  districtTargets(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'districtTargets', asked, question, districtTargets, {
      report: () => new DistrictTargetsReportType(),
      row: () => new DistrictTargetsRowType(),
      rowsAs: 'districts',
    });
  }

  @Rules({ access: 'public' })
  @Query(() => QualityManagementReportType, {
    deprecationReason: OLD_NAME('qualityTargets'),
    description: `Annex 2 under its 2024 name: the same report as qualityTargets, its rows in \`districts\`, ${JUDGED}`,
  })
  qualityManagement(@Args() asked: ProvinceYearArgs, @Args() question: CutArgs, @Ctx() context: GraphQLContext) {
    return yearReport(context, 'qualityManagement', asked, question, qualityManagement, {
      report: () => new QualityManagementReportType(),
      row: () => new QualityManagementRowType(),
      rowsAs: 'districts',
    });
  }
}
