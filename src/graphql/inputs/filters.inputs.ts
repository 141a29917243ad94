import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CertificateStatusEnum, EvaluationLevelEnum, ProductGroupEnum } from '../enums';
import { IsDistrictCode, IsEntityId } from './common';

@InputType('ProductFilter')
export class ProductFilter {
  @Field({ nullable: true }) @IsOptional() @IsDistrictCode() districtCode?: string;

  @Field(() => Int, { nullable: true, description: 'Stars of the certificate valid on the day asked' })
  @IsOptional()
  @Min(1)
  @Max(5)
  stars?: number;

  @Field(() => CertificateStatusEnum, { nullable: true, description: "Status of the product's newest certificate" })
  status?: keyof typeof CertificateStatusEnum;

  @Field(() => ProductGroupEnum, { nullable: true }) group?: keyof typeof ProductGroupEnum;
  @Field({ nullable: true }) @IsOptional() @IsEntityId('subjectId') subjectId?: string;

  @Field({ nullable: true, description: 'Words of the name; accents are ignored ("mien dong" finds "Miến dong")' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType('CertificateFilter')
export class CertificateFilter {
  @Field({ nullable: true }) @IsOptional() @IsDistrictCode() districtCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(3) @Max(5) stars?: number;
  @Field(() => CertificateStatusEnum, { nullable: true }) status?: keyof typeof CertificateStatusEnum;
  @Field(() => ProductGroupEnum, { nullable: true }) group?: keyof typeof ProductGroupEnum;
  @Field(() => EvaluationLevelEnum, { nullable: true }) level?: keyof typeof EvaluationLevelEnum;
  @Field({ nullable: true }) @IsOptional() @IsEntityId('productId') productId?: string;
}

@InputType('SubjectFilter')
export class SubjectFilter {
  @Field({ nullable: true }) @IsOptional() @IsDistrictCode() districtCode?: string;

  @Field({ nullable: true, description: 'Words of the name; accents are ignored' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
