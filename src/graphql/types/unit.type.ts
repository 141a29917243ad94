import { Field, ObjectType } from 'type-graphql';
import { LAST_DAY_OF_DISTRICTS } from '../../domain/rules/reorganisation';
import { type UnitLevel, districtOn } from '../../domain/rules/units/units';
import { UnitLevelEnum } from '../enums';
import { PublicType } from '../fieldRules';

@PublicType()
@ObjectType('AdministrativeUnit', {
  description:
    'A province, district or commune/ward with its GSO code and its name as on the day asked (codes are reused across 2025-07-01)',
})
export class AdministrativeUnitType {
  @Field({ description: 'GSO code: 2 digits for a province, 3 for a district, 5 for a commune or ward' })
  code!: string;

  @Field({ description: 'Its name on the day asked' })
  name!: string;

  @Field(() => UnitLevelEnum, { description: 'Province, district (until 2025-06-30) or commune/ward' })
  level!: UnitLevel;

  static from(unit: {
    readonly code: string;
    readonly name: string;
    readonly level: UnitLevel;
  }): AdministrativeUnitType {
    return Object.assign(new AdministrativeUnitType(), { code: unit.code, name: unit.name, level: unit.level });
  }

  /** A district a subject or product was registered in, named as on its last day when asked later. */
  static district(code: string | null): AdministrativeUnitType | null {
    const district = code === null ? undefined : districtOn(code, LAST_DAY_OF_DISTRICTS);
    return district ? AdministrativeUnitType.from(district) : null;
  }
}
