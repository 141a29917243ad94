import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import {
  EvaluationLevelEnum,
  ProductGroupEnum,
  QualityStandardEnum,
  RegistrationKindEnum,
  RevocationReasonEnum,
} from '../enums';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { SCORE_PART_MAX } from '../../domain/rules/scoreParts';
import { DateScalar } from '../scalars';
import { CommandInput, IsEntityId, IsText } from './common';

@InputType('RegisterProductInput')
export class RegisterProductInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the commandId' })
  @IsOptional()
  @IsEntityId('id')
  id?: string;

  @Field(() => ID) @IsEntityId('subjectId') subjectId!: string;
  @Field() @IsText('name', NAME_MAX) name!: string;
  @Field(() => ProductGroupEnum) group!: keyof typeof ProductGroupEnum;
  @Field(() => RegistrationKindEnum) registrationKind!: keyof typeof RegistrationKindEnum;
  @Field(() => DateScalar) registeredOn!: string;
}

const part = (name: 'a' | 'b' | 'c'): PropertyDecorator => {
  const message = `parts.${name} must be between 0 and ${SCORE_PART_MAX[name]}`;
  return (target, key) => [Min(0, { message }), Max(SCORE_PART_MAX[name], { message })].forEach((d) => d(target, key));
};

@InputType('ScorePartsInput', { description: 'The three parts of a score; they must sum to the score' })
export class ScorePartsInput {
  @Field(() => Float, { description: 'A: production and community strength, 0–40' }) @part('a') a!: number;
  @Field(() => Float, { description: 'B: marketing and product story, 0–25' }) @part('b') b!: number;
  @Field(() => Float, { description: 'C: quality, 0–35' }) @part('c') c!: number;
}

@InputType('AwardStarsInput')
export class AwardStarsInput extends CommandInput {
  @Field(() => ID) @IsEntityId('productId') productId!: string;
  @Field(() => EvaluationLevelEnum) level!: keyof typeof EvaluationLevelEnum;

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

  @Field() @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar) decidedOn!: string;
}

@InputType('RevokeCertificateInput')
export class RevokeCertificateInput extends CommandInput {
  @Field(() => ID) @IsText('certificateId', REF_MAX) certificateId!: string;
  @Field(() => RevocationReasonEnum) reason!: keyof typeof RevocationReasonEnum;
  @Field() @IsText('details', TEXT_MAX) details!: string;
  @Field() @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar) decidedOn!: string;
}

@InputType('RecordTraceabilityInput')
export class RecordTraceabilityInput extends CommandInput {
  @Field(() => ID) @IsEntityId('productId') productId!: string;
  @Field({ description: 'The traceability system or platform used' }) @IsText('system', NAME_MAX) system!: string;
  @Field(() => DateScalar) enabledOn!: string;
}

@InputType('RecordQualityCertificationInput')
export class RecordQualityCertificationInput extends CommandInput {
  @Field(() => ID) @IsEntityId('productId') productId!: string;
  @Field(() => QualityStandardEnum) standard!: keyof typeof QualityStandardEnum;
  @Field() @IsText('certificateNo', REF_MAX) certificateNo!: string;
  @Field(() => DateScalar) issuedOn!: string;
  @Field(() => DateScalar, { nullable: true }) validUntil?: string | null;
}
