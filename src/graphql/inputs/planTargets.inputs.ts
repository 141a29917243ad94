import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NAME_MAX, REF_MAX, TARGET_MAX, TEXT_MAX } from '../../domain/rules/limits';
import { KeyProductLevelEnum, MediaLevelEnum } from '../enums';
import { DateScalar } from '../scalars';
import {
  CommandInput,
  IsCommuneCode,
  IsDistrictCode,
  IsEntityId,
  IsProvinceCode,
  IsText,
  REGISTERED_ID_DESCRIPTION,
} from './common';

@InputType('RecordMediaCoverageInput', { description: 'A news item, article or report on the OCOP programme' })
export class RecordMediaCoverageInput extends CommandInput {
  @Field({ description: 'The province whose programme it covers, read on publishedOn' })
  @IsProvinceCode()
  provinceCode!: string;

  @Field({ description: 'The newspaper, broadcaster or site' }) @IsText('outlet', NAME_MAX) outlet!: string;
  @Field(() => MediaLevelEnum, { description: 'Central or local media' }) outletLevel!: keyof typeof MediaLevelEnum;
  @Field({ description: 'Its title' }) @IsText('title', TEXT_MAX) title!: string;
  @Field(() => DateScalar, { description: 'The day it was published or broadcast' }) publishedOn!: string;

  @Field(() => String, { nullable: true, description: 'Where to read or watch it (http or https)' })
  @IsOptional()
  @Length(1, 2000)
  url?: string | null;
}

@InputType('DesignateKeyProductInput', { description: 'A decision designating a key product (sản phẩm chủ lực)' })
export class DesignateKeyProductInput extends CommandInput {
  @Field(() => ID, { description: 'The product' }) @IsEntityId('productId') productId!: string;
  @Field(() => KeyProductLevelEnum, {
    description: 'PROVINCE; DISTRICT for decisions before 2025-07-01; COMMUNE from then',
  })
  level!: keyof typeof KeyProductLevelEnum;
  @Field({ description: "The decision's number" }) @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar, { description: "The decision's date" }) decidedOn!: string;
}

@InputType('EndKeyProductInput', { description: 'A decision ending a key product designation' })
export class EndKeyProductInput extends CommandInput {
  @Field(() => ID, { description: 'The product' }) @IsEntityId('productId') productId!: string;
  @Field(() => KeyProductLevelEnum, { description: 'The level of the designation that ends' })
  level!: keyof typeof KeyProductLevelEnum;
  @Field({ description: "The decision's number" }) @IsText('decisionNo', REF_MAX) decisionNo!: string;
  @Field(() => DateScalar, { description: 'The day the designation ends' }) endedOn!: string;
}

@InputType('RegisterSalesPointInput', {
  description: 'An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP) that opened',
})
export class RegisterSalesPointInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: REGISTERED_ID_DESCRIPTION })
  @IsOptional()
  @IsEntityId('id')
  id?: string;

  @Field({ description: 'Its name' }) @IsText('name', NAME_MAX) name!: string;

  @Field(() => ID, { nullable: true, description: 'The subject that runs it, if one does' })
  @IsOptional()
  @IsEntityId('operatorSubjectId')
  operatorSubjectId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Required from 2025-07-01: a commune or ward of today's provinces; before, optional: the old commune",
  })
  @IsOptional()
  @IsCommuneCode('communeCode')
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The district: required for points opened before 2025-07-01' })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string | null;

  @Field({ description: 'Its street address' }) @IsText('address', TEXT_MAX) address!: string;
  @Field(() => DateScalar, { description: 'The day it opened' }) openedOn!: string;

  @Field(() => String, { nullable: true, description: 'The standard it meets, e.g. "950/QĐ-BCT"' })
  @IsOptional()
  @IsText('standard', REF_MAX)
  standard?: string | null;
}

@InputType('CloseSalesPointInput', { description: 'A sales point that closed' })
export class CloseSalesPointInput extends CommandInput {
  @Field(() => ID, { description: 'The sales point' }) @IsEntityId('salesPointId') salesPointId!: string;
  @Field(() => DateScalar, { description: 'The day it closed' }) closedOn!: string;
  @Field({ description: 'Why it closed' }) @IsText('reason', TEXT_MAX) reason!: string;
}

const target = (): PropertyDecorator => (t, k) => [IsOptional(), Min(0), Max(TARGET_MAX)].forEach((d) => d(t, k));

@InputType('PlanOtherTargetsInput', {
  description: 'Targets a plan may set beside Annex 1 and 2; leave out what the plan does not set',
})
export class PlanOtherTargetsInput {
  @Field(() => Int, { nullable: true, description: 'Media items a month (Plan 180: at least 2)' })
  @target()
  mediaItemsPerMonth?: number | null;

  @Field(() => Int, { nullable: true, description: 'Key products of the province (Plan 180: at least 3)' })
  @target()
  provincialKeyProducts?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Key products of each unit of the plan's level (Plan 180: at least 1 per district)",
  })
  @target()
  keyProductsPerUnit?: number | null;

  @Field(() => Int, { nullable: true, description: 'OCOP sales points open in the province' })
  @target()
  salesPoints?: number | null;
}
