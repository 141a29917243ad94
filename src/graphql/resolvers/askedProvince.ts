import { ArgsType, Field, Int } from 'type-graphql';
import { ValidationError } from '../../core/errors';
import { unitOn } from '../../domain/rules/units/units';
import type { GraphQLContext } from '../context';
import { CutArgs } from './args';

/**
 * The province a question is about: the one given, else the caller's (the province of the token's
 * unit on `day`); an anonymous caller must name it.
 */
export function askedProvince(context: GraphQLContext, given: string | null | undefined, day: string): string {
  if (given) return given;
  const unit = context.actor?.unit ? unitOn(context.actor.unit, day) : undefined;
  if (unit) return unit.provinceCode;
  throw new ValidationError('provinceCode is required', { field: 'provinceCode' });
}

/** A province's year, asked now or as it was; the caller's province when none is named. */
@ArgsType()
export class ProvinceYearQuestion extends CutArgs {
  @Field(() => Int, { description: 'The year' }) year!: number;
  @Field(() => String, {
    nullable: true,
    description: "The province's code; the caller's province when absent",
  })
  provinceCode?: string | null;
}
