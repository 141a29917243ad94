import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { findPlan } from '../../../projections/plans.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, runCommand, viewAt } from '../context';
import { AdoptPlanInput } from '../inputs/plan.inputs';
import { DateTimeScalar } from '../scalars';
import { AT_POSITION } from './args';
import { PlanType } from '../types/plan.type';

@Resolver(() => PlanType)
export class PlanResolver {
  @Mutation(() => PlanType, { description: "Adopts a province's yearly plan; adopting it again revises the targets" })
  async adoptPlan(@Arg('input') input: AdoptPlanInput, @Ctx() context: GraphQLContext): Promise<PlanType> {
    const { commandId, ...plan } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.adoptPlan(plan, commandContext(context, commandId)),
    );
    const adopted = findPlan(view.models.plans, input.provinceCode, input.year);
    if (!adopted) throw new NotFoundError('The plan was recorded but is not visible yet');
    return PlanType.from(adopted);
  }

  @Query(() => PlanType, { nullable: true })
  async plan(
    @Arg('year', () => Int) year: number,
    @Arg('provinceCode', () => String, { defaultValue: '06' }) provinceCode: string,
    @Arg('asOf', () => DateTimeScalar, { nullable: true, validate: false }) asOf: Date | null,
    @Arg('atPosition', () => String, { nullable: true, description: AT_POSITION }) atPosition: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<PlanType | null> {
    const plan = findPlan((await viewAt(context, asOf, atPosition)).models.plans, provinceCode, year);
    return plan ? PlanType.from(plan) : null;
  }
}
