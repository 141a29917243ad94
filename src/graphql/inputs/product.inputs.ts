import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import {
  EvaluationLevelEnum,
  ProductGroupEnum,
  QualityStandardEnum,
  RegistrationKindEnum,
  RevocationReasonEnum,
} from '../enums';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
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

@InputType('AwardStarsInput')
export class AwardStarsInput extends CommandInput {
  @Field(() => ID) @IsEntityId('productId') productId!: string;
  @Field(() => EvaluationLevelEnum) level!: keyof typeof EvaluationLevelEnum;

  @Field(() => Float, { description: 'The council score out of 100' })
  @Min(0, { message: 'score must be between 0 and 100' })
  @Max(100, { message: 'score must be between 0 and 100' })
  score!: number;

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
