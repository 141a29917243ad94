import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { EvaluationLevelEnum } from '../enums';
import { DateScalar } from '../scalars';
import { CommandInput, IsEntityId, IsText } from './common';

@InputType('ProposeProductInput', {
  description: "A commune committee's proposal of a product whose dossier it received and assessed (from 2025-07-01)",
})
export class ProposeProductInput extends CommandInput {
  @Field(() => ID, { description: 'The product proposed' }) @IsEntityId('productId') productId!: string;

  @Field(() => EvaluationLevelEnum, { defaultValue: 'PROVINCE', description: 'The level it goes to: the province' })
  toLevel!: keyof typeof EvaluationLevelEnum;

  @Field({ description: "The number of the commune's proposal (tờ trình)" })
  @IsText('decisionNo', REF_MAX)
  decisionNo!: string;

  @Field(() => DateScalar, { description: 'The day of the proposal' }) proposedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "The day the commune received the subject's dossier" })
  @IsOptional()
  dossierReceivedOn?: string | null;

  @Field(() => String, { nullable: true, description: "The commune's assessment, in a few words" })
  @IsOptional()
  @IsText('note', TEXT_MAX)
  note?: string | null;
}

@InputType('ReturnProposalInput', { description: 'An incomplete dossier sent back to the proposing commune' })
export class ReturnProposalInput extends CommandInput {
  @Field(() => ID, { description: 'The proposal (`<product>.P1`)' }) @IsText('proposalId', REF_MAX) proposalId!: string;
  @Field({ description: 'What is missing or wrong' }) @IsText('reason', TEXT_MAX) reason!: string;
  @Field(() => DateScalar, { description: 'The day it was sent back' }) returnedOn!: string;
}
