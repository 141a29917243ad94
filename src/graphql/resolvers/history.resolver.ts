import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { MAX_EVENTS_PAGE, parseCursor, readEventsPage } from '../../application/eventLog';
import { formatPosition } from '../../eventStore/eventStore';
import type { GraphQLContext } from '../context';
import { EventPageType, RecordedEventType } from '../types/history.type';
import { Rules } from '../fieldRules';

const cursor = (text: string | null, field: string) => (text ? parseCursor(text, field) : null);

@Resolver()
export class HistoryResolver {
  @Rules({ access: 'officials', readsStore: true, wholeLog: { whenGiven: 'types' } })
  @Query(() => EventPageType, {
    description: 'The event log as data, in global order, a page at a time; the cursor is the log position',
  })
  async events(
    @Arg('after', () => String, {
      nullable: true,
      description: 'Events after this position (the endCursor of the previous page)',
    })
    after: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `The first events after \`after\` (or from the start), 1–${MAX_EVENTS_PAGE}; 100 when neither first nor last is given`,
    })
    first: number | null,
    @Arg('before', () => String, {
      nullable: true,
      description: 'Events before this position (the startCursor of the next page)',
    })
    before: string | null,
    @Arg('last', () => Int, {
      nullable: true,
      description: `The last events before \`before\` (or up to the end), 1–${MAX_EVENTS_PAGE}`,
    })
    last: number | null,
    @Arg('types', () => [String], { nullable: true, description: 'Only events of these types' }) types: string[] | null,
    @Arg('streamId', () => String, { nullable: true, description: 'Only events of this stream' })
    streamId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<InstanceType<typeof EventPageType>> {
    const page = await readEventsPage(
      context.services.store,
      {
        after: cursor(after, 'after'),
        before: cursor(before, 'before'),
        first: first ?? (last == null ? 100 : null),
        last,
        types,
        streamId,
      },
      context.outOfTime,
    );
    const edges = page.events.map((event) => ({
      cursor: formatPosition(event.position),
      node: RecordedEventType.from(event),
    }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        startCursor: edges[0]?.cursor ?? null,
        // An empty page after a cursor keeps that cursor, so a client polling for new events keeps its place.
        endCursor: edges.at(-1)?.cursor ?? after,
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
      },
    };
  }
}
