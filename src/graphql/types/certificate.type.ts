import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CertificateView } from '#projections/index';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { EvaluationLevelEnum, RevocationReasonEnum } from '../enums';
import { PublicType } from '../fieldRules';

@PublicType()
@ObjectType('Revocation', { description: 'The decision that revoked a certificate' })
export class RevocationType {
  @Field(() => RevocationReasonEnum, { description: 'Why it was revoked' })
  reason!: string;

  @Field({ description: 'What the revoking authority found' })
  details!: string;

  @Field({ description: 'The number of the revoking decision' })
  decisionNo!: string;

  @Field(() => DateScalar, { description: 'The day of the revoking decision' })
  decidedOn!: string;
}

@PublicType()
@ObjectType('Certificate', { description: 'An OCOP certificate: 3–5 stars, valid 36 months from the decision' })
export class CertificateType {
  @Field(() => ID, {
    description:
      'The public certificate number; in an answer about the past, followed by @ and the time asked (see docs/clients.md)',
  })
  id!: string;

  @Field(() => Int, { description: 'The stars recognised, 3 to 5' })
  stars!: number;

  @Field(() => EvaluationLevelEnum, { description: 'The level that recognised them' })
  level!: string;

  @Field({ description: 'The number of the recognising decision' })
  decisionNo!: string;

  @Field(() => DateScalar, { description: 'The day of the recognising decision' })
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'The last day of validity' })
  expiresOn!: string;

  @Field(() => RevocationType, { description: 'The revocation, null unless revoked', nullable: true })
  revocation!: RevocationType | null;

  @Field(() => ID, { nullable: true, description: 'The certificate this one replaced' })
  supersedes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The certificate that replaced this one' })
  supersededBy!: string | null;

  /** The certificate number, whatever the cut. */
  entityId!: string;
  productId!: string;
  /** The key of the cut it was read from (see ../cut.ts): its fields answer from the same one. */
  cut!: string;

  static from(cut: string, certificate: CertificateView): CertificateType {
    const { id, productId, stars, level, decisionNo, issuedOn, expiresOn, supersedes, supersededBy } = certificate;
    return Object.assign(new CertificateType(), {
      id: identify(id, cut),
      entityId: id,
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
