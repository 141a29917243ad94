import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChainBreakReason, StreamVerification } from '../../application/chainVerifier';
import type { HeadsDigest } from '../../application/headsDigest';
import { formatPosition } from '../../eventStore/eventStore';
import { DateTimeScalar } from '../scalars';
import { Rules } from '../fieldRules';

const CHAIN_BREAK_REASONS: Record<ChainBreakReason, ChainBreakReason> = {
  HASH_MISMATCH: 'HASH_MISMATCH',
  PREV_HASH_MISMATCH: 'PREV_HASH_MISMATCH',
  MISSING_HASH: 'MISSING_HASH',
  REVISION_OUT_OF_ORDER: 'REVISION_OUT_OF_ORDER',
};
registerEnumType(CHAIN_BREAK_REASONS, {
  name: 'ChainBreakReason',
  description: "Why an event does not match its stream's hash chain",
  valuesConfig: {
    HASH_MISMATCH: { description: 'The stored event is not the one that was hashed: it was edited' },
    PREV_HASH_MISMATCH: { description: 'It does not link to the stored event before it: one was removed or replaced' },
    MISSING_HASH: { description: 'It carries no hash' },
    REVISION_OUT_OF_ORDER: { description: 'Its revision does not follow the one before' },
  },
});

@ObjectType('ChainBreak', { description: 'The first event of a stream that does not match its hash chain' })
export class ChainBreakType {
  @Field(() => Int, { description: 'The revision of the event that does not match' })
  revision!: number;

  @Field({ description: 'Its place in the log' })
  position!: string;

  @Field({ description: 'Its event type' })
  type!: string;

  @Field(() => CHAIN_BREAK_REASONS, { description: 'What does not match' })
  reason!: ChainBreakReason;

  @Field({ description: 'The hash the chain expects here' })
  expected!: string;

  @Field(() => String, { nullable: true, description: 'What the stored event carries instead' })
  found!: string | null;
}

@ObjectType('RevisionGap', { description: 'Revisions missing from a stream (inclusive): events were removed' })
export class RevisionGapType {
  @Field(() => Int, { description: 'The first missing revision' })
  from!: number;

  @Field(() => Int, { description: 'The last missing revision' })
  to!: number;
}

@ObjectType('AuditVerification', { description: "A stream's hash chain recomputed from the stored events" })
export class AuditVerificationType {
  @Field(() => ID, { description: 'The stream verified: a later verification replaces this one' })
  id!: string;

  @Field({ description: 'The stream verified' })
  streamId!: string;

  @Field({ description: 'Every event matches its chain and no revision is missing' })
  intact!: boolean;

  @Field(() => Int, { description: 'How many events the stream holds' })
  events!: number;

  @Field(() => Int, { description: 'The revision of its last event, null when it is empty', nullable: true })
  headRevision!: number | null;

  @Field(() => String, { nullable: true, description: "The stored hash of the stream's last event" })
  headHash!: string | null;

  @Field(() => ChainBreakType, {
    description: 'The first event that does not match its chain, null when intact',
    nullable: true,
  })
  firstBreak!: ChainBreakType | null;

  @Field(() => Int, { description: 'How many events do not match' })
  breaks!: number;

  @Rules({ maxItems: 20 })
  @Field(() => [RevisionGapType], { description: 'Revisions missing from the stream' })
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

  @Field({ description: 'The SHA-256 digest, hexadecimal' })
  digest!: string;

  @Field(() => Int, { description: 'How many streams it covers' })
  streams!: number;

  @Field(() => Int, { description: 'How many events it covers' })
  events!: number;

  @Field(() => String, { nullable: true, description: 'The log position the digest covers: recompute it there' })
  position!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the last event it covers was recorded', nullable: true })
  recordedAt!: Date | null;

  static from(digest: HeadsDigest): HeadsDigestType {
    return Object.assign(new HeadsDigestType(), { ...digest, id: digest.position ?? 'empty' });
  }
}
