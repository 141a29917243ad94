import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CertificateView } from '../../../projections';
import { DateScalar } from '../scalars';
import { EvaluationLevelEnum, RevocationReasonEnum } from '../enums';

@ObjectType('Revocation')
export class RevocationType {
  @Field(() => RevocationReasonEnum)
  reason!: string;

  @Field()
  details!: string;

  @Field()
  decisionNo!: string;

  @Field(() => DateScalar)
  decidedOn!: string;
}

@ObjectType('Certificate', { description: 'An OCOP certificate: 3–5 stars, valid 36 months from the decision' })
export class CertificateType {
  @Field(() => ID, { description: 'Also the public certificate number' })
  id!: string;

  @Field(() => Int)
  stars!: number;

  @Field(() => EvaluationLevelEnum)
  level!: string;

  @Field()
  decisionNo!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'The last day of validity' })
  expiresOn!: string;

  @Field(() => RevocationType, { nullable: true })
  revocation!: RevocationType | null;

  @Field(() => ID, { nullable: true, description: 'The certificate this one replaced' })
  supersedes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The certificate that replaced this one' })
  supersededBy!: string | null;

  productId!: string;
  /** The key of the cut it was read from (see ../cut.ts): its fields answer from the same one. */
  cut!: string;

  static from(cut: string, certificate: CertificateView): CertificateType {
    const { id, productId, stars, level, decisionNo, issuedOn, expiresOn, supersedes, supersededBy } = certificate;
    return Object.assign(new CertificateType(), {
      id,
      productId,
      stars,
      level,
      decisionNo,
      issuedOn,
      expiresOn,
      supersedes,
      supersededBy,
      revocation: certificate.revocation ? Object.assign(new RevocationType(), certificate.revocation) : null,
      cut,
    });
  }
}
