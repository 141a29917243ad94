import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CertificateStatusEnum, EvaluationLevelEnum, ProductGroupEnum } from '../enums';
import { IsDistrictCode, IsEntityId } from './common';
import { PlaceFilter } from './placeFilter';

@InputType('ProductFilter', { description: 'Which products to list; the conditions given must all hold' })
export class ProductFilter extends PlaceFilter {
  @Field({ description: 'Only products registered in this district', nullable: true })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string;

  @Field(() => Int, { nullable: true, description: 'Stars of the certificate valid on the day asked' })
  @IsOptional()
  @Min(1)
  @Max(5)
  stars?: number;

  @Field(() => CertificateStatusEnum, { nullable: true, description: "Status of the product's newest certificate" })
  status?: keyof typeof CertificateStatusEnum;

  @Field(() => ProductGroupEnum, { description: 'Only products of this group', nullable: true })
  group?: keyof typeof ProductGroupEnum;
  @Field({ description: 'Only products of this subject', nullable: true })
  @IsOptional()
  @IsEntityId('subjectId')
  subjectId?: string;

  @Field({ nullable: true, description: 'Words of the name; accents are ignored ("mien dong" finds "Miến dong")' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType('CertificateFilter', { description: 'Which certificates to list; the conditions given must all hold' })
export class CertificateFilter extends PlaceFilter {
  @Field({ description: 'Only certificates of products registered in this district', nullable: true })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string;
  @Field(() => Int, { description: 'Only certificates of these stars', nullable: true })
  @IsOptional()
  @Min(3)
  @Max(5)
  stars?: number;
  @Field(() => CertificateStatusEnum, {
    description: 'Only certificates in this status on the day asked',
    nullable: true,
  })
  status?: keyof typeof CertificateStatusEnum;
  @Field(() => ProductGroupEnum, { description: 'Only certificates of products of this group', nullable: true })
  group?: keyof typeof ProductGroupEnum;
  @Field(() => EvaluationLevelEnum, { description: 'Only certificates recognised at this level', nullable: true })
  level?: keyof typeof EvaluationLevelEnum;
  @Field({ description: 'Only certificates of this product', nullable: true })
  @IsOptional()
  @IsEntityId('productId')
  productId?: string;
}

@InputType('SubjectFilter', { description: 'Which subjects to list; the conditions given must all hold' })
export class SubjectFilter extends PlaceFilter {
  @Field({ description: 'Only subjects registered in this district', nullable: true })
  @IsOptional()
  @IsDistrictCode()
  districtCode?: string;

  @Field({ nullable: true, description: 'Words of the name; accents are ignored' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
