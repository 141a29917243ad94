import { Field, ObjectType } from 'type-graphql';
import { findUnit } from '../../domain/rules/administrativeUnits';

@ObjectType('AdministrativeUnit', {
  description: 'A province or district, with the GSO code and name in force at the time',
})
export class AdministrativeUnitType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  static of(code: string): AdministrativeUnitType {
    return Object.assign(new AdministrativeUnitType(), { code, name: findUnit(code)?.name ?? code });
  }
}
