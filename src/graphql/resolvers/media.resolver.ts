import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { mediaCoverage } from '#projections/planTargets';
import { NotFoundError } from '../../core/errors';
import { requireProvinceInYear } from '../../domain/rules/place';
import { type GraphQLContext, commandContext, cutFor, runCommand } from '../context';
import { RecordMediaCoverageInput } from '../inputs/planTargets.inputs';
import { MediaCoverageReportType, MediaItemType, MediaMonthType } from '../types/planTargets.type';
import { ProvinceYearQuestion, askedProvince } from './askedProvince';
import { Rules } from '../fieldRules';

@Resolver(() => MediaItemType)
export class MediaResolver {
  @Mutation(() => MediaItemType, { description: 'Records a news item, article or report on the OCOP programme' })
  async recordMediaCoverage(
    @Arg('input', { description: 'The item' }) input: RecordMediaCoverageInput,
    @Ctx() context: GraphQLContext,
  ): Promise<MediaItemType> {
    const { commandId, ...item } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.recordMediaCoverage(item, commandContext(context, commandId)),
    );
    const recorded = cut.view.models.media.get(String(result.events[0]!.data['itemId']));
    if (!recorded) throw new NotFoundError('The item was recorded but is not visible yet');
    return MediaItemType.from(cut.key, recorded);
  }

  @Rules({ access: 'officials' })
  @Query(() => MediaCoverageReportType, {
    description: "A province's media coverage of OCOP per month of a year, against the plan's monthly target",
  })
  async mediaCoverage(
    @Args() { year, provinceCode, ...question }: ProvinceYearQuestion,
    @Ctx() context: GraphQLContext,
  ): Promise<MediaCoverageReportType> {
    const { key, view } = await cutFor(context, question);
    const province = askedProvince(context, provinceCode, view.day);
    requireProvinceInYear('provinceCode', province, year);
    const report = mediaCoverage(view, province, year);
    const items = [...view.models.media.values()].filter(
      (item) => item.provinceCode === province && item.publishedOn.startsWith(`${year}-`),
    );
    return Object.assign(new MediaCoverageReportType(), {
      year,
      total: report.total,
      months: report.months.map((m) => Object.assign(new MediaMonthType(), m)),
      items: items.map((item) => MediaItemType.from(key, item)),
    });
  }
}
