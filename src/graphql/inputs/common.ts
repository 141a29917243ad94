import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ADMINISTRATIVE_UNITS } from '../../domain/rules/administrativeUnits';

function applyAll(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export const DISTRICT_CODES = ADMINISTRATIVE_UNITS.filter((u) => u.level === 'DISTRICT').map((u) => u.code);
export const PROVINCE_CODES = ADMINISTRATIVE_UNITS.filter((u) => u.level === 'PROVINCE').map((u) => u.code);

/** Ids name streams, so they stay short and plain: letters, digits, '_' and '-'. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** At least one visible character: a name of spaces is no name. */
export const NOT_BLANK = /\S/;

export const IsDistrictCode = () => IsIn(DISTRICT_CODES, { message: 'districtCode must be a known district code' });
export const IsProvinceCode = () => IsIn(PROVINCE_CODES, { message: 'provinceCode must be a known province code' });
export const IsEntityId = (name: string) =>
  Matches(ID_PATTERN, { message: `${name} must be 1–64 letters, digits, '_' or '-'` });
export const IsText = (name: string, max: number): PropertyDecorator =>
  applyAll(
    Length(1, max, { message: `${name} must be 1–${max} characters` }),
    Matches(NOT_BLANK, { message: `${name} must not be blank` }),
  );

/** Every mutation input takes an optional commandId: the same one sent twice appends once. */
@InputType()
export abstract class CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Idempotency key: a retry with the same commandId appends nothing and answers the same',
  })
  @IsOptional()
  @Length(1, 128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'commandId must be 1–128 visible ASCII characters' })
  commandId?: string;
}
