import { targetUnitCode } from '../../domain/plan/events';
import { Field, Int, ObjectType } from 'type-graphql';
import type { PlanView } from '../../../projections';
import { DateScalar } from '../scalars';
import { AdministrativeUnitType } from './unit.type';

@ObjectType('DistrictTarget')
export class DistrictTargetType {
  @Field(() => AdministrativeUnitType)
  unit!: AdministrativeUnitType;

  @Field(() => Int) newProducts3Star!: number;
  @Field(() => Int) consolidatedSubjects!: number;
  @Field(() => Int) newSubjects!: number;
  @Field(() => Int) traceabilityProducts!: number;
  @Field(() => Int) linkageSubjects!: number;
  @Field(() => Int) advancedQmProducts!: number;
}

@ObjectType('Plan', { description: "A province's yearly OCOP plan with its targets per district" })
export class PlanType {
  @Field()
  reference!: string;

  @Field()
  provinceCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => DateScalar)
  adoptedOn!: string;

  @Field(() => Int, { description: 'How many times the plan was adopted again with new targets' })
  revisions!: number;

  @Field(() => [DistrictTargetType])
  targets!: DistrictTargetType[];

  static from(plan: PlanView): PlanType {
    return Object.assign(new PlanType(), {
      ...plan,
      targets: [...plan.targets.values()].map((t) =>
        Object.assign(new DistrictTargetType(), { ...t, unit: AdministrativeUnitType.of(targetUnitCode(t)) }),
      ),
    });
  }
}
