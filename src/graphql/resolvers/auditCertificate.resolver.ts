import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { certificateHistory, certificateStreamId } from '../../application/auditTrail';
import { type GraphQLContext, cutOf } from '../context';
import { AuditEntryType } from '../types/audit.type';
import { CertificateType } from '../types/certificate.type';
import { Rules } from '../fieldRules';

@Resolver(() => CertificateType)
export class CertificateHistoryResolver {
  // Its issue, supersession, revocation and the evaluation: bounded by the domain.
  @Rules({ readsStore: true, maxItems: 10 })
  @FieldResolver(() => [AuditEntryType], {
    description:
      'Every stored event about this certificate, oldest first: the evaluation that issued it, its issue, ' +
      'supersession and revocation, with actors and decisions (up to asOf/atPosition when asked about the past)',
  })
  async history(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): Promise<AuditEntryType[]> {
    const streamId = certificateStreamId(certificate.entityId);
    if (!streamId) return [];
    const entries = await context.loaders.streamEntries.load(streamId);
    return certificateHistory(entries, certificate.entityId, cutOf(context, certificate.cut).position).map(
      AuditEntryType.from,
    );
  }
}
