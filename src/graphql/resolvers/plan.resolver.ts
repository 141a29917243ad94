import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { findPlan } from '#projections/plans.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutFor, runCommand } from '../context';
import { AdoptPlanInput } from '../inputs/plan.inputs';
import { PlanType } from '../types/plan.type';
import { CutArgs, ProvinceYearArgs } from './args';
import { Rules } from '../fieldRules';
import { provinceAsked } from '../provinceAsked';

@Resolver(() => PlanType)
export class PlanResolver {
  @Mutation(() => PlanType, { description: "Adopts a province's yearly plan; adopting it again revises the targets" })
  async adoptPlan(
    @Arg('input', { description: 'The plan and its targets per unit' }) input: AdoptPlanInput,
    @Ctx() context: GraphQLContext,
  ): Promise<PlanType> {
    const { commandId, ...plan } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.adoptPlan(plan, commandContext(context, commandId)),
    );
    const adopted = findPlan(cut.view.models.plans, input.provinceCode, input.year);
    if (!adopted) throw new NotFoundError('The plan was recorded but is not visible yet');
    return PlanType.from(cut.key, adopted);
  }

  @Rules({ access: 'public' })
  @Query(() => PlanType, {
    description: "A province's yearly OCOP plan with its targets, null when none is adopted",
    nullable: true,
  })
  async plan(
    @Args() { year, provinceCode }: ProvinceYearArgs,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<PlanType | null> {
    const { key, view } = await cutFor(context, question);
    const plan = findPlan(view.models.plans, provinceAsked(provinceCode, context.actor, view.day, year), year);
    return plan ? PlanType.from(key, plan) : null;
  }
}
