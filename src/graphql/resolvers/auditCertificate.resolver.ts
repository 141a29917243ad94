import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { certificateHistory } from '../../application/auditTrail';
import { readingStore } from '../../application/eventLog';
import type { GraphQLContext } from '../context';
import { AuditEntryType } from '../types/audit.type';
import { CertificateType } from '../types/certificate.type';

@Resolver(() => CertificateType)
export class CertificateHistoryResolver {
  @FieldResolver(() => [AuditEntryType], {
    description:
      'Every stored event about this certificate, oldest first: the evaluation that issued it, its issue, ' +
      'supersession and revocation, with actors and decisions (up to asOf/atPosition when asked about the past)',
  })
  async history(@Root() certificate: CertificateType, @Ctx() context: GraphQLContext): Promise<AuditEntryType[]> {
    const { store, timeTravel } = context.services;
    const cut = timeTravel.cutOf(certificate.view.models) ?? null;
    const entries = await readingStore(() => certificateHistory(store, certificate.id, cut));
    return entries.map(AuditEntryType.from);
  }
}
