import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { vietnamDate } from '../../domain/rules/businessDate';
import { requireUnitsOf } from '../../domain/rules/units/readPlace';
import type { GraphQLContext } from '../context';
import { DateScalar } from '../scalars';
import { AdministrativeUnitType } from '../types/unit.type';
import { Rules } from '../fieldRules';

@Resolver()
export class UnitsResolver {
  @Rules({ access: 'officials' })
  @Query(() => [AdministrativeUnitType], {
    description:
      'The units directly below a province on a day, for pickers: its districts before 2025-07-01, its communes and wards from then on',
  })
  administrativeUnits(
    @Arg('provinceCode', { description: 'The province, read on `on`' }) provinceCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The day (default: today in Vietnam)' })
    on: string | null,
    @Ctx() context: GraphQLContext,
  ): AdministrativeUnitType[] {
    const day = on ?? vietnamDate(context.services.clock());
    return requireUnitsOf(provinceCode, day).map((unit) => AdministrativeUnitType.from(unit));
  }
}
