import { Field, ID, ObjectType } from 'type-graphql';
import type { ProductView } from '#projections/index';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { ProductGroupEnum, QualityStandardEnum, RegistrationKindEnum } from '../enums';
import { AdministrativeUnitType } from './unit.type';
import { PublicType } from '../fieldRules';

@PublicType()
@ObjectType('Traceability', { description: "A traceability system that records a product's origin" })
export class TraceabilityType {
  @Field({ description: "The system's name (e.g. a provincial traceability portal)" })
  system!: string;

  @Field(() => DateScalar, { description: 'The day the product was traceable in it' })
  enabledOn!: string;
}

@PublicType()
@ObjectType('QualityCertification', {
  description: 'An advanced quality management certification (ISO 22000, HACCP, VietGAP …)',
})
export class QualityCertificationType {
  @Field(() => QualityStandardEnum, { description: 'The standard certified' })
  standard!: string;

  @Field({ description: "The certification's number" })
  certificateNo!: string;

  @Field(() => DateScalar, { description: 'The day it was issued' })
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'Its last valid day, null when it does not expire', nullable: true })
  validUntil!: string | null;
}

@PublicType()
@ObjectType('Product', { description: 'A product a subject registered for OCOP evaluation' })
export class ProductType {
  @Field(() => ID, {
    description:
      "The product's id; in an answer about the past, followed by @ and the time asked (see docs/clients.md)",
  })
  id!: string;

  @Field({ description: "The product's name" })
  name!: string;

  @Field(() => ProductGroupEnum, { description: 'Its OCOP product group' })
  group!: string;

  @Field(() => RegistrationKindEnum, { description: 'Why it was registered: new, upgrade or renewal' })
  registrationKind!: string;

  @Field(() => DateScalar, { description: 'The day it was registered' })
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
