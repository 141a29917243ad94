import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { CertificateView } from '../../../projections';
import { certificateHistory } from '../../application/auditTrail';
import { readingStore } from '../../application/eventLog';
import { ValidationError } from '../../core/errors';
import { type GraphQLContext, viewAt } from '../context';
import { DateScalar } from '../scalars';
import { AuditEntryType, RevocationRecordType } from '../types/audit.type';
import { CertificateType } from '../types/certificate.type';
import { AdministrativeUnitType } from '../types/unit.type';

@Resolver()
export class AuditRevocationsResolver {
  @Query(() => [RevocationRecordType], {
    description: 'Certificates revoked by decisions dated from–to (inclusive), oldest decision first, for auditors',
  })
  async revocations(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('districtCode', () => String, { nullable: true }) districtCode: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<RevocationRecordType[]> {
    if (from > to) throw new ValidationError('from must not be after to', { field: 'from' });
    const view = await viewAt(context);
    const revoked = [...view.models.certificates.values()]
      .filter((c): c is CertificateView & { revocation: NonNullable<CertificateView['revocation']> } => {
        const decidedOn = c.revocation?.decidedOn;
        if (!decidedOn || decidedOn < from || decidedOn > to) return false;
        return !districtCode || view.models.products.get(c.productId)?.districtCode === districtCode;
      })
      .sort((a, b) => a.revocation.decidedOn.localeCompare(b.revocation.decidedOn) || a.id.localeCompare(b.id));
    // The read models know what was revoked; who recorded it and when is in the stored event.
    return Promise.all(
      revoked.map(async (certificate) => {
        const history = await readingStore(() => certificateHistory(context.services.store, certificate.id));
        const event = history.filter((e) => e.type === 'CertificateRevoked').at(-1);
        const product = view.models.products.get(certificate.productId);
        return Object.assign(new RevocationRecordType(), {
          ...certificate.revocation,
          certificate: CertificateType.from(view, certificate),
          certificateId: certificate.id,
          productId: certificate.productId,
          productName: product?.name ?? certificate.productId,
          district: AdministrativeUnitType.of(product?.districtCode ?? ''),
          stars: certificate.stars,
          level: certificate.level,
          recorded: event ? AuditEntryType.from(event) : null,
        });
      }),
    );
  }
}
