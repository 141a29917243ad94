import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../pagination';
import { DateTimeScalar } from '../scalars';

/** The description of every `atPosition` argument. */
export const AT_POSITION =
  'Answer with the log up to and including this position (a cursor of `events`, such as "42:42")';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default 20)` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Answer with what was recorded at or before this instant',
  })
  asOf?: Date;

  @Field(() => String, { nullable: true, description: AT_POSITION })
  atPosition?: string;
}
