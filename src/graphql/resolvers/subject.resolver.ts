import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findSubjects } from '../../../projections/subjects.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import type { Cut } from '../cut';
import { SubjectFilter } from '../inputs/filters.inputs';
import { RecordLinkageInput, RecordSupportInput, RegisterSubjectInput } from '../inputs/subject.inputs';
import { paginate } from '../pagination';
import { SubjectPageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { SubjectType } from '../types/subject.type';
import { CutArgs, PageArgs } from './args';

export function subjectIn(cut: Cut, id: string): SubjectType {
  const subject = cut.view.models.subjects.get(id);
  if (!subject) throw new NotFoundError(`Subject ${id} does not exist`, { subjectId: id });
  return SubjectType.from(cut.key, subject);
}

@Resolver(() => SubjectType)
export class SubjectResolver {
  @Mutation(() => SubjectType)
  async registerSubject(
    @Arg('input') input: RegisterSubjectInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, id, ...subject } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.registerSubject({ ...subject, subjectId: id }, commandContext(context, commandId)),
    );
    return subjectIn(cut, String(result.events[0]!.data['subjectId']));
  }

  @Mutation(() => SubjectType)
  async recordLinkage(@Arg('input') input: RecordLinkageInput, @Ctx() context: GraphQLContext): Promise<SubjectType> {
    const { commandId, ...linkage } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordLinkage(linkage, commandContext(context, commandId)),
    );
    return subjectIn(cut, input.subjectId);
  }

  @Mutation(() => SubjectType)
  async recordSupport(@Arg('input') input: RecordSupportInput, @Ctx() context: GraphQLContext): Promise<SubjectType> {
    const { commandId, ...support } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordSupport(support, commandContext(context, commandId)),
    );
    return subjectIn(cut, input.subjectId);
  }

  @Query(() => SubjectType, { nullable: true })
  async subject(
    @Arg('id', () => ID) id: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType | null> {
    const { key, view } = await cutFor(context, question);
    const subject = view.models.subjects.get(id);
    return subject ? SubjectType.from(key, subject) : null;
  }

  @Query(() => SubjectPageType)
  async subjects(
    @Arg('filter', () => SubjectFilter, { nullable: true }) filter: SubjectFilter | null,
    @Args() { first, after, ...question }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectPageType> {
    const { key, view } = await cutFor(context, question);
    const page = paginate(findSubjects(view, filter ?? {}), (s) => s.id, first, after);
    return {
      nodes: page.items.map((s) => SubjectType.from(key, s)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
    };
  }

  @FieldResolver(() => [ProductType])
  products(@Root() subject: SubjectType, @Ctx() context: GraphQLContext): ProductType[] {
    const { models } = cutOf(context, subject.cut).view;
    return subject.productIds.flatMap((id) => {
      const product = models.products.get(id);
      return product ? [ProductType.from(subject.cut, product)] : [];
    });
  }
}
