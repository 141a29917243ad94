import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findCertificates, statusOf } from '../../../projections/certificates.projection';
import type { View } from '../../../projections';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, runCommand, viewAt } from '../context';
import { CertificateStatusEnum } from '../enums';
import { CertificateFilter } from '../inputs/filters.inputs';
import { RevokeCertificateInput } from '../inputs/product.inputs';
import { paginate } from '../pagination';
import { DateTimeScalar } from '../scalars';
import { CertificateType } from '../types/certificate.type';
import { CertificatePageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { AT_POSITION, PageArgs } from './args';
import { productIn } from './product.resolver';

export function certificateIn(view: View, id: string): CertificateType {
  const certificate = view.models.certificates.get(id);
  if (!certificate) throw new NotFoundError(`Certificate ${id} does not exist`, { certificateId: id });
  return CertificateType.from(view, certificate);
}

@Resolver(() => CertificateType)
export class CertificateResolver {
  @Mutation(() => CertificateType, {
    description: 'Revokes a VALID certificate by a decision of the recognising level',
  })
  async revokeCertificate(
    @Arg('input') input: RevokeCertificateInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificateType> {
    const { commandId, ...revocation } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.revokeCertificate(revocation, commandContext(context, commandId)),
    );
    return certificateIn(view, input.certificateId);
  }

  @Query(() => CertificateType, {
    nullable: true,
    description: 'A certificate by its id, which is also its public number',
  })
  async certificate(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateTimeScalar, { nullable: true, validate: false }) asOf: Date | null,
    @Arg('atPosition', () => String, { nullable: true, description: AT_POSITION }) atPosition: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificateType | null> {
    const view = await viewAt(context, asOf, atPosition);
    const certificate = view.models.certificates.get(id);
    return certificate ? CertificateType.from(view, certificate) : null;
  }

  @Query(() => CertificatePageType)
  async certificates(
    @Arg('filter', () => CertificateFilter, { nullable: true }) filter: CertificateFilter | null,
    @Args() { first, after, asOf, atPosition }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificatePageType> {
    const view = await viewAt(context, asOf, atPosition);
    const page = paginate(findCertificates(view, filter ?? {}), (c) => c.id, first, after);
    return {
      nodes: page.items.map((c) => CertificateType.from(view, c)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
    };
  }

  @FieldResolver(() => CertificateStatusEnum, { description: 'Judged on the day asked (today, or the asOf day)' })
  status(@Root() certificate: CertificateType): string {
    return statusOf(certificate.record, certificate.view.day);
  }

  @FieldResolver(() => ProductType)
  product(@Root() certificate: CertificateType): ProductType {
    return productIn(certificate.view, certificate.productId);
  }
}
