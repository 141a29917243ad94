import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../pagination';
import { DateTimeScalar } from '../scalars';

/** The description of every `atPosition` argument. */
export const AT_POSITION =
  'Answer with the log up to and including this position (a cursor of `events`, such as "42:42")';

/** The cut a query asks about: what was recorded by an instant, or up to a log position; now when neither. */
@ArgsType()
export class CutArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Answer with what was recorded at or before this instant',
  })
  @IsOptional()
  asOf?: Date | null;

  @Field(() => String, { nullable: true, description: AT_POSITION })
  @IsOptional()
  atPosition?: string | null;
}

/** The arguments of CutArgs: given a value, they ask a field about the past, which replays the log. */
export const HISTORY_ARGUMENTS = ['asOf', 'atPosition'] as const satisfies readonly (keyof CutArgs)[];

@ArgsType()
export class PageArgs extends CutArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start or from \`after\`, 1–${MAX_PAGE_SIZE} (default 20)`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Items after this cursor (the endCursor of the previous page)' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Page size from the end or from \`before\`, 1–${MAX_PAGE_SIZE}` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true, description: 'Items before this cursor (the startCursor of the next page)' })
  before?: string;
}

/** The description of every `provinceCode` that a question about a plan year may leave out. */
export const PROVINCE_ASKED =
  "The province's code; when absent, the caller's province on the day asked, else the server's OCOP_DEFAULT_PROVINCE (refused when neither)";

/** A province's plan year: what the plan and its reports are asked by. */
@ArgsType()
export class ProvinceYearArgs {
  @Field(() => Int, { description: 'The plan year' })
  @IsInt()
  year!: number;

  @Field(() => String, { nullable: true, description: PROVINCE_ASKED })
  @IsOptional()
  @IsString()
  provinceCode?: string | null;
}
