import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { MAX_EVENTS_PAGE, parseCursor, readEventsPage } from '../../application/eventLog';
import { formatPosition } from '../../eventStore/eventStore';
import type { GraphQLContext } from '../context';
import { EventPageType, RecordedEventType } from '../types/history.type';

@Resolver()
export class HistoryResolver {
  @Query(() => EventPageType, {
    description: 'The event log as data, in global order, a page at a time; the cursor is the log position',
  })
  async events(
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page' })
    after: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `Page size, 1–${MAX_EVENTS_PAGE}` }) first: number,
    @Arg('types', () => [String], { nullable: true, description: 'Only these event types' }) types: string[] | null,
    @Arg('streamId', () => String, { nullable: true, description: 'Only this stream' }) streamId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<EventPageType> {
    const query = { after: after ? parseCursor(after, 'after') : null, first, types, streamId };
    const page = await readEventsPage(context.services.store, query);
    const last = page.events.at(-1);
    return {
      nodes: page.events.map(RecordedEventType.from),
      pageInfo: { endCursor: last ? formatPosition(last.position) : (after ?? null), hasNextPage: page.hasNextPage },
    };
  }
}
