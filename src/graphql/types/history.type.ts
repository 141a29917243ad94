import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { JsonObject } from '../../core/json';
import { type RecordedEvent, formatPosition } from '../../eventStore/eventStore';
import { DateTimeScalar } from '../scalars';
import { connection } from './page.type';

@ObjectType('RecordedEvent', { description: 'One event of the log, exactly as stored' })
export class RecordedEventType {
  @Field({
    description: 'Its place in the log: a cursor for `events(after:)` and `atPosition`, stable across restarts',
  })
  position!: string;

  @Field(() => ID, { description: "The event's own id (a UUID), the same in every copy of the log" })
  id!: string;

  @Field({ description: 'The stream it belongs to' })
  streamId!: string;

  @Field(() => Int, { description: 'Its place in its stream, from 0' })
  revision!: number;

  @Field({ description: 'What happened (`SubjectRegistered`, `CertificateRevoked`, …)' })
  type!: string;

  @Field(() => GraphQLJSONObject, { description: "The event's data as stored" })
  data!: JsonObject;

  @Field(() => GraphQLJSONObject, { description: 'commandId, correlationId, causationId, actor, prevHash, hash…' })
  metadata!: JsonObject;

  @Field(() => DateTimeScalar, { description: 'When the store recorded it' })
  recordedAt!: Date;

  static from(event: RecordedEvent): RecordedEventType {
    return Object.assign(new RecordedEventType(), {
      ...event,
      position: formatPosition(event.position),
      revision: Number(event.revision),
    });
  }
}

export const EventPageType = connection('Event', RecordedEventType, 'event', { counted: false });
