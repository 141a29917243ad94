import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findSubjects } from '../../../projections/subjects.projection';
import type { View } from '../../../projections';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, runCommand, viewAt } from '../context';
import { SubjectFilter } from '../inputs/filters.inputs';
import { RecordLinkageInput, RecordSupportInput, RegisterSubjectInput } from '../inputs/subject.inputs';
import { paginate } from '../pagination';
import { DateTimeScalar } from '../scalars';
import { SubjectPageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { SubjectType } from '../types/subject.type';
import { AT_POSITION, PageArgs } from './args';

export function subjectIn(view: View, id: string): SubjectType {
  const subject = view.models.subjects.get(id);
  if (!subject) throw new NotFoundError(`Subject ${id} does not exist`, { subjectId: id });
  return SubjectType.from(view, subject);
}

@Resolver(() => SubjectType)
export class SubjectResolver {
  @Mutation(() => SubjectType)
  async registerSubject(
    @Arg('input') input: RegisterSubjectInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, id, ...subject } = input;
    const { result, view } = await runCommand(context, () =>
      context.services.registry.registerSubject({ ...subject, subjectId: id }, commandContext(context, commandId)),
    );
    return subjectIn(view, String(result.events[0]!.data['subjectId']));
  }

  @Mutation(() => SubjectType)
  async recordLinkage(@Arg('input') input: RecordLinkageInput, @Ctx() context: GraphQLContext): Promise<SubjectType> {
    const { commandId, ...linkage } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.recordLinkage(linkage, commandContext(context, commandId)),
    );
    return subjectIn(view, input.subjectId);
  }

  @Mutation(() => SubjectType)
  async recordSupport(@Arg('input') input: RecordSupportInput, @Ctx() context: GraphQLContext): Promise<SubjectType> {
    const { commandId, ...support } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.recordSupport(support, commandContext(context, commandId)),
    );
    return subjectIn(view, input.subjectId);
  }

  @Query(() => SubjectType, { nullable: true })
  async subject(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateTimeScalar, { nullable: true, validate: false }) asOf: Date | null,
    @Arg('atPosition', () => String, { nullable: true, description: AT_POSITION }) atPosition: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType | null> {
    const view = await viewAt(context, asOf, atPosition);
    const subject = view.models.subjects.get(id);
    return subject ? SubjectType.from(view, subject) : null;
  }

  @Query(() => SubjectPageType)
  async subjects(
    @Arg('filter', () => SubjectFilter, { nullable: true }) filter: SubjectFilter | null,
    @Args() { first, after, asOf, atPosition }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectPageType> {
    const view = await viewAt(context, asOf, atPosition);
    const page = paginate(findSubjects(view, filter ?? {}), (s) => s.id, first, after);
    return {
      nodes: page.items.map((s) => SubjectType.from(view, s)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
    };
  }

  @FieldResolver(() => [ProductType])
  products(@Root() subject: SubjectType): ProductType[] {
    return subject.productIds.flatMap((id) => {
      const product = subject.view.models.products.get(id);
      return product ? [ProductType.from(subject.view, product)] : [];
    });
  }
}
