import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PLAN_YEAR_FIRST, PLAN_YEAR_LAST, REF_MAX, TARGET_MAX } from '../../domain/rules/limits';
import { DateScalar } from '../scalars';
import { CommandInput, IsDistrictCode, IsProvinceCode, IsText, IsUnitCode } from './common';

const target = (): PropertyDecorator => (t, k) => [Min(0), Max(TARGET_MAX)].forEach((d) => d(t, k));

@InputType('DistrictTargetInput')
export class DistrictTargetInput {
  @Field(() => String, {
    nullable: true,
    description: 'The unit: a district or a commune of the province, or the province itself (read on adoptedOn)',
  })
  @IsOptional()
  @IsUnitCode('unitCode')
  unitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A district (plans dated before 2025-07-01); as unitCode' })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string | null;

  @Field(() => Int) @target() newProducts3Star!: number;
  @Field(() => Int) @target() consolidatedSubjects!: number;
  @Field(() => Int) @target() newSubjects!: number;
  @Field(() => Int) @target() traceabilityProducts!: number;
  @Field(() => Int) @target() linkageSubjects!: number;
  @Field(() => Int) @target() advancedQmProducts!: number;
}

@InputType('AdoptPlanInput')
export class AdoptPlanInput extends CommandInput {
  @Field({ description: "The plan's document number, e.g. 180/KH-UBND" })
  @IsText('reference', REF_MAX)
  reference!: string;

  @Field()
  @IsProvinceCode()
  provinceCode!: string;

  @Field(() => Int)
  @Min(PLAN_YEAR_FIRST)
  @Max(PLAN_YEAR_LAST)
  year!: number;

  @Field(() => DateScalar)
  adoptedOn!: string;

  @Field(() => [DistrictTargetInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  targets!: DistrictTargetInput[];
}
