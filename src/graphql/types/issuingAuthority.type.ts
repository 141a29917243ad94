import { Field, ObjectType } from 'type-graphql';
import { type DecidingAuthority, authorityName } from '../../domain/rules/issuingAuthority';
import { LAST_DAY_OF_DISTRICTS, REORGANISATION_DAY } from '../../domain/rules/reorganisation';
import { unitOn } from '../../domain/rules/units/units';
import { EvaluationLevelEnum } from '../enums';
import { PublicType } from '../fieldRules';
import { AdministrativeUnitType } from './unit.type';

@PublicType()
@ObjectType('IssuingAuthority', {
  description:
    'Who decided, as on the decision date: the level and its unit (UBND tỉnh Bắc Kạn for a 2024 provincial ' +
    "decision, even when Thái Nguyên's office entered it later)",
})
export class IssuingAuthorityType {
  @Field(() => EvaluationLevelEnum, { description: 'The level that decided' })
  level!: string;

  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description: 'Its unit, named as on the decision date; null for the centre',
  })
  unit!: AdministrativeUnitType | null;

  @Field({
    description: 'The authority in Vietnamese, as the decision names it: "UBND tỉnh Bắc Kạn", "UBND huyện Na Rì"',
  })
  name!: string;

  static from(authority: DecidingAuthority, decidedOn: string): IssuingAuthorityType {
    const day = authority.level === 'DISTRICT' && decidedOn >= REORGANISATION_DAY ? LAST_DAY_OF_DISTRICTS : decidedOn;
    const unit = authority.unitCode === null ? undefined : unitOn(authority.unitCode, day);
    return Object.assign(new IssuingAuthorityType(), {
      level: authority.level,
      unit: unit ? AdministrativeUnitType.from(unit) : null,
      name: authorityName(authority, decidedOn),
    });
  }
}
