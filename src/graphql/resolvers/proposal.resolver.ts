import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { findProposals, pendingProposal } from '#projections/proposals.projection';
import { type GraphQLContext, cutFor, cutOf } from '../context';
import { EvaluationLevelEnum, ProposalStatusEnum } from '../enums';
import { mapPage, paginate } from '../pagination';
import { ProductType } from '../types/product.type';
import { ProposalPageType, ProposalType } from '../types/proposal.type';
import { PageArgs } from './args';
import { productIn } from './product.resolver';
import { Rules } from '../fieldRules';

@Resolver(() => ProposalType)
export class ProposalResolver {
  @Rules({ access: 'officials' })
  @Query(() => ProposalPageType, {
    description: 'Proposals to a level, oldest first: what waits at the province or the centre (PENDING by default)',
  })
  async proposals(
    @Arg('toLevel', () => EvaluationLevelEnum, { description: 'The level the products are proposed to' })
    toLevel: keyof typeof EvaluationLevelEnum,
    @Arg('provinceCode', () => String, {
      nullable: true,
      description: 'Only products located in this province on the day asked',
    })
    provinceCode: string | null,
    @Arg('status', () => ProposalStatusEnum, {
      nullable: true,
      defaultValue: 'PENDING',
      description: 'Only proposals in this state; null for every state',
    })
    status: keyof typeof ProposalStatusEnum | null,
    @Args() { first, after, last, before, ...question }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<InstanceType<typeof ProposalPageType>> {
    const { key, view } = await cutFor(context, question);
    const proposals = findProposals(view, { toLevel, provinceCode, status });
    const page = paginate(proposals, (p) => p.id, { first, after, last, before });
    return mapPage(page, (p) => ProposalType.from(key, p));
  }

  @FieldResolver(() => ProductType, { description: 'The product proposed' })
  product(@Root() proposal: ProposalType, @Ctx() context: GraphQLContext): ProductType {
    return productIn(cutOf(context, proposal.cut), proposal.productId);
  }
}

@Resolver(() => ProductType)
export class ProductProposalResolver {
  @FieldResolver(() => ProposalType, {
    nullable: true,
    description: "The product's proposal still waiting at the next level, null if none",
  })
  pendingProposal(@Root() product: ProductType, @Ctx() context: GraphQLContext): ProposalType | null {
    const { view } = cutOf(context, product.cut);
    const pending = pendingProposal(view, product.entityId);
    return pending ? ProposalType.from(product.cut, pending) : null;
  }
}
