import { ArgsType, Field, Int } from 'type-graphql';
import { provinceAsked } from '../provinceAsked';
import type { GraphQLContext } from '../context';
import { CutArgs } from './args';

/**
 * The province a question on `day` is about, by the one rule of src/graphql/provinceAsked.ts: the one
 * given, else the caller's, else OCOP_DEFAULT_PROVINCE.
 */
export function askedProvince(context: GraphQLContext, given: string | null | undefined, day: string): string {
  return provinceAsked(given, context.actor, day, Number(day.slice(0, 4)));
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
