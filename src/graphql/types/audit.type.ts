import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AuditEntry } from '../../application/auditTrail';
import type { JsonObject } from '../../core/json';
import { formatPosition } from '../../eventStore/eventStore';
import { EvaluationLevelEnum } from '../enums';
import { DateScalar, DateTimeScalar } from '../scalars';
import { CertificateType, RevocationType } from './certificate.type';
import { AdministrativeUnitType } from './unit.type';

@ObjectType('Actor', { description: 'Who acted: an official, their role and the unit of their office' })
export class ActorType {
  @Field(() => ID, { description: "The official's id (the token's subject)" })
  id!: string;

  @Field({ description: 'The role the official acted in' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'The administrative unit code of their office' })
  unit!: string | null;
}

@ObjectType('AuditEntry', { description: 'One stored event as an auditor reads it' })
export class AuditEntryType {
  @Field(() => ID, {
    description: 'The stream and revision of the event (`ocop-product-mien-dong:3`): it never changes',
  })
  id!: string;

  @Field({ description: 'Its place in the log (a cursor, as in `events`)' })
  position!: string;

  @Field({ description: 'The stream it belongs to (`ocop-subject-…`, `ocop-product-…`, `ocop-plan-…`)' })
  streamId!: string;

  @Field(() => Int, { description: 'Its place in its stream, from 0' })
  revision!: number;

  @Field({ description: 'What happened (`SubjectRegistered`, `CertificateRevoked`, …)' })
  type!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the fact took effect (decision, registration…)' })
  businessDate!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the store recorded it' })
  recordedAt!: Date;

  @Field(() => ActorType, {
    description: 'Who recorded it, null for events recorded before actors were kept',
    nullable: true,
  })
  actor!: ActorType | null;

  @Field(() => String, { nullable: true, description: 'The decision (or plan) number the event records' })
  decisionNo!: string | null;

  @Field(() => String, {
    description: 'The command that recorded it (a retry with the same id records nothing more)',
    nullable: true,
  })
  commandId!: string | null;

  @Field(() => String, {
    description: 'The request it came from (the `x-correlation-id` header, or one made for it)',
    nullable: true,
  })
  correlationId!: string | null;

  @Field(() => String, { description: "The event that caused it, null when an official's command did", nullable: true })
  causationId!: string | null;

  @Field(() => String, { nullable: true, description: 'The hash of the event before it in the stream' })
  prevHash!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of this event and prevHash' })
  hash!: string | null;

  @Field(() => GraphQLJSONObject, { description: "The event's data as stored" })
  data!: JsonObject;

  static from(entry: AuditEntry): AuditEntryType {
    return Object.assign(new AuditEntryType(), {
      ...entry,
      id: `${entry.streamId}:${entry.revision}`,
      position: formatPosition(entry.position),
      revision: Number(entry.revision),
      actor: entry.actor ? Object.assign(new ActorType(), entry.actor) : null,
    });
  }
}

@ObjectType('RevocationRecord', {
  description: 'A revocation as auditors review it: what, why, by whose decision, who recorded it',
})
export class RevocationRecordType extends RevocationType {
  @Field(() => ID, { description: 'The certificate revoked, and the time asked when about the past' })
  id!: string;

  @Field(() => CertificateType, { description: 'The certificate revoked, as it is now' })
  certificate!: CertificateType;

  @Field(() => ID, { description: 'The certificate number' })
  certificateId!: string;

  @Field(() => ID, { description: "The product's id" })
  productId!: string;

  @Field({ description: "The product's name" })
  productName!: string;

  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description: "The product's district at registration; null for products of subjects registered from 2025-07-01",
  })
  district!: AdministrativeUnitType | null;

  @Field(() => Int, { description: 'The stars the certificate recognised' })
  stars!: number;

  @Field(() => EvaluationLevelEnum, { description: 'The level that recognised them' })
  level!: string;

  /** The key of the cut it was read from (see ../cut.ts). */
  cut!: string;
}
