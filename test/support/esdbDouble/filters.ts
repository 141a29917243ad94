import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './log';

export type EventFilter = (event: StoredEvent) => boolean;

/**
 * The server-side filter of a read or subscription: on the stream name or on the event type, by a list
 * of prefixes (any one matches) or else by a regular expression; no filter lets everything through.
 */
export function eventFilter(options: ReadReq.Options): EventFilter {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return () => true;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const matches = (value: string): boolean =>
    prefixes.length > 0 ? prefixes.some((prefix) => value.startsWith(prefix)) : (regex?.test(value) ?? true);
  return (event) => matches(onStream ? event.streamId : event.type);
}
