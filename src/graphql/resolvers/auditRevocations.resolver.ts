import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CertificateView } from '#projections/index';
import { certificateHistory, certificateStreamId } from '../../application/auditTrail';
import { ValidationError } from '../../core/errors';
import { type GraphQLContext, cutFor } from '../context';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { AuditEntryType, RevocationRecordType } from '../types/audit.type';
import { CertificateType } from '../types/certificate.type';
import { AdministrativeUnitType } from '../types/unit.type';
import { Rules } from '../fieldRules';

type Revoked = CertificateView & { revocation: NonNullable<CertificateView['revocation']> };

@Resolver(() => RevocationRecordType)
export class AuditRevocationsResolver {
  @Rules({ access: 'officials', maxItems: 200 })
  @Query(() => [RevocationRecordType], {
    description: 'Certificates revoked by decisions dated from–to (inclusive), oldest decision first, for auditors',
  })
  async revocations(
    @Arg('from', () => DateScalar, { description: 'The first decision day to include' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The last decision day to include' }) to: string,
    @Arg('districtCode', () => String, { description: 'Only products registered in this district', nullable: true })
    districtCode: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<RevocationRecordType[]> {
    if (from > to) throw new ValidationError('from must not be after to', { field: 'from' });
    const { key, view } = await cutFor(context);
    const { certificates, products } = view.models;
    return [...certificates.values()]
      .filter((c): c is Revoked => {
        const decidedOn = c.revocation?.decidedOn;
        if (!decidedOn || decidedOn < from || decidedOn > to) return false;
        return !districtCode || products.get(c.productId)?.districtCode === districtCode;
      })
      .sort((a, b) => a.revocation.decidedOn.localeCompare(b.revocation.decidedOn) || a.id.localeCompare(b.id))
      .map((certificate) => {
        const product = products.get(certificate.productId);
        return Object.assign(new RevocationRecordType(), {
          ...certificate.revocation,
          certificate: CertificateType.from(key, certificate),
          id: identify(certificate.id, key),
          certificateId: certificate.id,
          productId: certificate.productId,
          productName: product?.name ?? certificate.productId,
          district: AdministrativeUnitType.district(product?.districtCode ?? null),
          stars: certificate.stars,
          level: certificate.level,
          cut: key,
        });
      });
  }

  // The read models know what was revoked; who recorded it and when is in the stored event. Each
  // product stream is read once per request, however many of its certificates are listed.
  @Rules({ readsStore: true })
  @FieldResolver(() => AuditEntryType, {
    nullable: true,
    description: 'The stored CertificateRevoked event: actor, recording time, command',
  })
  async recorded(@Root() record: RevocationRecordType, @Ctx() context: GraphQLContext): Promise<AuditEntryType | null> {
    const streamId = certificateStreamId(record.certificateId);
    if (!streamId) return null;
    const entries = certificateHistory(await context.loaders.streamEntries.load(streamId), record.certificateId);
    const event = entries.filter((e) => e.type === 'CertificateRevoked').at(-1);
    return event ? AuditEntryType.from(event) : null;
  }
}
