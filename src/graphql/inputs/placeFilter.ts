import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { PlaceQuery } from '#projections/placeIndex';
import type { BusinessDate } from '../../domain/rules/businessDate';
import { requireCommune, requireProvinceOn } from '../../domain/rules/units/readPlace';
import { DateScalar } from '../scalars';
import { IsCommuneCode, IsUnitCode } from './common';

/** Where a listed thing is, through its subject, on a day: the fields the product, subject and certificate filters share. */
@InputType()
export abstract class PlaceFilter {
  @Field({
    nullable: true,
    description: 'Only those located in this province on `on` (an abolished code is refused, naming its successor)',
  })
  @IsOptional()
  @IsUnitCode('provinceCode')
  provinceCode?: string;

  @Field({ nullable: true, description: 'Only those located in this commune or ward on `on`' })
  @IsOptional()
  @IsCommuneCode('communeCode')
  communeCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day places are read on (default: the day asked)' })
  @IsOptional()
  on?: string;
}

/**
 * The place a filter asks for, its codes read on its day (the day asked unless `on` says): a code that
 * names nothing then is refused (BAD_USER_INPUT), so a list is never silently empty for an old code.
 */
export function placeAsked(filter: Partial<PlaceFilter> | null, dayAsked: BusinessDate): PlaceQuery {
  if (!filter) return {};
  const on = filter.on ?? dayAsked;
  if (filter.provinceCode !== undefined && filter.provinceCode !== null) requireProvinceOn(filter.provinceCode, on);
  if (filter.communeCode !== undefined && filter.communeCode !== null)
    requireCommune('communeCode', filter.communeCode, on);
  return {
    provinceCode: filter.provinceCode ?? undefined,
    communeCode: filter.communeCode ?? undefined,
    on,
  };
}
