import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PATTERN, ID_RULE } from '../../domain/rules/ids';
import { ALL_PROVINCE_CODES, BAC_KAN_DISTRICT_CODES } from '../../domain/rules/units/units';

function applyAll(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Codes any period knew; whether a code names a unit on a given day is the domain's to say. */
export const DISTRICT_CODES = BAC_KAN_DISTRICT_CODES;
export const PROVINCE_CODES = ALL_PROVINCE_CODES;

/** At least one visible character: a name of spaces is no name. */
export const NOT_BLANK = /\S/;

export const IsDistrictCode = () => IsIn(DISTRICT_CODES, { message: 'districtCode must be a known district code' });
export const IsProvinceCode = () => IsIn(PROVINCE_CODES, { message: 'provinceCode must be a known province code' });
/** A GSO code's form (2, 3 or 5 digits); what it names depends on the date it is read on. */
export const IsUnitCode = (name: string) =>
  Matches(/^(\d{2}|\d{3}|\d{5})$/, { message: `${name} must be a GSO code of 2, 3 or 5 digits` });
export const IsCommuneCode = (name: string) =>
  Matches(/^\d{5}$/, { message: `${name} must be a 5-digit GSO commune or ward code` });
/** What a registration's `id` field says of ids (src/domain/rules/ids.ts). */
export const REGISTERED_ID_DESCRIPTION =
  `Chosen by the caller: ${ID_RULE}, kept as given and unique regardless of case (HTX-01 is refused ` +
  'with CONFLICT when htx-01 exists). Without it, derived from the commandId, the office and the command';

/** An id's form (src/domain/rules/ids.ts): what it names is the domain's to say. */
export const IsEntityId = (name: string) => Matches(ID_PATTERN, { message: `${name} must be ${ID_RULE}` });
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
    description:
      'Idempotency key of the sending office for this kind of command: a retry with the same commandId appends nothing and answers the same',
  })
  @IsOptional()
  @Length(1, 128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'commandId must be 1–128 visible ASCII characters' })
  commandId?: string;
}
