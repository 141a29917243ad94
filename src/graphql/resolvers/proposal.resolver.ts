import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { View } from '#projections/index';
import { type ProposalView, findProposals, pendingProposal, proposalPurpose } from '#projections/proposals.projection';
import { NotFoundError } from '../../core/errors';
import { productIdOfProposal } from '../../domain/product/events';
import { communeOn } from '../../domain/rules/units/units';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import { EvaluationLevelEnum, ProposalStatusEnum } from '../enums';
import { ProposeProductInput, ReturnProposalInput } from '../inputs/proposal.inputs';
import { mapPage, paginate } from '../pagination';
import { ProductType } from '../types/product.type';
import { ProposalPageType, ProposalType } from '../types/proposal.type';
import { AdministrativeUnitType } from '../types/unit.type';
import { PageArgs } from './args';
import { productIn } from './product.resolver';
import { Rules } from '../fieldRules';

const proposalType = (key: string, view: View, proposal: ProposalView): ProposalType =>
  ProposalType.from(key, proposal, proposalPurpose(view, proposal));

/** The proposal of a product by its id, as the read models hold it after a command. */
function proposalIn(key: string, view: View, proposalId: string): ProposalType {
  const productId = productIdOfProposal(proposalId) ?? '';
  const proposal = view.models.proposals.get(productId)?.find((p) => p.id === proposalId);
  if (!proposal) throw new NotFoundError(`Proposal ${proposalId} does not exist`, { proposalId });
  return proposalType(key, view, proposal);
}

@Resolver(() => ProposalType)
export class ProposalResolver {
  @Rules({ access: 'officials' })
  @Query(() => ProposalPageType, {
    description:
      'Proposals to a level, oldest first: what waits at the province or the centre (PENDING by default). ' +
      "A province is matched by where the product was on the proposal's date (06 finds Bắc Kạn's 2024 proposals)",
  })
  async proposals(
    @Arg('toLevel', () => EvaluationLevelEnum, { description: 'The level the products are proposed to' })
    toLevel: keyof typeof EvaluationLevelEnum,
    @Arg('provinceCode', () => String, {
      nullable: true,
      description: "Only products located in this province on the proposal's date",
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
    return mapPage(page, (p) => proposalType(key, view, p));
  }

  @Mutation(() => ProposalType, {
    description:
      "A commune committee's proposal of a product to the province (Decision 1489, from 2025-07-01), by the " +
      "commune officer of the product's commune or by the province: it waits in the province's queue until " +
      'the provincial council evaluates the product, or the province returns it',
  })
  async proposeProduct(
    @Arg('input', { description: 'The product, the proposal and the dossier' }) input: ProposeProductInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProposalType> {
    const { commandId, ...proposal } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.proposeProduct(proposal, commandContext(context, commandId)),
    );
    const proposalId = result.events.find((e) => e.type === 'ProductProposed')?.data['proposalId'];
    return proposalIn(cut.key, cut.view, String(proposalId));
  }

  @Mutation(() => ProposalType, {
    description: "Sends a commune's PENDING proposal back (an incomplete dossier), with the reason: by the province",
  })
  async returnProposal(
    @Arg('input', { description: 'The proposal and why it goes back' }) input: ReturnProposalInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProposalType> {
    const { commandId, ...back } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.returnProposal(back, commandContext(context, commandId)),
    );
    return proposalIn(cut.key, cut.view, input.proposalId);
  }

  @FieldResolver(() => ProductType, { description: 'The product proposed' })
  product(@Root() proposal: ProposalType, @Ctx() context: GraphQLContext): ProductType {
    return productIn(cutOf(context, proposal.cut), proposal.productId);
  }

  @FieldResolver(() => AdministrativeUnitType, {
    nullable: true,
    description: "The proposing commune, named as on the proposal's date; null for a council's proposal",
  })
  commune(@Root() proposal: ProposalType): AdministrativeUnitType | null {
    const commune = proposal.communeCode ? communeOn(proposal.communeCode, proposal.proposedOn) : undefined;
    return commune ? AdministrativeUnitType.from(commune) : null;
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
    return pending ? proposalType(product.cut, view, pending) : null;
  }
}
