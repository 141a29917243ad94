import { targetUnitCode } from '../../domain/plan/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PlanView } from '#projections/index';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { AdministrativeUnitType } from './unit.type';
import { UnitLevelEnum } from '../enums';
import { MOST_UNITS_IN_A_PROVINCE, type UnitLevel, unitOn } from '../../domain/rules/units/units';
import { PublicType, Rules } from '../fieldRules';

/** A target's unit, named as on the plan's adoption day (the day its codes were read on). */
function unitOfPlan(code: string, adoptedOn: string): AdministrativeUnitType {
  const unit = unitOn(code, adoptedOn);
  return unit ? AdministrativeUnitType.from(unit) : Object.assign(new AdministrativeUnitType(), { code, name: code });
}

@PublicType()
@ObjectType('DistrictTarget', { description: "A plan's targets for one unit (a district, a commune or the province)" })
export class DistrictTargetType {
  @Field(() => ID, { description: "The plan's id and the target's unit" })
  id!: string;

  @Field(() => AdministrativeUnitType, { description: 'The unit the targets are for' })
  unit!: AdministrativeUnitType;

  @Field(() => Int, { description: 'New products to certify with 3 stars or more' }) newProducts3Star!: number;
  @Field(() => Int, { description: 'Certified subjects to consolidate' }) consolidatedSubjects!: number;
  @Field(() => Int, { description: 'New subjects to register with a product' }) newSubjects!: number;
  @Field(() => Int, { description: 'Certified products to make traceable' }) traceabilityProducts!: number;
  @Field(() => Int, { description: 'Certified subjects to link with partners' }) linkageSubjects!: number;
  @Field(() => Int, { description: 'Certified products to bring under advanced quality management' })
  advancedQmProducts!: number;
}

@PublicType()
@ObjectType('Plan', { description: "A province's yearly OCOP plan with its targets per district" })
export class PlanType {
  @Field(() => ID, {
    description: 'The province and year, and the time asked when about the past (see docs/clients.md)',
  })
  id!: string;

  @Field({ description: "The plan's document number, e.g. 180/KH-UBND" })
  reference!: string;

  @Field({ description: "The province's code" })
  provinceCode!: string;

  @Field(() => Int, { description: 'The plan year' })
  year!: number;

  @Field(() => DateScalar, { description: 'The day of the latest adoption' })
  adoptedOn!: string;

  @Field(() => Int, { description: 'How many times the plan was adopted again with new targets' })
  revisions!: number;

  @Field(() => UnitLevelEnum, {
    description: 'The level of the units the plan sets targets for: DISTRICT (Plan 180), COMMUNE or PROVINCE',
  })
  level!: UnitLevel;

  @Rules({ maxItems: MOST_UNITS_IN_A_PROVINCE })
  @Field(() => [DistrictTargetType], { description: 'The targets per unit of the plan' })
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
