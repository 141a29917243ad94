import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MediaItemView } from '#projections/index';
import { FundingSourceEnum, MediaLevelEnum } from '../enums';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { IndicatorType } from './report.type';
import { AdministrativeUnitType } from './unit.type';
import { Rules } from '../fieldRules';
import { MOST_UNITS_IN_A_PROVINCE } from '../../domain/rules/units/units';
import { FUNDING_SOURCES } from '../../domain/rules/plan180Targets';

@ObjectType('MediaItem', { description: 'A news item, article or report on the OCOP programme (Plan 180, target 3)' })
export class MediaItemType {
  @Field(() => ID, { description: "The item's id" }) id!: string;
  @Field({ description: 'The newspaper, broadcaster or site' }) outlet!: string;
  @Field(() => MediaLevelEnum, { description: 'Central or local media' }) outletLevel!: string;
  @Field({ description: 'Its title' }) title!: string;
  @Field(() => DateScalar, { description: 'The day it was published' }) publishedOn!: string;
  @Field(() => String, { nullable: true, description: 'Where to read or watch it' }) url!: string | null;

  static from(cut: string, item: MediaItemView): MediaItemType {
    const { id, outlet, outletLevel, title, publishedOn, url } = item;
    return Object.assign(new MediaItemType(), { id: identify(id, cut), outlet, outletLevel, title, publishedOn, url });
  }
}

@ObjectType('MediaMonth', { description: 'Media items of one month against the plan’s monthly target' })
export class MediaMonthType {
  @Field(() => Int, { description: 'The month, 1–12' }) month!: number;
  @Field(() => Int, { description: 'Items published in the month' }) count!: number;
  @Field(() => Int, { nullable: true, description: 'Items a month the plan asks for; null without a plan target' })
  target!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the count reached the target; null without one' })
  met!: boolean | null;
}

@ObjectType('MediaCoverageReport', { description: "A province's media coverage of OCOP per month of a year" })
export class MediaCoverageReportType {
  @Field(() => Int, { description: 'The year' }) year!: number;
  @Rules({ maxItems: 12 })
  @Field(() => [MediaMonthType], { description: 'Months 1 to 12' })
  months!: MediaMonthType[];
  @Field(() => Int, { description: 'Items in the whole year' }) total!: number;
  @Rules({ maxItems: 200 })
  @Field(() => [MediaItemType], { description: 'The items of the year, in the order they were recorded' })
  items!: MediaItemType[];
}

@ObjectType('SourceAmount', { description: 'What one funding source paid' })
export class SourceAmountType {
  @Field(() => FundingSourceEnum, { description: 'The source' }) source!: string;
  @Field(() => GraphQLSafeInt, { description: 'Whole đồng' }) amountVnd!: number;
}

@ObjectType('UnitAmount', { description: 'What support to the subjects of one unit cost' })
export class UnitAmountType {
  @Field(() => AdministrativeUnitType, {
    description: 'The district (support before 2025-07-01) or commune the subject was in on the day of support',
  })
  unit!: AdministrativeUnitType;
  @Field(() => GraphQLSafeInt, { description: 'Whole đồng' }) amountVnd!: number;
}

@ObjectType('SupportSpendingReport', {
  description: 'What support provided in a year to subjects of a province cost, by funding source and by unit',
})
export class SupportSpendingReportType {
  @Field(() => Int, { description: 'The year' }) year!: number;
  @Field(() => GraphQLSafeInt, { description: 'All recorded amounts, in whole đồng' }) totalVnd!: number;
  @Rules({ maxItems: FUNDING_SOURCES.length })
  @Field(() => [SourceAmountType], { description: 'Each of the four sources, 0 where nothing was recorded' })
  bySource!: SourceAmountType[];
  @Field(() => GraphQLSafeInt, { description: 'Amounts recorded without their source (in the total)' })
  unattributedVnd!: number;
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [UnitAmountType], { description: 'By unit, in code order; units with no recorded amount left out' })
  byUnit!: UnitAmountType[];
}

@ObjectType('UnitIndicator', { description: "A target and what was achieved in one unit of the plan's level" })
export class UnitIndicatorType extends IndicatorType {
  @Field(() => AdministrativeUnitType, { description: 'The unit' }) unit!: AdministrativeUnitType;
}

@ObjectType('PlanOtherTargets', { description: 'Targets a plan sets beside Annex 1 and 2; null where it sets none' })
export class PlanOtherTargetsType {
  @Field(() => Int, { nullable: true, description: 'Media items a month' }) mediaItemsPerMonth!: number | null;
  @Field(() => Int, { nullable: true, description: 'Key products of the province' })
  provincialKeyProducts!: number | null;
  @Field(() => Int, { nullable: true, description: "Key products of each unit of the plan's level" })
  keyProductsPerUnit!: number | null;
  @Field(() => Int, { nullable: true, description: 'Sales points open in the province' }) salesPoints!: number | null;
}

@ObjectType('OtherTargetsReport', {
  description:
    'What Plan 180 counts beyond Annex 1 and 2 (media, key products, sales points): targets from the plan (0 where it sets none) and actuals on the status day',
})
export class OtherTargetsReportType {
  @Field(() => ID, { description: 'The report and the time asked when about the past' }) id!: string;
  @Field(() => Int, { description: 'The plan year' }) year!: number;
  @Field(() => DateScalar, {
    description: 'The day key products and sales points are counted on: 31 December, or the day asked when earlier',
  })
  statusDay!: string;
  @Field(() => Int, { nullable: true, description: 'Media items a month the plan asks for' })
  mediaItemsPerMonth!: number | null;
  @Field(() => Int, { description: 'Months of the year whose items reached the monthly target' })
  mediaMonthsMet!: number;
  @Field(() => IndicatorType, { description: 'Media items in the year; target 12 × the monthly target' })
  mediaItems!: IndicatorType;
  @Field(() => IndicatorType, { description: 'Provincial key products in force' })
  provincialKeyProducts!: IndicatorType;
  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [UnitIndicatorType], {
    description: "District (or commune) key products in force, per unit of the plan's level",
  })
  unitKeyProducts!: UnitIndicatorType[];
  @Field(() => IndicatorType, { description: 'Sales points open in the province' }) salesPoints!: IndicatorType;
}
