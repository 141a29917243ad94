import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { ProposalView } from '#projections/index';
import { EvaluationLevelEnum, EvaluationPurposeEnum, ProposalStatusEnum } from '../enums';
import { DateScalar } from '../scalars';
import { identify } from '../identity';
import { connection } from './page.type';

@ObjectType('Proposal', {
  description:
    'A product proposed to the next level: a council result (district ≥ 70 to the province, province ≥ 90 to the ' +
    "centre) or, from 2025-07-01, a commune's proposal to the province",
})
export class ProposalType {
  @Field(() => ID, { description: 'The proposal, and the time asked when about the past (see docs/clients.md)' })
  id!: string;

  @Field(() => EvaluationLevelEnum, { description: 'The level that proposed the product' })
  fromLevel!: string;

  @Field(() => EvaluationLevelEnum, { description: 'The level the product is proposed to' })
  toLevel!: string;

  @Field(() => Float, { nullable: true, description: "The proposing council's score; null for a commune's proposal" })
  score!: number | null;

  @Field(() => EvaluationPurposeEnum, {
    description:
      "Why the product goes up, read on the proposal's date as for an evaluation (RENEWAL near or after the end of its newest certificate)",
  })
  purpose!: string;

  @Field({ description: "The proposing council's decision number, or the commune's proposal number" })
  decisionNo!: string;

  @Field(() => DateScalar, { description: "The day of the proposing council's decision, or of the commune's proposal" })
  proposedOn!: string;

  @Field(() => ProposalStatusEnum, { description: 'Waiting, evaluated by the next level, withdrawn, or returned' })
  status!: string;

  @Field(() => DateScalar, { nullable: true, description: "A commune's proposal: the day it received the dossier" })
  dossierReceivedOn!: string | null;

  @Field(() => String, { nullable: true, description: "A commune's proposal: its assessment" })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the province sent the dossier back, when RETURNED' })
  returnReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the province sent the dossier back' })
  returnedOn!: string | null;

  /** The proposing commune's code (see the resolver's `commune`). */
  communeCode!: string | null;

  productId!: string;
  /** The key of the cut it was read from (see ../cut.ts). */
  cut!: string;

  /** `purpose`: the proposal's own, or the one derived for a proposal recorded before purposes. */
  static from(cut: string, proposal: ProposalView, purpose: string): ProposalType {
    const { id, productId, fromLevel, toLevel, score, decisionNo, proposedOn, status } = proposal;
    return Object.assign(new ProposalType(), {
      id: identify(id, cut),
      productId,
      fromLevel,
      toLevel,
      score,
      purpose,
      decisionNo,
      proposedOn,
      status,
      dossierReceivedOn: proposal.dossierReceivedOn ?? null,
      note: proposal.note ?? null,
      returnReason: proposal.returned?.reason ?? null,
      returnedOn: proposal.returned?.returnedOn ?? null,
      communeCode: proposal.communeCode ?? null,
      cut,
    });
  }
}

export const ProposalPageType = connection('Proposal', ProposalType, 'proposal');
