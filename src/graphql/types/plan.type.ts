import { targetUnitCode } from '../../domain/plan/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PlanView } from '../../../projections';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { AdministrativeUnitType } from './unit.type';
import { UnitLevelEnum } from '../enums';
import { type UnitLevel, unitOn } from '../../domain/rules/units/units';

/** A target's unit, named as on the plan's adoption day (the day its codes were read on). */
function unitOfPlan(code: string, adoptedOn: string): AdministrativeUnitType {
  const unit = unitOn(code, adoptedOn);
  return unit ? AdministrativeUnitType.from(unit) : Object.assign(new AdministrativeUnitType(), { code, name: code });
}

@ObjectType('DistrictTarget')
export class DistrictTargetType {
  @Field(() => ID, { description: "The plan's id and the target's unit" })
  id!: string;

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
  @Field(() => ID, {
    description: 'The province and year, and the time asked when about the past (see docs/clients.md)',
  })
  id!: string;

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

  @Field(() => UnitLevelEnum, {
    description: 'The level of the units the plan sets targets for: DISTRICT (Plan 180), COMMUNE or PROVINCE',
  })
  level!: UnitLevel;

  @Field(() => [DistrictTargetType])
  targets!: DistrictTargetType[];

  static from(cut: string, plan: PlanView): PlanType {
    const key = `plan:${plan.provinceCode}:${plan.year}`;
    return Object.assign(new PlanType(), {
      ...plan,
      id: identify(key, cut),
      targets: [...plan.targets.values()].map((t) =>
        Object.assign(new DistrictTargetType(), {
          ...t,
          id: identify(`${key}:${targetUnitCode(t)}`, cut),
          unit: unitOfPlan(targetUnitCode(t), plan.adoptedOn),
        }),
      ),
    });
  }
}
