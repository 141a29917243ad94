import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import {
  EvaluationLevelEnum,
  EvaluationPurposeEnum,
  ProductGroupEnum,
  QualityStandardEnum,
  RegistrationKindEnum,
  RevocationReasonEnum,
} from '../enums';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { SCORE_PART_MAX_EVER } from '../../domain/rules/scoreParts';
import { DateScalar } from '../scalars';
import { CommandInput, REGISTERED_ID_DESCRIPTION, IsEntityId, IsText } from './common';

@InputType('RegisterProductInput', { description: 'A product to register for evaluation' })
export class RegisterProductInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: REGISTERED_ID_DESCRIPTION })
  @IsOptional()
  @IsEntityId('id')
  id?: string;

  @Field(() => ID, { description: 'The subject that produces it' }) @IsEntityId('subjectId') subjectId!: string;
  @Field({ description: "The product's name" }) @IsText('name', NAME_MAX) name!: string;
  @Field(() => ProductGroupEnum, { description: 'Its OCOP product group' }) group!: keyof typeof ProductGroupEnum;
  @Field(() => RegistrationKindEnum, { description: 'New, upgrade or renewal' })
  registrationKind!: keyof typeof RegistrationKindEnum;
  @Field(() => DateScalar, { description: 'The day of registration' }) registeredOn!: string;
}

const part = (name: 'a' | 'b' | 'c'): PropertyDecorator => {
  // The decider checks each part against the criteria of the decision date; here only what no criteria allow.
  const message = `parts.${name} must be between 0 and ${SCORE_PART_MAX_EVER[name]}`;
  return (target, key) =>
    [Min(0, { message }), Max(SCORE_PART_MAX_EVER[name], { message })].forEach((d) => d(target, key));
};

@InputType('ScorePartsInput', {
  description:
    'The three parts of a score; they must sum to the score. Maxima by decision date: before 2023-02-24 ' +
    '(Decision 1048/QĐ-TTg) A 35, B 25, C 40; from then (Decision 148/QĐ-TTg) A 40, B 25, C 35',
})
export class ScorePartsInput {
  @Field(() => Float, { description: 'A: production and community strength, 0–35 or 0–40' }) @part('a') a!: number;
  @Field(() => Float, { description: 'B: marketing and product story, 0–25' }) @part('b') b!: number;
  @Field(() => Float, { description: 'C: quality, 0–40 or 0–35' }) @part('c') c!: number;
}

@InputType('AwardStarsInput', { description: "A council's result for a product" })
export class AwardStarsInput extends CommandInput {
  @Field(() => ID, { description: 'The product evaluated' }) @IsEntityId('productId') productId!: string;
  @Field(() => EvaluationLevelEnum, { description: "The council's level" }) level!: keyof typeof EvaluationLevelEnum;

  @Field(() => Float, { description: 'The council score out of 100' })
  @Min(0, { message: 'score must be between 0 and 100' })
  @Max(100, { message: 'score must be between 0 and 100' })
  score!: number;

  @Field(() => ScorePartsInput, {
    nullable: true,
    description: 'The A/B/C part scores, when the council record gives them (a + b + c = score)',
  })
  @IsOptional()
  @ValidateNested()
  parts?: ScorePartsInput | null;

  @Field(() => EvaluationPurposeEnum, {
    nullable: true,
    description:
      'Why it is evaluated. Derived when absent: FIRST without a certificate, RENEWAL when the newest one ends within ' +
      '90 days after the decision or has ended, UPGRADE otherwise; RECHECK is only ever given',
  })
  @IsOptional()
  purpose?: keyof typeof EvaluationPurposeEnum | null;

  @Field({ description: "The number of the council's decision" }) @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar, { description: "The day of the council's decision" }) decidedOn!: string;
}

@InputType('RevokeCertificateInput', {
  description: 'A revocation decision: of a VALID certificate, or of an EXPIRED one as EXPIRED_NOT_RENEWED',
})
export class RevokeCertificateInput extends CommandInput {
  @Field(() => ID, { description: 'The certificate number' }) @IsText('certificateId', REF_MAX) certificateId!: string;
  @Field(() => RevocationReasonEnum, { description: 'Why it is revoked' }) reason!: keyof typeof RevocationReasonEnum;
  @Field({ description: 'What the revoking authority found' }) @IsText('details', TEXT_MAX) details!: string;
  @Field({ description: 'The number of the revoking decision' }) @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar, { description: 'The day of the revoking decision' }) decidedOn!: string;
}

@InputType('RecordTraceabilityInput', { description: 'A traceability system a product is traceable in' })
export class RecordTraceabilityInput extends CommandInput {
  @Field(() => ID, { description: 'The product' }) @IsEntityId('productId') productId!: string;
  @Field({ description: 'The traceability system or platform used' }) @IsText('system', NAME_MAX) system!: string;
  @Field(() => DateScalar, { description: 'The day it became traceable' }) enabledOn!: string;
}

@InputType('RecordQualityCertificationInput', {
  description: 'An advanced quality management certification of a product',
})
export class RecordQualityCertificationInput extends CommandInput {
  @Field(() => ID, { description: 'The product' }) @IsEntityId('productId') productId!: string;
  @Field(() => QualityStandardEnum, { description: 'The standard certified' })
  standard!: keyof typeof QualityStandardEnum;
  @Field({ description: "The certification's number" }) @IsText('certificateNo', REF_MAX) certificateNo!: string;
  @Field(() => DateScalar, { description: 'The day it was issued' }) issuedOn!: string;
  @Field(() => DateScalar, { description: 'Its last valid day, if it expires', nullable: true }) validUntil?:
    string | null;
}
