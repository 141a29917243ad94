import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { otherTargets } from '#projections/planTargets';
import { supportSpending } from '#projections/supportSpending';
import { requireProvinceInYear } from '../../domain/rules/place';
import { OTHER_TARGET_FIELDS } from '../../domain/rules/plan180Targets';
import { type GraphQLContext, cutFor } from '../context';
import { identify } from '../identity';
import { PlanType } from '../types/plan.type';
import {
  OtherTargetsReportType,
  PlanOtherTargetsType,
  SupportSpendingReportType,
  UnitIndicatorType,
} from '../types/planTargets.type';
import { AdministrativeUnitType } from '../types/unit.type';
import { ProvinceYearQuestion, askedProvince } from './askedProvince';
import { Rules } from '../fieldRules';

@Resolver()
export class PlanTargetsResolver {
  @Rules({ access: 'officials' })
  @Query(() => SupportSpendingReportType, {
    description: 'What support provided in a year to subjects of a province cost, by funding source and by unit',
  })
  async supportSpending(
    @Args() { year, provinceCode, ...question }: ProvinceYearQuestion,
    @Ctx() context: GraphQLContext,
  ): Promise<SupportSpendingReportType> {
    const { view } = await cutFor(context, question);
    const province = askedProvince(context, provinceCode, view.day);
    requireProvinceInYear('provinceCode', province, year);
    const report = supportSpending(view, province, year);
    return Object.assign(new SupportSpendingReportType(), {
      ...report,
      byUnit: report.byUnit.map((row) => ({ ...row, unit: AdministrativeUnitType.from(row.unit) })),
    });
  }

  @Rules({ access: 'officials' })
  @Query(() => OtherTargetsReportType, {
    description:
      "Plan 180's targets beyond Annex 1 and 2 (media a month, key products, sales points) against what was recorded",
  })
  async otherTargets(
    @Args() { year, provinceCode, ...question }: ProvinceYearQuestion,
    @Ctx() context: GraphQLContext,
  ): Promise<OtherTargetsReportType> {
    const { key, view } = await cutFor(context, question);
    const province = askedProvince(context, provinceCode, view.day);
    requireProvinceInYear('provinceCode', province, year);
    const report = otherTargets(view, province, year);
    return Object.assign(new OtherTargetsReportType(), {
      ...report,
      id: identify(`otherTargets:${province}:${year}`, key),
      unitKeyProducts: report.unitKeyProducts.map((row) =>
        Object.assign(new UnitIndicatorType(), { ...row, unit: AdministrativeUnitType.from(row.unit) }),
      ),
    });
  }
}

@Resolver(() => PlanType)
export class PlanOtherTargetsResolver {
  @FieldResolver(() => PlanOtherTargetsType, {
    description: 'Targets the plan sets beside Annex 1 and 2 (media, key products, sales points); null where none',
  })
  otherTargets(@Root() plan: PlanType & { otherTargets?: Record<string, number | null> }): PlanOtherTargetsType {
    const set = plan.otherTargets ?? {};
    return Object.assign(
      new PlanOtherTargetsType(),
      Object.fromEntries(OTHER_TARGET_FIELDS.map((field) => [field, set[field] ?? null])),
    );
  }
}
