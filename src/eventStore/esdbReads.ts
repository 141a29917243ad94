import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type ReadPosition,
  type ResolvedEvent,
  START,
  type StreamingRead,
} from '@eventstore/db-client';
import { delay, nextWithin } from './esdbDeadline';
import { isNotLeader, isStreamNotFound, neverReachedServer, translateEsdbError } from './esdbErrors';
import { type EventSelection, toRecordedEvent } from './esdbEvents';
import {
  type GlobalPosition,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  comparePositions,
} from './eventStore';

/** How many events one `$all` page asks for: system events are skipped on our side, so we page. */
const ALL_PAGE = 500;

/** An entry of a raw page: where it is and what it is, its data and metadata not yet decoded. */
interface PageEntry {
  readonly position: GlobalPosition;
  readonly streamId: string;
  readonly type: string;
  readonly resolved: ResolvedEvent;
}

/** Stream and `$all` reads for the EventStoreDB adapter. */
export class EsdbReader {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly deadlineMs: number,
    private readonly selection: EventSelection,
  ) {}

  /**
   * A stream's events from the leader: a stream is what a command decides on, and a follower (a node
   * that was leader before an election, say) may lag behind the writes the command must see. A
   * follower answers NotLeader, and the client moves to the leader it names.
   */
  async *stream(streamId: string, options: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    if (options.maxCount === 0) return;
    const backwards = options.direction === 'backwards';
    const open = (): StreamingRead<ResolvedEvent> =>
      this.client.readStream(streamId, {
        requiresLeader: true,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
    for await (const resolved of this.bounded(open, `a read of ${streamId}`)) {
      const event = toRecordedEvent(resolved);
      if (event) yield event;
    }
  }

  /**
   * `$all` in pages, without system events (and, with stream prefixes, only those streams; with types,
   * only those types), so `maxCount` counts the events the application receives. The client's reads of
   * `$all` take no server-side filter: the others are skipped here, by their type and stream, before
   * they are turned into the port's events.
   */
  async *all(options: ReadAllOptions): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const types = options.types && new Set(options.types);
    if (types?.size === 0) return;
    let remaining = options.maxCount ?? Infinity;
    let from: ReadPosition = options.after ?? (backwards ? END : START);
    // The server starts a forward read at its position and a backward one before it: skipping what is
    // not past `last` makes `after` exclusive both ways, and the overlap of consecutive pages too.
    let last: GlobalPosition | undefined = options.after;
    while (remaining > 0) {
      if (types) {
        const turn = options.betweenReads?.();
        if (turn) await turn;
      }
      const page = await this.page(from, ALL_PAGE, backwards);
      for (const entry of page) {
        const order = last ? comparePositions(entry.position, last) : backwards ? -1 : 1;
        if (backwards ? order >= 0 : order <= 0) continue;
        last = entry.position;
        if (types && !types.has(entry.type)) continue;
        const event = this.accepted(entry);
        if (!event) continue;
        yield event;
        if (--remaining <= 0) return;
      }
      if (page.length < ALL_PAGE || !last) return;
      from = last;
    }
  }

  /** The position of the last event in `$all`, system events included; null for an empty log. */
  async lastPosition(): Promise<GlobalPosition | null> {
    const [last] = await this.page(END, 1, true);
    return last?.position ?? null;
  }

  /** One raw page of `$all`, read to the end before anything is handed out (no call held open). */
  private async page(from: ReadPosition, maxCount: number, backwards: boolean): Promise<PageEntry[]> {
    const open = (): StreamingRead<ResolvedEvent> =>
      this.client.readAll({ fromPosition: from, maxCount, direction: backwards ? BACKWARDS : FORWARDS });
    const entries: PageEntry[] = [];
    for await (const resolved of this.bounded(open, 'a read of $all')) {
      const raw = resolved.event;
      if (!raw?.position) continue;
      entries.push({ position: raw.position, streamId: raw.streamId, type: raw.type, resolved });
    }
    return entries;
  }

  private accepted(entry: PageEntry): RecordedEvent | undefined {
    return this.selection.accepts(entry.streamId, entry.type) ? toRecordedEvent(entry.resolved) : undefined;
  }

  /**
   * Iterates a client read with a deadline on each item (the client runs reads without one), maps
   * failures to the port's errors, reads a missing stream as empty, and cancels the call when the
   * consumer stops early. A call refused before it reached the server, or by a follower (NotLeader),
   * is reopened once, on the client's next connection.
   */
  private async *bounded(open: () => StreamingRead<ResolvedEvent>, what: string): AsyncIterable<ResolvedEvent> {
    for (let attempt = 1; ; attempt++) {
      const stream = open();
      const iterator: AsyncIterator<ResolvedEvent> = stream[Symbol.asyncIterator]();
      let ended = false;
      let yielded = false;
      try {
        for (;;) {
          const next = await nextWithin(iterator, { ms: this.deadlineMs, what });
          if (next.done) {
            ended = true;
            return;
          }
          yielded = true;
          yield next.value;
        }
      } catch (error) {
        if (isStreamNotFound(error)) return;
        if (attempt === 1 && !yielded && (neverReachedServer(error) || isNotLeader(error))) {
          await delay(0);
          continue;
        }
        throw translateEsdbError(error);
      } finally {
        if (!ended) {
          // After a deadline, a failure or an early stop. Destroying the local stream settles a pending
          // next(); cancelling closes the gRPC call, which the client gives no deadline of its own.
          stream.destroy();
          stream.cancel().catch(() => undefined);
        }
      }
    }
  }
}
