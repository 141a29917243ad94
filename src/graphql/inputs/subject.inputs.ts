import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LinkageKindEnum, SubjectKindEnum, SupportProgrammeEnum } from '../enums';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { DateScalar } from '../scalars';
import { CommandInput, IsDistrictCode, IsEntityId, IsText } from './common';

@InputType('RegisterSubjectInput')
export class RegisterSubjectInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the commandId' })
  @IsOptional()
  @IsEntityId('id')
  id?: string;

  @Field() @IsText('name', NAME_MAX) name!: string;
  @Field(() => SubjectKindEnum) kind!: keyof typeof SubjectKindEnum;
  @Field() @IsDistrictCode() districtCode!: string;
  @Field(() => DateScalar) registeredOn!: string;
}

@InputType('RecordLinkageInput')
export class RecordLinkageInput extends CommandInput {
  @Field(() => ID) @IsEntityId('subjectId') subjectId!: string;
  @Field() @IsText('partnerName', NAME_MAX) partnerName!: string;
  @Field(() => LinkageKindEnum) kind!: keyof typeof LinkageKindEnum;
  @Field(() => DateScalar) startedOn!: string;
  @Field(() => DateScalar, { nullable: true }) endedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText('contractRef', REF_MAX)
  contractRef?: string | null;
}

@InputType('RecordSupportInput')
export class RecordSupportInput extends CommandInput {
  @Field(() => ID) @IsEntityId('subjectId') subjectId!: string;
  @Field(() => SupportProgrammeEnum) programme!: keyof typeof SupportProgrammeEnum;
  @Field(() => DateScalar) providedOn!: string;
  @Field() @IsText('description', TEXT_MAX) description!: string;
}
