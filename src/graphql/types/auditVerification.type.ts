import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChainBreakReason, StreamVerification } from '../../application/chainVerifier';
import type { HeadsDigest } from '../../application/headsDigest';
import { formatPosition } from '../../eventStore/eventStore';
import { DateTimeScalar } from '../scalars';

const CHAIN_BREAK_REASONS: Record<ChainBreakReason, ChainBreakReason> = {
  HASH_MISMATCH: 'HASH_MISMATCH',
  PREV_HASH_MISMATCH: 'PREV_HASH_MISMATCH',
  MISSING_HASH: 'MISSING_HASH',
  REVISION_OUT_OF_ORDER: 'REVISION_OUT_OF_ORDER',
};
registerEnumType(CHAIN_BREAK_REASONS, {
  name: 'ChainBreakReason',
  valuesConfig: {
    HASH_MISMATCH: { description: 'The stored event is not the one that was hashed: it was edited' },
    PREV_HASH_MISMATCH: { description: 'It does not link to the stored event before it: one was removed or replaced' },
    MISSING_HASH: { description: 'It carries no hash' },
    REVISION_OUT_OF_ORDER: { description: 'Its revision does not follow the one before' },
  },
});

@ObjectType('ChainBreak', { description: 'The first event of a stream that does not match its hash chain' })
export class ChainBreakType {
  @Field(() => Int)
  revision!: number;

  @Field()
  position!: string;

  @Field()
  type!: string;

  @Field(() => CHAIN_BREAK_REASONS)
  reason!: ChainBreakReason;

  @Field({ description: 'The hash the chain expects here' })
  expected!: string;

  @Field(() => String, { nullable: true, description: 'What the stored event carries instead' })
  found!: string | null;
}

@ObjectType('RevisionGap', { description: 'Revisions missing from a stream (inclusive): events were removed' })
export class RevisionGapType {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;
}

@ObjectType('AuditVerification', { description: "A stream's hash chain recomputed from the stored events" })
export class AuditVerificationType {
  @Field(() => ID, { description: 'The stream verified: a later verification replaces this one' })
  id!: string;

  @Field()
  streamId!: string;

  @Field({ description: 'Every event matches its chain and no revision is missing' })
  intact!: boolean;

  @Field(() => Int)
  events!: number;

  @Field(() => Int, { nullable: true })
  headRevision!: number | null;

  @Field(() => String, { nullable: true, description: "The stored hash of the stream's last event" })
  headHash!: string | null;

  @Field(() => ChainBreakType, { nullable: true })
  firstBreak!: ChainBreakType | null;

  @Field(() => Int, { description: 'How many events do not match' })
  breaks!: number;

  @Field(() => [RevisionGapType])
  gaps!: RevisionGapType[];

  static from(result: StreamVerification): AuditVerificationType {
    const at = result.firstBreak;
    return Object.assign(new AuditVerificationType(), {
      ...result,
      id: result.streamId,
      headRevision: result.head ? Number(result.head.revision) : null,
      headHash: result.head?.hash ?? null,
      firstBreak: at
        ? Object.assign(new ChainBreakType(), {
            ...at,
            revision: Number(at.revision),
            position: formatPosition(at.position),
          })
        : null,
      gaps: result.gaps.map((g) => Object.assign(new RevisionGapType(), { from: Number(g.from), to: Number(g.to) })),
    });
  }
}

@ObjectType('HeadsDigest', {
  description:
    "SHA-256 over every stream's head (`streamId revision hash` lines in stream order): publish it to pin the log",
})
export class HeadsDigestType {
  @Field(() => ID, { description: 'The log position the digest covers (`empty` for an empty log)' })
  id!: string;

  @Field()
  digest!: string;

  @Field(() => Int)
  streams!: number;

  @Field(() => Int)
  events!: number;

  @Field(() => String, { nullable: true, description: 'The log position the digest covers: recompute it there' })
  position!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recordedAt!: Date | null;

  static from(digest: HeadsDigest): HeadsDigestType {
    return Object.assign(new HeadsDigestType(), { ...digest, id: digest.position ?? 'empty' });
  }
}
