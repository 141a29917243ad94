import { Field, ID, ObjectType } from 'type-graphql';
import type { ProductView, View } from '../../../projections';
import { DateScalar } from '../scalars';
import { ProductGroupEnum, QualityStandardEnum, RegistrationKindEnum } from '../enums';
import { AdministrativeUnitType } from './unit.type';

@ObjectType('Traceability')
export class TraceabilityType {
  @Field()
  system!: string;

  @Field(() => DateScalar)
  enabledOn!: string;
}

@ObjectType('QualityCertification', {
  description: 'An advanced quality management certification (ISO 22000, HACCP, VietGAP …)',
})
export class QualityCertificationType {
  @Field(() => QualityStandardEnum)
  standard!: string;

  @Field()
  certificateNo!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  validUntil!: string | null;
}

@ObjectType('Product', { description: 'A product a subject registered for OCOP evaluation' })
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ProductGroupEnum)
  group!: string;

  @Field(() => RegistrationKindEnum)
  registrationKind!: string;

  @Field(() => DateScalar)
  registeredOn!: string;

  @Field(() => AdministrativeUnitType, { description: "The subject's district when the product was registered" })
  district!: AdministrativeUnitType;

  @Field(() => [TraceabilityType])
  traceability!: TraceabilityType[];

  @Field(() => [QualityCertificationType])
  qualityCertifications!: QualityCertificationType[];

  view!: View;
  record!: ProductView;
  subjectId!: string;

  static from(view: View, product: ProductView): ProductType {
    return Object.assign(new ProductType(), {
      ...product,
      district: AdministrativeUnitType.of(product.districtCode),
      traceability: product.traceability.map((t) => Object.assign(new TraceabilityType(), t)),
      qualityCertifications: product.qualityCertifications.map((q) => Object.assign(new QualityCertificationType(), q)),
      view,
      record: product,
    });
  }
}
