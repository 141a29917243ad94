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

  view!: View;
  record!: ProductView;
  subjectId!: string;

  // Built when asked for: a page of products should not pay for fields its query does not select.
  @Field(() => AdministrativeUnitType, { description: "The subject's district when the product was registered" })
  get district(): AdministrativeUnitType {
    return AdministrativeUnitType.of(this.record.districtCode);
  }

  @Field(() => [TraceabilityType])
  get traceability(): TraceabilityType[] {
    return this.record.traceability.map((t) => Object.assign(new TraceabilityType(), t));
  }

  @Field(() => [QualityCertificationType])
  get qualityCertifications(): QualityCertificationType[] {
    return this.record.qualityCertifications.map((q) => Object.assign(new QualityCertificationType(), q));
  }

  static from(view: View, product: ProductView): ProductType {
    const { id, name, group, registrationKind, registeredOn, subjectId } = product;
    return Object.assign(new ProductType(), {
      id,
      name,
      group,
      registrationKind,
      registeredOn,
      subjectId,
      view,
      record: product,
    });
  }
}
