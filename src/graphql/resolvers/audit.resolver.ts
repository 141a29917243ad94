import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { auditTrail } from '../../application/auditTrail';
import { parseCursor } from '../../application/eventLog';
import { digestHeads } from '../../application/headsDigest';
import { verifyStream } from '../../application/verifyLog';
import { NotFoundError } from '../../core/errors';
import type { GraphQLContext } from '../context';
import { AuditEntryType } from '../types/audit.type';
import { AuditVerificationType, HeadsDigestType } from '../types/auditVerification.type';
import { Rules } from '../fieldRules';

const missing = (streamId: string) => new NotFoundError(`Stream ${streamId} has no events`, { streamId });

@Resolver()
export class AuditResolver {
  @Rules({ access: 'officials', readsStore: true, maxItems: 200 })
  @Query(() => [AuditEntryType], {
    description: 'Every event of a stream, oldest first, with business date, recording time, actor and command',
  })
  async auditTrail(
    @Arg('streamId', { description: "The stream, e.g. `ocop-product-mien-dong` (see the event log's `streamId`)" })
    streamId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AuditEntryType[]> {
    const entries = await auditTrail(context.services.store, streamId);
    if (entries.length === 0) throw missing(streamId);
    return entries.map(AuditEntryType.from);
  }

  @Rules({ access: 'officials', readsStore: true })
  @Query(() => AuditVerificationType, {
    description: "Recomputes a stream's hash chain: the first event that does not match, and missing revisions",
  })
  async verifyAuditTrail(
    @Arg('streamId', { description: 'The stream to verify, e.g. `ocop-product-mien-dong`' }) streamId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AuditVerificationType> {
    const result = await verifyStream(context.services.store, streamId);
    if (result.events === 0) throw missing(streamId);
    return AuditVerificationType.from(result);
  }

  @Rules({ access: 'officials', readsStore: true, wholeLog: true })
  @Query(() => HeadsDigestType, {
    description:
      "The digest of every stream's head, for the whole log or up to a position: publish it, recompute it later",
  })
  async auditDigest(
    @Arg('atPosition', () => String, { nullable: true, description: 'Digest the log up to this position' })
    atPosition: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<HeadsDigestType> {
    const at = atPosition ? parseCursor(atPosition, 'atPosition') : undefined;
    return HeadsDigestType.from(await digestHeads(context.services.store, { at }, context.outOfTime));
  }
}
