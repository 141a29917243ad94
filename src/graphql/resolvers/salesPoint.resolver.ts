import { IsOptional, Matches, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { openSalesPoints } from '#projections/salesPoints.projection';
import { NotFoundError } from '../../core/errors';
import { requireProvinceOn } from '../../domain/rules/place';
import { requireCommune } from '../../domain/rules/units/readPlace';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import type { Cut } from '../cut';
import { CloseSalesPointInput, RegisterSalesPointInput } from '../inputs/planTargets.inputs';
import { MAX_PAGE_SIZE, mapPage, paginate } from '../pagination';
import { DateScalar } from '../scalars';
import { SalesPointPageType, SalesPointType } from '../types/salesPoint.type';
import { SubjectType } from '../types/subject.type';
import { CutArgs } from './args';
import { askedProvince } from './askedProvince';
import { Rules } from '../fieldRules';

function salesPointIn(cut: Cut, id: string): SalesPointType {
  const point = cut.view.models.salesPoints.get(id);
  if (!point) throw new NotFoundError(`Sales point ${id} does not exist`, { salesPointId: id });
  return SalesPointType.from(cut.key, point, cut.view.day);
}

@ArgsType()
export class SalesPointsArgs extends CutArgs {
  @Field(() => String, { nullable: true, description: "The province's code; the caller's province when absent" })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only points in this commune or ward on `on`' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit GSO commune or ward code' })
  communeCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day asked (default: the day of the answer)' })
  on?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default 20)` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Items after this cursor (the endCursor of the previous page)' })
  after?: string;
}

@Resolver(() => SalesPointType)
export class SalesPointResolver {
  @Mutation(() => SalesPointType, { description: 'Registers an OCOP sales point that opened' })
  async registerSalesPoint(
    @Arg('input', { description: 'The sales point' }) input: RegisterSalesPointInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SalesPointType> {
    const { commandId, id, ...point } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.registerSalesPoint({ ...point, salesPointId: id }, commandContext(context, commandId)),
    );
    return salesPointIn(cut, String(result.events[0]!.data['salesPointId']));
  }

  @Mutation(() => SalesPointType, { description: 'Records that a sales point closed' })
  async closeSalesPoint(
    @Arg('input', { description: 'The closing' }) input: CloseSalesPointInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SalesPointType> {
    const { commandId, ...closing } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.closeSalesPoint(closing, commandContext(context, commandId)),
    );
    return salesPointIn(cut, input.salesPointId);
  }

  @Rules({ access: 'public' })
  @Query(() => SalesPointPageType, {
    description: 'OCOP sales points open on `on` in a province (or one of its communes), in the order registered',
  })
  async salesPoints(
    @Args() { provinceCode, communeCode, on, first, after, ...question }: SalesPointsArgs,
    @Ctx() context: GraphQLContext,
  ) {
    const { key, view } = await cutFor(context, question);
    const day = on ?? view.day;
    const province = requireProvinceOn('provinceCode', askedProvince(context, provinceCode, day), day).code;
    if (communeCode) requireCommune('communeCode', communeCode, day);
    const points = openSalesPoints(view.models, { provinceCode: province, communeCode }, day);
    const page = paginate(points, (p) => p.id, { first, after });
    return mapPage(page, (point) => SalesPointType.from(key, point, day));
  }

  @FieldResolver(() => SubjectType, { nullable: true, description: 'The subject that runs it, if one does' })
  operator(@Root() point: SalesPointType, @Ctx() context: GraphQLContext): SubjectType | null {
    if (!point.operatorSubjectId) return null;
    const subject = cutOf(context, point.cut).view.models.subjects.get(point.operatorSubjectId);
    return subject ? SubjectType.from(point.cut, subject) : null;
  }
}
