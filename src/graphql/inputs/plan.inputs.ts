import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PLAN_YEAR_FIRST, PLAN_YEAR_LAST, REF_MAX, TARGET_MAX } from '../../domain/rules/limits';
import { DateScalar } from '../scalars';
import { CommandInput, IsDistrictCode, IsProvinceCode, IsText, IsUnitCode } from './common';
import { PlanOtherTargetsInput } from './planTargets.inputs';

const target = (): PropertyDecorator => (t, k) => [Min(0), Max(TARGET_MAX)].forEach((d) => d(t, k));

@InputType('DistrictTargetInput', { description: "A plan's targets for one unit" })
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

  @Field(() => Int, { description: 'New products to certify with 3 stars or more' })
  @target()
  newProducts3Star!: number;
  @Field(() => Int, { description: 'Certified subjects to consolidate' }) @target() consolidatedSubjects!: number;
  @Field(() => Int, { description: 'New subjects to register with a product' }) @target() newSubjects!: number;
  @Field(() => Int, { description: 'Certified products to make traceable' }) @target() traceabilityProducts!: number;
  @Field(() => Int, { description: 'Certified subjects to link with partners' }) @target() linkageSubjects!: number;
  @Field(() => Int, { description: 'Certified products to bring under advanced quality management' })
  @target()
  advancedQmProducts!: number;
}

@InputType('AdoptPlanInput', { description: "A province's yearly plan" })
export class AdoptPlanInput extends CommandInput {
  @Field({ description: "The plan's document number, e.g. 180/KH-UBND" })
  @IsText('reference', REF_MAX)
  reference!: string;

  @Field({ description: "The province's code" })
  @IsProvinceCode()
  provinceCode!: string;

  @Field(() => Int, { description: 'The plan year' })
  @Min(PLAN_YEAR_FIRST)
  @Max(PLAN_YEAR_LAST)
  year!: number;

  @Field(() => DateScalar, { description: 'The day of adoption' })
  adoptedOn!: string;

  @Field(() => [DistrictTargetInput], { description: 'The targets per unit' })
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  targets!: DistrictTargetInput[];

  @Field(() => PlanOtherTargetsInput, {
    nullable: true,
    description: 'Targets beside Annex 1 and 2: media a month, key products, sales points',
  })
  @IsOptional()
  @ValidateNested()
  otherTargets?: PlanOtherTargetsInput | null;
}
