import { ValidationError } from '../../core/errors';
import { unitOn } from '../../domain/rules/units/units';
import type { GraphQLContext } from '../context';

/**
 * The province a question is about: the one given, else the caller's (the province of the token's
 * unit on `day`); an anonymous caller must name it.
 */
export function askedProvince(context: GraphQLContext, given: string | null | undefined, day: string): string {
  if (given) return given;
  const unit = context.actor?.unit ? unitOn(context.actor.unit, day) : undefined;
  if (unit) return unit.provinceCode ?? unit.code;
  throw new ValidationError('provinceCode is required', { field: 'provinceCode' });
}
