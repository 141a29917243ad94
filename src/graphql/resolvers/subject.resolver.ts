import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findSubjects } from '#projections/subjects.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import type { Cut } from '../cut';
import { lookup } from '../identity';
import { SubjectFilter } from '../inputs/filters.inputs';
import {
  RecordLinkageInput,
  RecordSubjectCommuneInput,
  RecordSupportInput,
  RegisterSubjectInput,
} from '../inputs/subject.inputs';
import { AdministrativeUnitType } from '../types/unit.type';
import { communeOnDay, locateOrFirst } from '../../domain/rules/units/placement';
import { mapPage, paginate } from '../pagination';
import { SubjectPageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { SubjectType } from '../types/subject.type';
import { CutArgs, PageArgs } from './args';
import { Rules } from '../fieldRules';
import { placeAsked } from '../inputs/placeFilter';

export function subjectIn(cut: Cut, id: string): SubjectType {
  const subject = cut.view.models.subjects.get(id);
  if (!subject) throw new NotFoundError(`Subject ${id} does not exist`, { subjectId: id });
  return SubjectType.from(cut.key, subject);
}

@Resolver(() => SubjectType)
export class SubjectResolver {
  @Mutation(() => SubjectType, {
    description: 'Registers a subject in a district (before 2025-07-01) or a commune; answers the subject',
  })
  async registerSubject(
    @Arg('input', { description: 'The subject to register' }) input: RegisterSubjectInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, id, ...subject } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.registerSubject({ ...subject, subjectId: id }, commandContext(context, commandId)),
    );
    return subjectIn(cut, String(result.events[0]!.data['subjectId']));
  }

  @Mutation(() => SubjectType, {
    description: 'Records a production or consumption linkage of a subject with a partner',
  })
  async recordLinkage(
    @Arg('input', { description: 'The linkage to record' }) input: RecordLinkageInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, ...linkage } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordLinkage(linkage, commandContext(context, commandId)),
    );
    return subjectIn(cut, input.subjectId);
  }

  @Mutation(() => SubjectType, { description: 'Records support a subject received under a programme' })
  async recordSupport(
    @Arg('input', { description: 'The support to record' }) input: RecordSupportInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, ...support } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordSupport(support, commandContext(context, commandId)),
    );
    return subjectIn(cut, input.subjectId);
  }

  @Rules({ access: 'officials' })
  @Query(() => SubjectType, {
    description: 'A subject (cooperative, enterprise, household business) by its id, now or as it was',
    nullable: true,
  })
  async subject(
    @Arg('id', () => ID, { description: "The subject's id, or an id this service gave for an answer about the past" })
    id: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType | null> {
    const asked = lookup(id, question);
    const { key, view } = await cutFor(context, asked.question);
    const subject = view.models.subjects.get(asked.id);
    return subject ? SubjectType.from(key, subject) : null;
  }

  @Rules({ access: 'officials' })
  @Query(() => SubjectPageType, {
    description: 'Subjects in registration order, a page at a time, filtered by district or name',
  })
  async subjects(
    @Arg('filter', () => SubjectFilter, { description: 'Which subjects to list; all when omitted', nullable: true })
    filter: SubjectFilter | null,
    @Args() { first, after, last, before, ...question }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<InstanceType<typeof SubjectPageType>> {
    const { key, view } = await cutFor(context, question);
    const page = paginate(findSubjects(view, { ...filter, ...placeAsked(filter, view.day) }), (s) => s.id, {
      first,
      after,
      last,
      before,
    });
    return mapPage(page, (s) => SubjectType.from(key, s));
  }

  @Mutation(() => SubjectType, {
    description: 'Places a subject in a commune from a date (old or new code list by that date)',
  })
  async recordSubjectCommune(
    @Arg('input', { description: 'The subject and its commune' }) input: RecordSubjectCommuneInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubjectType> {
    const { commandId, ...commune } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordSubjectCommune(commune, commandContext(context, commandId)),
    );
    return subjectIn(cut, input.subjectId);
  }

  @FieldResolver(() => AdministrativeUnitType, {
    nullable: true,
    description:
      'Its commune or ward on the day asked (an old commune answers the one it became from 2025-07-01); null when none is recorded',
  })
  commune(@Root() subject: SubjectType, @Ctx() context: GraphQLContext): AdministrativeUnitType | null {
    const commune = communeOnDay(subject.placement, cutOf(context, subject.cut).view.day);
    return commune && AdministrativeUnitType.from(commune);
  }

  @FieldResolver(() => AdministrativeUnitType, {
    description: 'Its province on the day asked (06 Bắc Kạn before 2025-07-01, 19 Thái Nguyên after, for Bắc Kạn)',
  })
  province(@Root() subject: SubjectType, @Ctx() context: GraphQLContext): AdministrativeUnitType {
    const { province } = locateOrFirst(subject.placement, cutOf(context, subject.cut).view.day);
    if (!province)
      throw new NotFoundError(`Subject ${subject.entityId} has no province on record`, {
        subjectId: subject.entityId,
      });
    return AdministrativeUnitType.from(province);
  }

  @FieldResolver(() => [ProductType], { description: 'Its registered products, oldest first' })
  products(@Root() subject: SubjectType, @Ctx() context: GraphQLContext): ProductType[] {
    const { models } = cutOf(context, subject.cut).view;
    return subject.productIds.flatMap((id) => {
      const product = models.products.get(id);
      return product ? [ProductType.from(subject.cut, product)] : [];
    });
  }
}
