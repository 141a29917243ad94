import { Field, ID, ObjectType } from 'type-graphql';
import type { SubjectView } from '#projections/index';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { FundingSourceEnum, LinkageKindEnum, SubjectKindEnum, SupportProgrammeEnum } from '../enums';
import { GraphQLSafeInt } from 'graphql-scalars';
import { AdministrativeUnitType } from './unit.type';
import type { Placement } from '../../domain/rules/units/placement';
import { PublicType } from '../fieldRules';

@ObjectType('Linkage', { description: 'A production and/or consumption linkage of a subject with a partner' })
export class LinkageType {
  @Field(() => ID, { description: "The linkage's id" })
  id!: string;

  @Field({ description: "The partner's name" })
  partnerName!: string;

  @Field(() => LinkageKindEnum, { description: 'What the linkage covers' })
  kind!: string;

  @Field(() => DateScalar, { description: 'The day the linkage started' })
  startedOn!: string;

  @Field(() => DateScalar, { description: 'The day it ended, null while it lasts', nullable: true })
  endedOn!: string | null;

  @Field(() => String, { description: "The contract's reference, if any", nullable: true })
  contractRef!: string | null;
}

@ObjectType('Support', { description: 'Support a subject received under a programme' })
export class SupportType {
  @Field(() => ID, { description: "The support's id" })
  id!: string;

  @Field(() => SupportProgrammeEnum, { description: 'The programme it came under' })
  programme!: string;

  @Field(() => DateScalar, { description: 'The day it was provided' })
  providedOn!: string;

  @Field({ description: 'What was provided' })
  description!: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'What it cost in whole đồng; null when not recorded' })
  amountVnd!: number | null;

  @Field(() => FundingSourceEnum, { nullable: true, description: 'Which source paid for it; null when not recorded' })
  fundingSource!: string | null;
}

@PublicType()
@ObjectType('Subject', { description: 'A producer: cooperative, cooperative group, enterprise or household business' })
export class SubjectType {
  @Field(() => ID, {
    description:
      "The subject's id; in an answer about the past, followed by @ and the time asked (see docs/clients.md)",
  })
  id!: string;

  @Field({ description: 'The registered name' })
  name!: string;

  @Field(() => SubjectKindEnum, { description: 'Its legal form' })
  kind!: string;

  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description: 'The district it was registered in; null for registrations from 2025-07-01',
  })
  district!: AdministrativeUnitType | null;

  @Field(() => DateScalar, { description: 'The day it was registered in the programme' })
  registeredOn!: string;

  @Field(() => [LinkageType], { description: 'Its production and consumption linkages, oldest first' })
  linkages!: LinkageType[];

  @Field(() => [SupportType], { description: 'The support it received, oldest first' })
  supports!: SupportType[];

  /** The subject's id, whatever the cut. */
  entityId!: string;
  productIds!: readonly string[];
  /** Where it was recorded (district, communes): its commune and province are read from it on the day asked. */
  placement!: Placement;
  /** The key of the cut it was read from (see ../cut.ts): its products answer from the same one. */
  cut!: string;

  static from(cut: string, subject: SubjectView): SubjectType {
    const { id, name, kind, registeredOn, productIds } = subject;
    return Object.assign(new SubjectType(), {
      id: identify(id, cut),
      entityId: id,
      name,
      kind,
      registeredOn,
      productIds: [...productIds],
      district: AdministrativeUnitType.district(subject.districtCode),
      placement: { districtCode: subject.districtCode, communes: subject.communes },
      linkages: subject.linkages.map((l) => Object.assign(new LinkageType(), l)),
      supports: subject.supports.map((s) => Object.assign(new SupportType(), s)),
      cut,
    });
  }
}
