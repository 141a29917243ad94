import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { ProposalView } from '#projections/index';
import { EvaluationLevelEnum, ProposalStatusEnum } from '../enums';
import { DateScalar } from '../scalars';
import { identify } from '../identity';
import { connection } from './page.type';

@ObjectType('Proposal', {
  description: 'A result proposed to the next level (district ≥ 70 to the province, province ≥ 90 to the centre)',
})
export class ProposalType {
  @Field(() => ID, { description: 'The proposal, and the time asked when about the past (see docs/clients.md)' })
  id!: string;

  @Field(() => EvaluationLevelEnum, { description: 'The level that proposed the product' })
  fromLevel!: string;

  @Field(() => EvaluationLevelEnum, { description: 'The level the product is proposed to' })
  toLevel!: string;

  @Field(() => Float, { description: "The proposing council's score" })
  score!: number;

  @Field({ description: "The proposing council's decision number" })
  decisionNo!: string;

  @Field(() => DateScalar, { description: "The day of the proposing council's decision" })
  proposedOn!: string;

  @Field(() => ProposalStatusEnum, { description: 'Waiting, evaluated by the next level, or withdrawn' })
  status!: string;

  productId!: string;
  /** The key of the cut it was read from (see ../cut.ts). */
  cut!: string;

  static from(cut: string, proposal: ProposalView): ProposalType {
    const { id, productId, fromLevel, toLevel, score, decisionNo, proposedOn, status } = proposal;
    return Object.assign(new ProposalType(), {
      id: identify(id, cut),
      productId,
      fromLevel,
      toLevel,
      score,
      decisionNo,
      proposedOn,
      status,
      cut,
    });
  }
}

export const ProposalPageType = connection('Proposal', ProposalType, 'proposal');
