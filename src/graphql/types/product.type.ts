import { Field, ID, ObjectType } from 'type-graphql';
import type { ProductView } from '../../../projections';
import { identify } from '../identity';
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

  /** The product's id, whatever the cut. */
  entityId!: string;
  subjectId!: string;
  districtCode!: string | null;
  /** The key of the cut it was read from (see ../cut.ts): its fields answer from the same one. */
  cut!: string;

  // Built when asked for: a page of products should not pay for fields its query does not select.
  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description:
      "The subject's district when the product was registered; null for products of subjects registered from 2025-07-01",
  })
  get district(): AdministrativeUnitType | null {
    return AdministrativeUnitType.district(this.districtCode);
  }

  static from(cut: string, product: ProductView): ProductType {
    const { id, name, group, registrationKind, registeredOn, subjectId, districtCode } = product;
    return Object.assign(new ProductType(), {
      id: identify(id, cut),
      entityId: id,
      name,
      group,
      registrationKind,
      registeredOn,
      subjectId,
      districtCode,
      cut,
    });
  }
}
