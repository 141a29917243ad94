import { Field, ObjectType } from 'type-graphql';
import type { KeyProductView } from '#projections/index';
import { unitOn } from '../../domain/rules/units/units';
import { KeyProductLevelEnum } from '../enums';
import { DateScalar } from '../scalars';
import { AdministrativeUnitType } from './unit.type';

@ObjectType('KeyProduct', { description: 'A product designated a key product (sản phẩm chủ lực) of a level' })
export class KeyProductType {
  @Field(() => KeyProductLevelEnum, { description: 'Province, district or commune' }) level!: string;
  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description: 'The unit it is a key product of, named as on the decision day',
  })
  unit!: AdministrativeUnitType | null;
  @Field({ description: "The decision's number" }) decisionNo!: string;
  @Field(() => DateScalar, { description: "The decision's date" }) decidedOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day the designation ended; null while in force' })
  endedOn!: string | null;

  productId!: string;
  cut!: string;

  static from(cut: string, designation: KeyProductView): KeyProductType {
    const unit = unitOn(designation.unitCode, designation.decidedOn);
    return Object.assign(new KeyProductType(), {
      ...designation,
      unit: unit ? AdministrativeUnitType.from(unit) : null,
      cut,
    });
  }
}
