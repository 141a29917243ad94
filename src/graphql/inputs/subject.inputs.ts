import { IsInt, IsOptional, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { FundingSourceEnum, LinkageKindEnum, SubjectKindEnum, SupportProgrammeEnum } from '../enums';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { DateScalar } from '../scalars';
import { CommandInput, REGISTERED_ID_DESCRIPTION, IsCommuneCode, IsDistrictCode, IsEntityId, IsText } from './common';

@InputType('RegisterSubjectInput', { description: 'A subject to register' })
export class RegisterSubjectInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: REGISTERED_ID_DESCRIPTION })
  @IsOptional()
  @IsEntityId('id')
  id?: string;

  @Field({ description: 'The registered name' }) @IsText('name', NAME_MAX) name!: string;
  @Field(() => SubjectKindEnum, { description: 'Its legal form' }) kind!: keyof typeof SubjectKindEnum;
  @Field(() => String, {
    nullable: true,
    description: 'The district: required for registrations dated before 2025-07-01, refused from then on',
  })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Required from 2025-07-01: a commune or ward of today's 34 provinces; before that date, optional: the old commune (read in the old code list)",
  })
  @IsOptional()
  @IsCommuneCode('communeCode')
  communeCode?: string | null;

  @Field(() => DateScalar, { description: 'The day of registration' }) registeredOn!: string;
}

@InputType('RecordSubjectCommuneInput', { description: 'Places a subject in a commune from a date' })
export class RecordSubjectCommuneInput extends CommandInput {
  @Field(() => ID, { description: 'The subject' }) @IsEntityId('subjectId') subjectId!: string;

  @Field({ description: 'A commune or ward, read in the code list of `on` (old communes before 2025-07-01)' })
  @IsCommuneCode('communeCode')
  communeCode!: string;

  @Field(() => DateScalar, { description: 'From when the subject is there; it also picks the code list' })
  on!: string;
}

@InputType('RecordLinkageInput', { description: 'A linkage of a subject with a partner' })
export class RecordLinkageInput extends CommandInput {
  @Field(() => ID, { description: 'The subject' }) @IsEntityId('subjectId') subjectId!: string;
  @Field({ description: "The partner's name" }) @IsText('partnerName', NAME_MAX) partnerName!: string;
  @Field(() => LinkageKindEnum, { description: 'What the linkage covers' }) kind!: keyof typeof LinkageKindEnum;
  @Field(() => DateScalar, { description: 'The day it started' }) startedOn!: string;
  @Field(() => DateScalar, { description: 'The day it ended, if it has', nullable: true }) endedOn?: string | null;

  @Field(() => String, { description: "The contract's reference, if any", nullable: true })
  @IsOptional()
  @IsText('contractRef', REF_MAX)
  contractRef?: string | null;
}

@InputType('RecordSupportInput', { description: 'Support a subject received' })
export class RecordSupportInput extends CommandInput {
  @Field(() => ID, { description: 'The subject' }) @IsEntityId('subjectId') subjectId!: string;
  @Field(() => SupportProgrammeEnum, { description: 'The programme it came under' })
  programme!: keyof typeof SupportProgrammeEnum;
  @Field(() => DateScalar, { description: 'The day it was provided' }) providedOn!: string;
  @Field({ description: 'What was provided' }) @IsText('description', TEXT_MAX) description!: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'What it cost, in whole đồng (0 or more)' })
  @IsOptional()
  @IsInt({ message: 'amountVnd must be a whole number of đồng' })
  @Min(0, { message: 'amountVnd must be a whole number of đồng, 0 or more' })
  amountVnd?: number | null;

  @Field(() => FundingSourceEnum, { nullable: true, description: 'Which of the four sources paid for it' })
  fundingSource?: keyof typeof FundingSourceEnum | null;
}
