import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findCertificates, issuedByOf, revokedByOf, statusOf } from '#projections/certificates.projection';
import { pendingProposal, proposalPurpose } from '#projections/proposals.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import type { Cut } from '../cut';
import { CertificateStatusEnum } from '../enums';
import { lookup } from '../identity';
import { CertificateFilter } from '../inputs/filters.inputs';
import { RevokeCertificateInput } from '../inputs/product.inputs';
import { mapPage, paginate } from '../pagination';
import { CertificateType } from '../types/certificate.type';
import { IssuingAuthorityType } from '../types/issuingAuthority.type';
import { CertificatePageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { CutArgs, PageArgs } from './args';
import { productIn } from './product.resolver';
import { Rules } from '../fieldRules';
import { placeAsked } from '../inputs/placeFilter';

export function certificateIn(cut: Cut, id: string): CertificateType {
  const certificate = cut.view.models.certificates.get(id);
  if (!certificate) throw new NotFoundError(`Certificate ${id} does not exist`, { certificateId: id });
  return CertificateType.from(cut.key, certificate);
}

@Resolver(() => CertificateType)
export class CertificateResolver {
  @Mutation(() => CertificateType, {
    description:
      'Revokes a VALID certificate by a decision of the recognising level, or one that EXPIRED without renewal ' +
      '(reason EXPIRED_NOT_RENEWED only); it reads REVOKED from the decision date, past years unchanged',
  })
  async revokeCertificate(
    @Arg('input', { description: 'The certificate, the reason and the revoking decision' })
    input: RevokeCertificateInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificateType> {
    const { commandId, ...revocation } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.revokeCertificate(revocation, commandContext(context, commandId)),
    );
    return certificateIn(cut, input.certificateId);
  }

  @Rules({ access: 'public' })
  @Query(() => CertificateType, {
    nullable: true,
    description: 'A certificate by its id, which is also its public number',
  })
  async certificate(
    @Arg('id', () => ID, {
      description: 'The certificate number (`mien-dong.C1`), or an id this service gave for an answer about the past',
    })
    id: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificateType | null> {
    const asked = lookup(id, question);
    const cut = await cutFor(context, asked.question);
    const certificate = cut.view.models.certificates.get(asked.id);
    return certificate ? CertificateType.from(cut.key, certificate) : null;
  }

  @Rules({ access: 'officials' })
  @Query(() => CertificatePageType, {
    description:
      'Certificates in order of issue, a page at a time, filtered by district, stars, status, group, level or product',
  })
  async certificates(
    @Arg('filter', () => CertificateFilter, {
      description: 'Which certificates to list; all when omitted',
      nullable: true,
    })
    filter: CertificateFilter | null,
    @Args() { first, after, last, before, ...question }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<InstanceType<typeof CertificatePageType>> {
    const { key, view } = await cutFor(context, question);
    const page = paginate(findCertificates(view, { ...filter, ...placeAsked(filter, view.day) }), (c) => c.id, {
      first,
      after,
      last,
      before,
    });
    return mapPage(page, (c) => CertificateType.from(key, c));
  }

  @FieldResolver(() => CertificateStatusEnum, { description: 'Judged on the day asked (today, or the asOf day)' })
  status(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): string {
    const { view } = cutOf(context, certificate.cut);
    return statusOf(view.models.certificates.get(certificate.entityId)!, view.day);
  }

  @FieldResolver(() => IssuingAuthorityType, {
    description: 'Who issued it, as on the decision date (UBND tỉnh Bắc Kạn, UBND huyện Na Rì), whoever entered it',
  })
  issuedBy(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): IssuingAuthorityType {
    const { view } = cutOf(context, certificate.cut);
    const authority = issuedByOf(view.models, view.models.certificates.get(certificate.entityId)!);
    return IssuingAuthorityType.from(authority, certificate.issuedOn);
  }

  @FieldResolver(() => IssuingAuthorityType, {
    nullable: true,
    description:
      'Who revoked it, as on the revoking decision date (the province for a district certificate from 2025-07-01); null unless revoked',
  })
  revokedBy(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): IssuingAuthorityType | null {
    const { view } = cutOf(context, certificate.cut);
    const authority = revokedByOf(view.models, view.models.certificates.get(certificate.entityId)!);
    return authority && certificate.revocation
      ? IssuingAuthorityType.from(authority, certificate.revocation.decidedOn)
      : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'True while a PENDING proposal with purpose RENEWAL exists for its product',
  })
  renewalPending(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): boolean {
    const { view } = cutOf(context, certificate.cut);
    const pending = pendingProposal(view, certificate.productId);
    return pending !== null && proposalPurpose(view, pending) === 'RENEWAL';
  }

  @FieldResolver(() => ProductType, { description: 'The product certified' })
  product(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): ProductType {
    return productIn(cutOf(context, certificate.cut), certificate.productId);
  }
}
